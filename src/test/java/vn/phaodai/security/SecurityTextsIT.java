package vn.phaodai.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts the security module builds come from its bundle: Vietnamese by default, English with phaodai-lang=en. */
@PhaodaiIT
class SecurityTextsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    /** Answered by the security filters themselves, before the dispatcher: the cookie still sets the language. */
    @Test
    void anAnonymousCallOfTheApiIsRefusedInTheLanguageOfTheCookie() throws Exception {
        JsonNode vi = send("GET", "/api/v1/persons", null, null, null);
        assertThat(vi.get("status").asInt()).isEqualTo(401);
        assertThat(vi.get("title").asString()).isEqualTo("Chưa đăng nhập");
        assertThat(vi.get("detail").asString()).startsWith("Cần đăng nhập: token");

        JsonNode en = send("GET", "/api/v1/persons", null, null, "en");
        assertThat(en.get("status").asInt()).isEqualTo(401);
        assertThat(en.get("title").asString()).isEqualTo("Not logged in");
        assertThat(en.get("detail").asString()).startsWith("Log in first: a token");
    }

    @Test
    void aTooShortPasswordIsRefusedInTheLanguageOfTheCookie() throws Exception {
        String body = "{\"currentPassword\":\"" + TestApi.ADMIN_PASSWORD + "\",\"newPassword\":\"short\"}";
        JsonNode vi = send("POST", "/api/v1/me/password", body, ADMIN, null);
        assertThat(vi.get("status").asInt()).isEqualTo(400);
        assertThat(vi.get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(vi.get("errors").get(0).get("message").asString()).isEqualTo("Mật khẩu phải có ít nhất 10 ký tự");

        JsonNode en = send("POST", "/api/v1/me/password", body, ADMIN, "en");
        assertThat(en.get("status").asInt()).isEqualTo(400);
        assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("The password must have at least 10 characters");
    }

    /** Said by CurrentUser, which has no bean of its own to be handed the texts. */
    @Test
    void aRightTheUserLacksIsNamedInTheLanguageOfTheCookie() throws Exception {
        String name = "u-texts-" + System.nanoTime();
        String password = "Mat-khau-kiem-thu-9";
        TestApi.Response created = new TestApi(port).post("/api/v1/users", Map.of("username", name, "password", password,
                "roles", List.of("PROVINCIAL_COMMITTEE"), "jurisdiction", Map.of("level", "PROVINCE", "codes", List.of())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String committee = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));

        JsonNode vi = send("GET", "/api/v1/users", null, committee, null);
        assertThat(vi.get("status").asInt()).isEqualTo(403);
        assertThat(vi.get("detail").asString()).isEqualTo("Không có quyền USER_ADMIN");
        JsonNode en = send("GET", "/api/v1/users", null, committee, "en");
        assertThat(en.get("detail").asString()).isEqualTo("You do not have the right USER_ADMIN");
    }

    private JsonNode send(String method, String path, String json, String authorization, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        if (language != null) request.header("Cookie", "phaodai-lang=" + language);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}

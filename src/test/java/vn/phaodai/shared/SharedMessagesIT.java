package vn.phaodai.shared;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals the shared module words (i18n/shared) are English for a reader who chose English (the cookie),
 * Vietnamese otherwise: in the controllers' problem+json and in the input filter that runs before them.
 */
@PhaodaiIT
class SharedMessagesIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWrongTypeIsWordedInTheReadersLanguage() throws Exception {
        JsonNode en = get("/api/v1/campaigns?page=abc", "en");
        assertThat(en.get("title").asString()).isEqualTo("Invalid data");
        assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("Wrong data type: an integer needed");

        JsonNode vi = get("/api/v1/campaigns?page=abc", null);
        assertThat(vi.get("title").asString()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(vi.get("errors").get(0).get("message").asString()).isEqualTo("Sai kiểu dữ liệu: cần số nguyên");
    }

    @Test
    void theInputFilterSpeaksTheCookiesLanguage() throws Exception {
        JsonNode en = get("/api/v1/campaigns?name=a%00b", "en");
        assertThat(en.get("title").asString()).isEqualTo("Invalid data");
        assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("Must not contain the NUL character (\\u0000)");

        JsonNode vi = get("/api/v1/campaigns?name=a%00b", null);
        assertThat(vi.get("title").asString()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(vi.get("errors").get(0).get("message").asString()).isEqualTo("Không được chứa ký tự NUL (\\u0000)");
    }

    /** A 400 problem+json, asked as the administrator with the language cookie (or none). */
    private JsonNode get(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (language != null) request.header("Cookie", "phaodai-lang=" + language);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JsonMapper.builder().build().readTree(response.body());
    }
}

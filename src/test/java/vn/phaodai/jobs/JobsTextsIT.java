package vn.phaodai.jobs;

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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts the jobs module builds come from its bundle: Vietnamese by default, English with phaodai-lang=en. */
@PhaodaiIT
class JobsTextsIT {

    @LocalServerPort
    int port;

    @Test
    void aJobThatIsNotThereIsSaidInTheLanguageOfTheCookie() throws Exception {
        UUID id = UUID.randomUUID();
        JsonNode vi = get("/api/v1/jobs/" + id, null);
        assertThat(vi.get("status").asInt()).isEqualTo(404);
        assertThat(vi.get("detail").asString()).isEqualTo("Không có công việc " + id);
        JsonNode en = get("/api/v1/jobs/" + id, "en");
        assertThat(en.get("status").asInt()).isEqualTo(404);
        assertThat(en.get("detail").asString()).isEqualTo("There is no job " + id);
    }

    private JsonNode get(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (language != null) request.header("Cookie", "phaodai-lang=" + language);
        return JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}

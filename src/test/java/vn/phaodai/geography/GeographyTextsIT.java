package vn.phaodai.geography;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.WebSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts the geography module builds come from its bundle: Vietnamese by default, English with phaodai-lang=en. */
@PhaodaiIT
class GeographyTextsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    TestApi api;

    /** One commune of the GSO list, added to whatever is loaded (not a complete list: nothing is deactivated). */
    @BeforeEach
    void oneCommune(@TempDir Path dir) throws Exception {
        api = new TestApi(port);
        Path file = dir.resolve("one.csv");
        Files.writeString(file, """
                Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh
                Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,
                """);
        assertThat(api.upload("/api/v1/geography/import?complete=false", file).status()).isEqualTo(200);
    }

    @Test
    void aUnitThatIsNotThereIsSaidInTheLanguageOfTheCookie() throws Exception {
        JsonNode vi = send("GET", "/api/v1/geography/provinces/99", null, null);
        assertThat(vi.get("status").asInt()).isEqualTo(404);
        assertThat(vi.get("detail").asString()).isEqualTo("Không có tỉnh/thành phố mã 99");
        JsonNode en = send("GET", "/api/v1/geography/provinces/99", null, "en");
        assertThat(en.get("detail").asString()).isEqualTo("There is no province with the code 99");
    }

    /** The quotes around the name survive the message format in both languages. */
    @Test
    void aVillageTwiceIsRefusedWithItsNameQuoted() throws Exception {
        String name = "Tổ kiểm thử " + System.nanoTime();
        String body = JSON.writeValueAsString(Map.of("name", name, "kind", "TO_DAN_PHO"));
        assertThat(api.post("/api/v1/geography/communes/00001/villages", Map.of("name", name, "kind", "TO_DAN_PHO")).status())
                .isEqualTo(201);
        JsonNode vi = send("POST", "/api/v1/geography/communes/00001/villages", body, null);
        assertThat(vi.get("errors").get(0).get("message").asString()).isEqualTo("Phường/xã đã có thôn/tổ dân phố '" + name + "'");
        JsonNode en = send("POST", "/api/v1/geography/communes/00001/villages", body, "en");
        assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("The commune already has a village '" + name + "'");
    }

    /** A village's kind is shown by its label, never its code. */
    @Test
    void theCommunePageNamesTheKindsOfVillageInTheUsersLanguage() throws Exception {
        api.post("/api/v1/geography/communes/00001/villages", Map.of("name", "Tổ dân phố số " + System.nanoTime(), "kind", "TO_DAN_PHO"));
        WebSession admin = WebSession.admin(port);
        String vi = admin.get("/geography/communes/00001").body();
        assertThat(vi).contains("<td>Tổ dân phố</td>").doesNotContain("TO_DAN_PHO<").doesNotContain("??");
        String en = admin.get("/geography/communes/00001?lang=en").body();
        assertThat(en).contains("<td>Residential group (tổ dân phố)</td>").contains(">Quarter (khu phố)</option>").doesNotContain("??");
    }

    private JsonNode send(String method, String path, String json, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (json != null) request.header("Content-Type", "application/json");
        if (language != null) request.header("Cookie", "phaodai-lang=" + language);
        return JSON.readTree(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}

package vn.phaodai.geography;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PhaodaiIT
class GeographyImportIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;

    @BeforeEach
    void emptyDatabase() {
        api = new TestApi(port);
        TestData.reset(jdbc);
    }

    @Test
    void importsTheNationalListFromXlsThenCsvWithoutDuplicates() {
        JsonNode first = importFile(TestData.GSO_XLS);
        assertCounts(first.get("provinces"), 63, 0, 0);
        assertCounts(first.get("districts"), 705, 0, 0);
        assertCounts(first.get("communes"), 10_599, 0, 0);
        assertThat(first.get("rejected").size()).isZero();

        JsonNode again = importFile(TestData.GSO_CSV);
        assertCounts(again.get("provinces"), 0, 0, 0);
        assertCounts(again.get("districts"), 0, 0, 0);
        assertCounts(again.get("communes"), 0, 0, 0);
        assertThat(again.get("communes").get("unchanged").asInt()).isEqualTo(10_599);
        assertThat(count("commune")).isEqualTo(10_599);
        assertThat(count("district")).isEqualTo(705);
        assertThat(count("province")).isEqualTo(63);
    }

    @Test
    void islandDistrictsWithoutCommunesAreValid() {
        importFile(TestData.GSO_CSV);
        for (String island : List.of("318", "471", "498", "536", "755")) {
            TestApi.Response district = api.get("/api/v1/geography/districts/" + island);
            assertThat(district.status()).isEqualTo(200);
            assertThat(district.body().get("children").asInt()).isZero();
            assertThat(api.get("/api/v1/geography/districts/" + island + "/communes").body().size()).isZero();
        }
        assertThat(api.get("/api/v1/geography/districts/318").body().get("name").asString()).isEqualTo("Huyện Bạch Long Vĩ");
    }

    @Test
    void aNewerListRenamesAddsAndDeactivatesKeepingHistory(@TempDir Path dir) throws IOException {
        importFile(TestData.GSO_CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(TestData.GSO_CSV));
        // Phúc Xá (00001) renamed, Trúc Bạch (00004) gone, a new ward added to Ba Đình.
        lines.replaceAll(l -> l.replace("Phường Phúc Xá,00001", "Phường Phúc Xá Mới,00001"));
        lines.removeIf(l -> l.contains(",00004,"));
        lines.add("Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Sông Hồng,99990,Phường,Song Hong Ward");
        Path newer = dir.resolve("newer.csv");
        Files.write(newer, lines);

        JsonNode result = importFile(newer);
        assertCounts(result.get("communes"), 1, 1, 1);
        assertThat(commune("00001").get("name").asString()).isEqualTo("Phường Phúc Xá Mới");
        assertThat(commune("00004").get("active").asBoolean()).isFalse();
        assertThat(commune("99990").get("parentCode").asString()).isEqualTo("001");
        assertThat(jdbc.sql("select old_name from geography_change where code = '00001' and change = 'UPDATED'")
                .query(String.class).single()).isEqualTo("Phường Phúc Xá");

        // The older list again brings Trúc Bạch back under the same code: no duplicate.
        JsonNode back = importFile(TestData.GSO_CSV);
        assertThat(back.get("communes").get("updated").asInt()).isEqualTo(2);
        assertThat(commune("00004").get("active").asBoolean()).isTrue();
        assertThat(count("commune")).isEqualTo(10_600);
    }

    @Test
    void rejectsBadRowsByLineAndKeepsTheGoodOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh
                Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,
                Thành phố Hà Nội,1A,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,
                Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Vĩnh Phúc,00006,Ấp,
                Thành phố Hà Nội,01,Quận Ba Đình,001,,123,Phường,
                Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Cống Vị,00007,Phường,
                """);
        TestApi.Response r = api.upload("/api/v1/geography/import?complete=false", file);
        assertThat(r.status()).isEqualTo(200);
        JsonNode rejected = r.body().get("rejected");
        assertThat(rejected.size()).isEqualTo(3);
        assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).get("reason").asString()).contains("Mã TP");
        assertThat(rejected.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(rejected.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(r.body().get("communes").get("created").asInt()).isEqualTo(2);

        TestApi.Response whole = api.upload("/api/v1/geography/import?allOrNothing=true", file);
        assertThat(whole.body().get("applied").asBoolean()).isFalse();
    }

    @Test
    void theTreeIsReadableThroughTheApi() {
        importFile(TestData.GSO_CSV);
        assertThat(api.get("/api/v1/geography/provinces").body().size()).isEqualTo(63);
        JsonNode haTinh = api.get("/api/v1/geography/provinces/42").body();
        assertThat(haTinh.get("name").asString()).isEqualTo("Tỉnh Hà Tĩnh");
        assertThat(haTinh.get("kind").asString()).isEqualTo("PROVINCE");
        JsonNode districts = api.get("/api/v1/geography/provinces/42/districts").body();
        assertThat(districts.size()).isEqualTo(13);
        int communes = 0;
        for (JsonNode d : districts) communes += api.get("/api/v1/geography/districts/" + d.get("code").asString() + "/communes").body().size();
        assertThat(communes).isEqualTo(216);
        JsonNode phucXa = commune("00001");
        assertThat(phucXa.get("kind").asString()).isEqualTo("WARD");
        assertThat(phucXa.get("parentCode").asString()).isEqualTo("001");
        assertThat(api.get("/api/v1/geography/communes/99999").status()).isEqualTo(404);
    }

    @Test
    void onlyAnAuthenticatedUserSeesTheMap() {
        assertThat(TestApi.anonymous(port).get("/api/v1/geography/provinces").status()).isEqualTo(401);
    }

    private JsonNode importFile(Path file) {
        TestApi.Response r = api.upload("/api/v1/geography/import", file);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private JsonNode commune(String code) {
        return api.get("/api/v1/geography/communes/" + code).body();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void assertCounts(JsonNode counts, int created, int updated, int deactivated) {
        assertThat(counts.get("created").asInt()).as("created").isEqualTo(created);
        assertThat(counts.get("updated").asInt()).as("updated").isEqualTo(updated);
        assertThat(counts.get("deactivated").asInt()).as("deactivated").isEqualTo(deactivated);
    }
}

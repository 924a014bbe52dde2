package vn.phaodai.population;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person import must not be an oracle: an officer who imports a row with the ID number of a person registered
 * outside the officer's jurisdiction gets the same answer whatever name the row carries.
 */
@PhaodaiIT
class PersonImportJurisdictionIT {

    static final String HOME = "18073";
    static final String ID = "042085000123";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    TestApi officer;
    String elsewhere;

    @BeforeEach
    void aPersonRegisteredInAnotherCommune() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        var created = admin.post("/api/v1/persons", Map.of("fullName", "Nguyễn Văn An", "sex", "MALE", "dateOfBirth", "25/03/1985",
                "nationalId", ID, "communeCode", HOME));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        elsewhere = jdbc.sql("select code from commune where active and code <> ? order by code limit 1").param(HOME)
                .query(String.class).single();
        String name = "xa-" + System.nanoTime();
        var user = admin.post("/api/v1/users", Map.of("username", name, "password", "Mat-khau-can-bo-xa-9",
                "roles", List.of("COMMUNE_OFFICER"), "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(elsewhere))));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        officer = new TestApi(port, name, "Mat-khau-can-bo-xa-9");
    }

    @Test
    void theRightAndAWrongNameGetTheSameAnswer(@TempDir Path dir) throws IOException {
        JsonNode right = importAndWait(officer, row(dir, "dung.csv", "Nguyễn Văn An"));
        JsonNode wrong = importAndWait(officer, row(dir, "sai.csv", "Trần Văn Bình"));

        assertThat(right.get("status").asString()).isEqualTo("DONE");
        assertThat(wrong.get("status").asString()).isEqualTo("DONE");
        assertThat(right.get("result")).isEqualTo(wrong.get("result"));
        assertThat(right.get("result").get("alreadyRegistered").asInt()).isZero();
        assertThat(right.get("result").get("rejected").asInt()).isEqualTo(1);
        String rightReason = reason(right), wrongReason = reason(wrong);
        assertThat(rightReason).isEqualTo(wrongReason).contains(ID).contains("ngoài địa bàn quản lý")
                .doesNotContain("họ tên khác").doesNotContain("Nguyễn Văn An");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select commune_code from person").query(String.class).single()).isEqualTo(HOME);

        // Inside the jurisdiction (the administrator's is everything) the registered person is still recognised.
        JsonNode mine = importAndWait(admin, row(dir, "admin.csv", "Nguyễn Văn An"));
        assertThat(mine.get("result").get("alreadyRegistered").asInt()).isEqualTo(1);
        assertThat(mine.get("result").get("rejected").asInt()).isZero();
    }

    private Path row(Path dir, String file, String name) throws IOException {
        Path p = dir.resolve(file);
        Files.writeString(p, PersonImportIT.HEADER + "\n" + name + ",Nam,25/03/1985,," + ID + ",," + elsewhere + ",,,,,,,,\n");
        return p;
    }

    private String reason(JsonNode job) {
        return officer.get("/api/v1/jobs/" + job.get("id").asString() + "/rejections").body().get("items").get(0)
                .get("reason").asString();
    }

    private static JsonNode importAndWait(TestApi api, Path file) {
        return api.importAndWait("/api/v1/persons/import", file);
    }
}

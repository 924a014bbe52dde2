package vn.phaodai.tracing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The F1 found by phone in the field: a name, a birth year and a phone, no CCCD/CMND, entered as a contact line of a case. */
@PhaodaiIT
class ContactWithoutNationalIdIT {

    static final String COMMUNE = "18073";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    CaseFixture cases;

    @BeforeEach
    void setUp() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        cases = new CaseFixture(admin, jdbc);
    }

    private JsonNode lines(long caseId, List<Map<String, Object>> lines) {
        var r = admin.post("/api/v1/cases/" + caseId + "/contacts", Map.of(
                "details", Map.of("exposureDate", TODAY.minusDays(1).toString(), "setting", "HOUSEHOLD", "proximity", "PHYSICAL"),
                "lines", lines));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aPersonOfThirtyWithoutAnIdNumberEnteredAsAContactLineBecomesTheF1() {
        long caseId = cases.freshCase(COMMUNE, null, TODAY.minusDays(2));
        Map<String, Object> f1 = Map.of("fullName", "Đặng Văn Tiếp", "birthYear", TODAY.getYear() - 30, "sex", "Nam",
                "phone", "0913 000 222");

        JsonNode entered = lines(caseId, List.of(f1));
        assertThat(entered.get(0).get("status").asString()).as(entered.toString()).isEqualTo("NEW_PERSON");
        long person = entered.get(0).get("personId").asLong();
        JsonNode tier = admin.get("/api/v1/persons/" + person + "/tier").body();
        assertThat(tier.get("tier").asString()).isEqualTo("F1");
        JsonNode registered = admin.get("/api/v1/persons/" + person).body();
        assertThat(registered.get("nationalId").isNull()).isTrue();
        assertThat(registered.get("communeCode").asString()).as("the case's commune").isEqualTo(COMMUNE);

        // The quick entry sent again (a double tap): the same person, nothing new.
        JsonNode again = lines(caseId, List.of(f1));
        assertThat(again.get(0).get("status").asString()).isEqualTo("UNCHANGED");
        assertThat(again.get(0).get("personId").asLong()).isEqualTo(person);

        // A namesake of the same year with another phone is another F1, not the first one.
        JsonNode namesake = lines(caseId, List.of(Map.of("fullName", "Dang Van Tiep", "birthYear", TODAY.getYear() - 30, "sex", "Nam",
                "phone", "0913 999 888")));
        assertThat(namesake.get(0).get("status").asString()).isEqualTo("NEW_PERSON");
        assertThat(namesake.get(0).get("personId").asLong()).isNotEqualTo(person);

        // Both are on the commune's worklist of persons to complete with an ID number.
        List<Long> missing = new ArrayList<>();
        admin.get("/api/v1/persons/missing-national-id?commune=" + COMMUNE).body().get("items")
                .forEach(i -> missing.add(i.get("id").asLong()));
        assertThat(missing).containsExactlyInAnyOrder(person, namesake.get(0).get("personId").asLong());
    }
}

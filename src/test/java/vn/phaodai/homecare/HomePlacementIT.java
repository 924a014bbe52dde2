package vn.phaodai.homecare;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A case comes home through a placement: eligible, or an officer's override with a reason; never by a bare transfer. */
@PhaodaiIT
class HomePlacementIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    CaseFixture cases;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
    }

    private long caseInHospital(String born, List<String> comorbidities, String nationalId) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Phan Văn " + CaseFixture.letters(nationalId.hashCode() & 0xffff));
        p.put("sex", "MALE");
        p.put("dateOfBirth", born);
        p.put("nationalId", nationalId);
        p.put("communeCode", COMMUNE);
        p.put("comorbidities", comorbidities);
        long id = cases.confirmed(cases.person(p), COMMUNE, null, LocalDate.now().minusDays(3));
        var moved = api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "HOSPITAL", "facility", "Bệnh viện Đa khoa tỉnh"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        return id;
    }

    private String careSetting(long id) {
        return api.get("/api/v1/cases/" + id).body().get("careSetting").asText();
    }

    @Test
    void anIneligibleCaseGoesHomeOnlyOnAnOfficersReason() {
        long id = caseInHospital("01/01/1958", List.of("diabetes"), "042058800001");
        // Not by a bare transfer: the placement must be decided first.
        var bare = api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "HOME"));
        assertThat(bare.status()).as(bare.text()).isEqualTo(409);
        assertThat(careSetting(id)).isEqualTo("HOSPITAL");

        Map<String, Object> facts = new HashMap<>(Map.of("breathingRate", 18, "spo2", 97, "canSelfCare", true));
        var refused = api.post("/api/v1/cases/" + id + "/home-care/placement", facts);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.text()).contains("bệnh nền");
        assertThat(careSetting(id)).isEqualTo("HOSPITAL");

        facts.put("overrideReason", "Bệnh viện quá tải; bệnh nhân có con là điều dưỡng chăm sóc, đã thống nhất với BS Tâm");
        var placed = api.post("/api/v1/cases/" + id + "/home-care/placement", facts);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.body().get("eligible").asBoolean()).isFalse();
        assertThat(placed.body().get("overrideReason").asText()).startsWith("Bệnh viện quá tải");
        assertThat(placed.body().get("reasons").toString()).contains("bệnh nền");
        assertThat(careSetting(id)).isEqualTo("HOME");
        assertThat(api.get("/api/v1/cases/" + id + "/home-care/placements").body()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'HOME_PLACEMENT' and entity_id = ?").param(String.valueOf(id))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEligibleCaseGoesHomeWithoutAReasonAndThenMayBeTransferredBack() {
        long id = caseInHospital("01/01/1992", List.of(), "042092800002");
        var placed = api.post("/api/v1/cases/" + id + "/home-care/placement",
                Map.of("breathingRate", 17, "spo2", 98, "canSelfCare", true, "overrideReason", "không cần"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.body().get("eligible").asBoolean()).isTrue();
        assertThat(placed.body().get("overrideReason").isNull()).as("no override when eligible").isTrue();
        assertThat(careSetting(id)).isEqualTo("HOME");
        // Back to hospital and home again on the same day: the placement of the day stands.
        assertThat(api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "HOSPITAL", "facility", "BV")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "HOME")).status()).isEqualTo(200);
        // A bad day is refused with the field.
        var bad = api.post("/api/v1/cases/" + id + "/home-care/placement", Map.of("on", "31/02/2022"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("\"on\"");
        // A case that has ended is placed nowhere.
        cases.recovered(id, LocalDate.now());
        assertThat(api.post("/api/v1/cases/" + id + "/home-care/placement", Map.of("breathingRate", 17, "spo2", 98, "canSelfCare", true))
                .status()).isEqualTo(409);
    }

    @Test
    void thePageShowsWhyAndAsksForTheReason() throws Exception {
        long id = caseInHospital("01/01/1957", List.of("diabetes"), "042057800003");
        WebSession web = WebSession.admin(port);
        String page = "/home-care/cases/" + id + "/placement";
        assertThat(web.get(page).body()).contains("Không đủ điều kiện điều trị tại nhà").contains("Chưa có nhịp thở");
        var evaluated = web.post(page, "spo2=97&breathingRate=18&canSelfCare=true&evaluate=true&_csrf=" + web.csrf(page));
        assertThat(evaluated.body()).contains("bệnh nền").doesNotContain("Chưa có nhịp thở");
        var refused = web.post(page, "spo2=97&breathingRate=18&canSelfCare=true&overrideReason=&_csrf=" + web.csrf(page));
        assertThat(refused.body()).contains("placement-error").contains("Cán bộ có thẩm quyền vẫn có thể quyết định");
        assertThat(careSetting(id)).isEqualTo("HOSPITAL");
        var placed = web.post(page, "spo2=97&breathingRate=18&canSelfCare=true&overrideReason=" + WebSession.encode("Gia đình tự nguyện cách ly")
                + "&_csrf=" + web.csrf(page));
        assertThat(placed.statusCode()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("Gia đình tự nguyện cách ly");
        assertThat(careSetting(id)).isEqualTo("HOME");
    }
}

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's pages: an alert resolved from today's list, and the patient's link given as text and QR code. */
@PhaodaiIT
class HomeCarePagesIT {

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

    private long alertOf(long caseId) {
        var r = api.post("/api/v1/cases/" + caseId + "/readings", Map.of("spo2", 94));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("alertId").asLong();
    }

    private String alertStatus(long alertId) {
        return jdbc.sql("select status || coalesce('/' || action, '') from alert where id = ?").param(alertId).query(String.class).single();
    }

    @Test
    void anAlertIsResolvedFromTodaysList() throws Exception {
        long called = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        long sent = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        long a = alertOf(called), b = alertOf(sent);
        WebSession web = WebSession.admin(port);
        assertThat(web.get("/home-care").body()).contains("resolve-" + a).contains("resolve-" + b);

        // No action chosen: refused, said in Vietnamese, nothing changed.
        web.post("/home-care/alerts/" + a + "/resolve", "action=&_csrf=" + web.csrf("/home-care"));
        assertThat(web.get("/home-care").body()).contains("action-error-" + a).contains("Chọn cách xử lý"); // at the alert's field
        assertThat(alertStatus(a)).isEqualTo("OPEN");

        web.post("/home-care/alerts/" + a + "/resolve", "action=PHONE_CALL&note=" + WebSession.encode("Đã gọi, SpO2 đo lại 97%")
                + "&_csrf=" + web.csrf("/home-care"));
        assertThat(alertStatus(a)).isEqualTo("RESOLVED/PHONE_CALL");
        // A transfer needs where to; with it, the case moves.
        web.post("/home-care/alerts/" + b + "/resolve", "action=TRANSFER&careSetting=&_csrf=" + web.csrf("/home-care"));
        assertThat(alertStatus(b)).isEqualTo("OPEN");
        web.post("/home-care/alerts/" + b + "/resolve", "action=TRANSFER&careSetting=HOSPITAL&facility="
                + WebSession.encode("Bệnh viện Đa khoa tỉnh") + "&_csrf=" + web.csrf("/home-care"));
        assertThat(alertStatus(b)).isEqualTo("RESOLVED/TRANSFER");
        assertThat(api.get("/api/v1/cases/" + sent).body().get("careSetting").asText()).isEqualTo("HOSPITAL");
        assertThat(web.get("/home-care").body()).doesNotContain("resolve-" + a).doesNotContain("resolve-" + b);
    }

    @Test
    void theWorkerGivesThePatientALinkAsTextAndQrCode() throws Exception {
        long id = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        WebSession web = WebSession.admin(port);
        String page = "/home-care/cases/" + id + "/reading";
        assertThat(web.post("/home-care/cases/" + id + "/patient-link", "_csrf=" + web.csrf(page)).statusCode()).isEqualTo(302);
        String shown = web.get(page).body();
        Matcher m = Pattern.compile("value=\"http://[^\"]+(/p/[^\"]+)\"").matcher(shown);
        assertThat(m.find()).as("the link on the page").isTrue();
        assertThat(shown).contains("<svg").contains("id=\"patient-qr\"");
        // Shown once: the next view of the page no longer holds it.
        assertThat(web.get(page).body()).doesNotContain(m.group(1));

        WebSession patient = WebSession.anonymous(port);
        assertThat(patient.get(m.group(1)).statusCode()).isEqualTo(200);
        web.post("/home-care/cases/" + id + "/patient-link/revoke", "_csrf=" + web.csrf(page));
        assertThat(patient.get(m.group(1)).statusCode()).isEqualTo(410);
    }

    @Test
    void aWorkerSeesTheAlertsOfTheirOwnF0() throws Exception {
        jdbc.sql("truncate care_team restart identity cascade").update();
        long team = api.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "HOME_CARE_TEAM", "name", "Tổ F0 số 1"))
                .body().get("id").asLong();
        // The administrator is the only worker when the first case opens, so it is theirs.
        api.post("/api/v1/care-teams/" + team + "/workers", Map.of("fullName", "Quản trị", "username", "admin"));
        long own = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        long colleague = api.post("/api/v1/care-teams/" + team + "/workers", Map.of("fullName", "Y sĩ Hoa")).body().get("id").asLong();
        long theirs = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        assertThat(api.put("/api/v1/cases/" + theirs + "/care-worker", Map.of("workerId", colleague)).status()).isEqualTo(200);
        long mine = alertOf(own), other = alertOf(theirs);

        var all = api.get("/api/v1/alerts?commune=" + COMMUNE).body();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        var only = api.get("/api/v1/alerts?commune=" + COMMUNE + "&mine=true").body();
        assertThat(only.get("total").asLong()).isEqualTo(1);
        assertThat(only.get("items").get(0).get("id").asLong()).isEqualTo(mine);
        WebSession web = WebSession.admin(port);
        assertThat(web.get("/home-care?mine=true").body()).contains("resolve-" + mine).doesNotContain("resolve-" + other);
    }
}

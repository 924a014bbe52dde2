package vn.phaodai.homecare;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.homecare.alerts.Alerts;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Readings raise alerts at once; alerts are acknowledged, resolved, escalated; silent cases are listed. */
@PhaodaiIT
class AlertsIT {

    static final String COMMUNE = "18073";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Alerts alerts;
    TestApi api;
    CaseFixture cases;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
    }

    private JsonNode reading(long caseId, Map<String, Object> values, int expectedStatus) {
        var r = api.post("/api/v1/cases/" + caseId + "/readings", values);
        assertThat(r.status()).as(r.text()).isEqualTo(expectedStatus);
        return r.body();
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void aReadingWithLowOxygenRaisesAnAlertThatIsAcknowledgedThenResolvedByATransfer() {
        long caseId = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(2));
        JsonNode normal = reading(caseId, values("takenAt", OffsetDateTime.now(VIETNAM).minusMinutes(10).withNano(0).toString(),
                "spo2", 98, "breathingRate", 16, "temperature", 37.2), 201);
        assertThat(normal.get("signs")).isEmpty();
        assertThat(normal.get("alertId").isNull()).isTrue();

        String at = OffsetDateTime.now(VIETNAM).minusMinutes(5).withNano(0).toString();
        JsonNode low = reading(caseId, values("takenAt", at, "spo2", 94, "pulse", 100), 201);
        assertThat(low.get("signs").get(0).asString()).isEqualTo("SPO2");
        assertThat(low.get("band").asString()).isEqualTo("ADULT");
        long alertId = low.get("alertId").asLong();
        // The same reading sent again (a retry) records nothing new.
        assertThat(reading(caseId, values("takenAt", at, "spo2", 94, "pulse", 100), 200).get("repeated").asBoolean()).isTrue();
        // A worse reading raises the same alert further.
        JsonNode worse = reading(caseId, values("takenAt", OffsetDateTime.now(VIETNAM).minusMinutes(1).withNano(0).toString(),
                "spo2", 92, "breathingRate", 26, "symptoms", List.of("SHORTNESS_OF_BREATH")), 201);
        assertThat(worse.get("alertId").asLong()).isEqualTo(alertId);
        assertThat(worse.get("severity").asInt()).isEqualTo(3);

        JsonNode list = api.get("/api/v1/alerts?commune=" + COMMUNE).body();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode alert = list.get("items").get(0);
        assertThat(alert.get("severity").asInt()).isEqualTo(3);
        List<String> signs = new ArrayList<>();
        alert.get("signs").forEach(s -> signs.add(s.asString()));
        assertThat(signs).contains("SPO2", "BREATHING_RATE", "SHORTNESS_OF_BREATH");
        assertThat(alert.get("spo2").asInt()).isEqualTo(92);

        assertThat(api.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of()).body().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(api.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/alerts/" + alertId + "/resolve", Map.of("action", "TRANSFER")).status()).isEqualTo(400);
        var resolved = api.post("/api/v1/alerts/" + alertId + "/resolve", Map.of("action", "TRANSFER", "careSetting", "HOSPITAL",
                "facility", "Bệnh viện Đa khoa tỉnh"));
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + caseId).body().get("careSetting").asString()).isEqualTo("HOSPITAL");
        assertThat(api.get("/api/v1/alerts?commune=" + COMMUNE).body().get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/alerts?status=RESOLVED").body().get("items").get(0).get("action").asString()).isEqualTo("TRANSFER");
    }

    @Test
    void theListPutsTheMostSevereFirstThenTheLongestWaiting() {
        long mild = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        long critical = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        long older = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        reading(older, values("symptoms", List.of("CHEST_PAIN")), 201);
        reading(mild, values("symptoms", List.of("CHEST_PAIN")), 201);
        reading(critical, values("spo2", 90), 201);
        List<Long> order = new ArrayList<>();
        api.get("/api/v1/alerts").body().get("items").forEach(a -> order.add(a.get("caseId").asLong()));
        assertThat(order).containsExactly(critical, older, mild);
    }

    @Test
    void anAlertNobodyAcknowledgesEscalatesToTheDistrictAfterTheConfiguredMinutes() {
        long open = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        long seen = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        reading(open, values("spo2", 95), 201);
        long seenAlert = reading(seen, values("spo2", 95), 201).get("alertId").asLong();
        api.post("/api/v1/alerts/" + seenAlert + "/acknowledge", Map.of());
        OffsetDateTime raised = jdbc.sql("select max(raised_at) from alert").query(OffsetDateTime.class).single();
        assertThat(alerts.escalateDue(raised.plusMinutes(29))).isZero();
        assertThat(alerts.escalateDue(raised.plusMinutes(30).plusSeconds(1))).isEqualTo(1);
        assertThat(alerts.escalateDue(raised.plusMinutes(60))).isZero(); // once
        JsonNode escalated = api.get("/api/v1/alerts?escalated=true").body();
        assertThat(escalated.get("total").asInt()).isEqualTo(1);
        assertThat(escalated.get("items").get(0).get("caseId").asLong()).isEqualTo(open);
    }

    @Test
    void aCaseAtHomeWithoutAReadingForFourteenHoursIsOnTheNonReportingList() {
        long silent = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(2));
        long reporting = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(2));
        long recent = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM));
        reading(silent, values("takenAt", OffsetDateTime.now(VIETNAM).minusHours(15).withNano(0).toString(), "spo2", 98), 201);
        reading(reporting, values("takenAt", OffsetDateTime.now(VIETNAM).minusHours(2).withNano(0).toString(), "spo2", 98), 201);
        List<Long> listed = new ArrayList<>();
        api.get("/api/v1/home-care/non-reporting?commune=" + COMMUNE).body().get("items").forEach(s -> listed.add(s.get("caseId").asLong()));
        assertThat(listed).contains(silent).doesNotContain(reporting);
        if (OffsetDateTime.now(VIETNAM).getHour() >= 14) assertThat(listed).contains(recent); // silent since midnight
        reading(silent, values("takenAt", OffsetDateTime.now(VIETNAM).minusMinutes(1).withNano(0).toString(), "spo2", 97), 201);
        listed.clear();
        api.get("/api/v1/home-care/non-reporting?commune=" + COMMUNE).body().get("items").forEach(s -> listed.add(s.get("caseId").asLong()));
        assertThat(listed).doesNotContain(silent);
    }

    @Test
    void badReadingsAreRefusedNamingTheField() {
        long caseId = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        var bad = api.post("/api/v1/cases/" + caseId + "/readings", values("spo2", 140, "symptoms", List.of("SNEEZING")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("spo2").contains("symptoms");
        cases.recovered(caseId, LocalDate.now(VIETNAM));
        assertThat(api.post("/api/v1/cases/" + caseId + "/readings", values("spo2", 98)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/cases/999999/readings", values("spo2", 98)).status()).isEqualTo(404);
    }

    @Test
    void refusalsAndReasonsAreWordedInTheUsersLanguage() {
        long caseId = cases.freshCase(COMMUNE, null, LocalDate.now(VIETNAM).minusDays(1));
        Map<String, Object> bad = values("spo2", 140, "breathingRate", 200);
        var vi = api.post("/api/v1/cases/" + caseId + "/readings", bad);
        assertThat(vi.status()).isEqualTo(400);
        assertThat(vi.text()).contains("SpO2 (%) phải từ 50 đến 100").contains("Nhịp thở (lần/phút) phải từ 5 đến 120");
        var en = api.post("/api/v1/cases/" + caseId + "/readings?lang=en", bad);
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.text()).contains("SpO2 (%) must be between 50 and 100").contains("Breathing rate (breaths/min) must be between 5 and 120");

        assertThat(api.get("/api/v1/alerts?status=LOST").text()).contains("Trạng thái không hợp lệ: LOST");
        assertThat(api.get("/api/v1/alerts?status=LOST&lang=en").text()).contains("Invalid status: LOST");

        String eligibility = "/api/v1/cases/" + caseId + "/home-care/eligibility?breathingRate=30&spo2=90";
        assertThat(api.get(eligibility).body().get("reasons").toString()).contains("Nhịp thở 30 lần/phút").contains("SpO2 90%");
        assertThat(api.get(eligibility + "&lang=en").body().get("reasons").toString())
                .contains("Breathing rate 30 breaths/min").contains("SpO2 90%; it must be at least");
    }
}

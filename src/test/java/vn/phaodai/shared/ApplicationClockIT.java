package vn.phaodai.shared;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's day follows its clock, not the machine's: set to 15/10/2021 (a demo replaying the outbreak), a
 * reading is taken that day, the home-care rule of that day is chosen, a date after it is the future, and the list of
 * the silent follows; put back, the same data is old again.
 */
@PhaodaiIT
class ApplicationClockIT {

    static final String COMMUNE = "18073";
    static final LocalDate DAY = LocalDate.of(2021, 10, 15);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationClock clock;
    TestApi api;
    CaseFixture cases;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
    }

    private List<Long> silent() {
        List<Long> listed = new ArrayList<>();
        var r = api.get("/api/v1/home-care/non-reporting?commune=" + COMMUNE + "&size=500");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        r.body().get("items").forEach(s -> listed.add(s.get("caseId").asLong()));
        return listed;
    }

    @Test
    void onTheFifteenthOfOctober2021TheDayIsThatDay() {
        long caseId;
        try (var at = ClockForTests.at(clock, DAY)) {
            assertThat(clock.today()).isEqualTo(DAY);
            caseId = cases.freshCase(COMMUNE, null, DAY.minusDays(1));

            // The rule of the day: 4038/QĐ-BYT (21/8/2021), not today's 604/QĐ-BYT.
            var eligibility = api.get("/api/v1/cases/" + caseId + "/home-care/eligibility?breathingRate=16&spo2=98");
            assertThat(eligibility.status()).as(eligibility.text()).isEqualTo(200);
            assertThat(eligibility.body().get("on").asText()).isEqualTo("2021-10-15");
            assertThat(eligibility.body().get("rule").asText()).startsWith("4038/QĐ-BYT");

            // Confirmed yesterday at midnight, no reading since: silent for 33 hours.
            assertThat(silent()).contains(caseId);
            var reading = api.post("/api/v1/cases/" + caseId + "/readings", Map.of("spo2", 98, "breathingRate", 16));
            assertThat(reading.status()).as(reading.text()).isEqualTo(201);
            assertThat(reading.body().get("takenAt").asText()).startsWith("2021-10-15T09:");
            assertThat(silent()).doesNotContain(caseId);

            // The sixteenth has not come yet: neither an outcome nor a birth on it.
            var recovered = api.post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome", "RECOVERED", "on", "2021-10-16"));
            assertThat(recovered.status()).as(recovered.text()).isEqualTo(400);
            assertThat(recovered.text()).contains("\"on\"").contains("tương lai");
            Map<String, Object> baby = new HashMap<>(Map.of("fullName", "Lê Thị An", "sex", "FEMALE", "dateOfBirth", "16/10/2021",
                    "communeCode", COMMUNE));
            var born = api.post("/api/v1/persons", baby);
            assertThat(born.status()).as(born.text()).isEqualTo(400);
            assertThat(born.text()).contains("dateOfBirth");
            baby.put("dateOfBirth", "15/10/2021");
            assertThat(api.post("/api/v1/persons", baby).status()).isEqualTo(201);
        }

        // Put back: today is the machine's again, and the reading of 2021 is long past.
        assertThat(clock.today()).isEqualTo(LocalDate.now(ApplicationClock.ZONE));
        assertThat(silent()).contains(caseId);
        var now = api.get("/api/v1/cases/" + caseId + "/home-care/eligibility?breathingRate=16&spo2=98");
        assertThat(now.body().get("on").asText()).isEqualTo(LocalDate.now(ApplicationClock.ZONE).toString());
        assertThat(now.body().get("rule").asText()).doesNotStartWith("4038/QĐ-BYT");
        assertThat(api.post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome", "RECOVERED", "on", "2021-10-16")).status())
                .isEqualTo(200);
    }
}

package vn.phaodai.vaccination;

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
import vn.phaodai.support.WebSession;
import vn.phaodai.vaccination.VaccinationStatuses.Level;
import vn.phaodai.vaccination.VaccinationStatuses.Purpose;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status derived on any date, "fully vaccinated" by the definition of that date and purpose, the next dose due,
 * and the API's and the page's answers to good, bad, repeated and foreign input.
 */
@PhaodaiIT
class VaccinationStatusIT {

    static final String COMMUNE = "18073";
    static final String OTHER_COMMUNE = "18070";
    static final AtomicInteger SERIAL = new AtomicInteger(8_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VaccinationStatuses statuses;
    TestApi api;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
    }

    long adult() {
        int n = SERIAL.incrementAndGet();
        var r = api.post("/api/v1/persons", Map.of("fullName", "Đỗ Văn " + CaseFixture.letters(n), "sex", "MALE",
                "dateOfBirth", "03/03/1975", "nationalId", String.format("042075%06d", n), "communeCode", COMMUNE));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    Map<String, Object> body(long person, String kind, String product, String givenOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", person);
        b.put("doseKind", kind);
        b.put("product", product);
        b.put("givenOn", givenOn);
        b.put("lot", "AB1234");
        return b;
    }

    void given(long person, String kind, String product, String givenOn) {
        var r = api.post("/api/v1/doses", body(person, kind, product, givenOn));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    JsonNode status(long person, String on) {
        var r = api.get("/api/v1/persons/" + person + "/vaccination?on=" + on);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theStatusOnSeveralDatesAndTheNextDoseDue() {
        long p = adult();
        given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-01");
        given(p, "PRIMARY_2", "ASTRAZENECA", "2021-08-01");
        given(p, "BOOSTER_1", "COMIRNATY_30", "2022-01-01");

        JsonNode before = status(p, "2021-05-31");
        assertThat(before.get("status").get("level").asString()).isEqualTo("NOT_VACCINATED");
        assertThat(before.get("doses").size()).isZero();
        assertThat(before.get("nextDose").get("kind").asString()).isEqualTo("PRIMARY_1");
        assertThat(before.get("nextDose").get("products").toString()).contains("ASTRAZENECA").doesNotContain("COMIRNATY_10");

        JsonNode started = status(p, "2021-06-01");
        assertThat(started.get("status").get("level").asString()).isEqualTo("PRIMARY_STARTED");
        JsonNode next = started.get("nextDose");
        assertThat(next.get("kind").asString()).isEqualTo("PRIMARY_2");
        assertThat(next.get("from").asString()).isEqualTo("2021-07-27");
        assertThat(next.get("until").asString()).isEqualTo("2021-08-24");
        assertThat(next.get("products").toString()).contains("ASTRAZENECA").doesNotContain("COMIRNATY_30"); // no mix before September
        assertThat(next.get("why").get(0).get("document").asString()).contains("AstraZeneca");
        assertThat(status(p, "2021-09-01").get("nextDose").get("products").toString()).contains("COMIRNATY_30", "SPIKEVAX");

        JsonNode complete = status(p, "2021-08-01");
        assertThat(complete.get("status").get("level").asString()).isEqualTo("PRIMARY_COMPLETE");
        assertThat(complete.get("status").get("primaryCompleteOn").asString()).isEqualTo("2021-08-01");
        // 3 months after would be 30/10/2021, but boosters start with 10722/BYT-DP on 17/12/2021
        assertThat(complete.get("nextDose").get("kind").asString()).isEqualTo("BOOSTER_1");
        assertThat(complete.get("nextDose").get("from").asString()).isEqualTo("2021-12-17");
        assertThat(complete.get("nextDose").get("why").toString()).contains("10722/BYT-DP");

        JsonNode boosted = status(p, "2022-01-01");
        assertThat(boosted.get("status").get("level").asString()).isEqualTo("BOOSTED");
        assertThat(boosted.get("doses").size()).isEqualTo(3);
        assertThat(boosted.get("nextDose").get("kind").asString()).isEqualTo("BOOSTER_2");
        assertThat(boosted.get("nextDose").get("from").asString()).isEqualTo("2022-05-18"); // 4 months: 01/05, the rule from 18/05

        // the additional dose
        long q = adult();
        given(q, "PRIMARY_1", "VERO_CELL", "2021-10-01");
        given(q, "PRIMARY_2", "VERO_CELL", "2021-10-25");
        given(q, "ADDITIONAL", "VERO_CELL", "2021-12-20");
        assertThat(status(q, "2021-12-19").get("status").get("level").asString()).isEqualTo("PRIMARY_COMPLETE");
        assertThat(status(q, "2021-12-20").get("status").get("level").asString()).isEqualTo("ADDITIONAL");
        assertThat(status(q, "2021-12-20").get("nextDose").get("from").asString()).isEqualTo("2022-03-20");
    }

    @Test
    void theWaitAfterAnInfectionMovesTheNextDose() {
        long p = adult();
        new CaseFixture(api, jdbc).confirmed(p, COMMUNE, null, LocalDate.of(2022, 1, 10));
        JsonNode s = status(p, "2022-02-01");
        assertThat(s.get("nextDose").get("from").asString()).isEqualTo("2022-04-10");
        assertThat(s.get("nextDose").get("why").toString()).contains("10/01/2022");
    }

    @Test
    void fullyVaccinatedByThePurposeAndTheDefinitionOfTheDay() {
        long p = adult(), one = adult(), none = adult();
        given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-01");
        given(p, "PRIMARY_2", "ASTRAZENECA", "2021-08-01");
        given(one, "PRIMARY_1", "ASTRAZENECA", "2021-09-01");
        // quarantine, August 2021: the course complete 14 days before
        assertThat(fully(p, "2021-08-14", Purpose.QUARANTINE)).isFalse();
        assertThat(fully(p, "2021-08-15", Purpose.QUARANTINE)).isTrue();
        // 10696/BYT-MT: the last dose 14 days to 6 months before
        assertThat(fully(p, "2022-01-28", Purpose.QUARANTINE)).isTrue();
        assertThat(fully(p, "2022-01-29", Purpose.QUARANTINE)).isFalse();
        assertThat(statuses.fullyVaccinated(p, LocalDate.of(2022, 1, 29), Purpose.QUARANTINE).document()).contains("10696/BYT-MT");
        // from 21/02/2022: two doses or more
        assertThat(fully(p, "2022-02-21", Purpose.QUARANTINE)).isTrue();
        assertThat(fully(one, "2022-02-21", Purpose.QUARANTINE)).isFalse();
        // home care (4038/QĐ-BYT): the course complete, or one dose more than 14 days ago; from February 2022 two doses
        assertThat(fully(one, "2021-09-15", Purpose.HOME_CARE)).isFalse();
        assertThat(fully(one, "2021-09-16", Purpose.HOME_CARE)).isTrue();
        assertThat(fully(p, "2021-08-21", Purpose.HOME_CARE)).isTrue();
        assertThat(fully(one, "2022-02-01", Purpose.HOME_CARE)).isFalse();
        assertThat(fully(p, "2022-02-01", Purpose.HOME_CARE)).isTrue();
        // factory testing (8228/BYT-MT from 30/09/2021)
        assertThat(fully(p, "2021-09-29", Purpose.FACTORY_TESTING)).isFalse();
        assertThat(fully(p, "2021-09-30", Purpose.FACTORY_TESTING)).isTrue();
        // many persons at once, the unvaccinated among them
        var many = statuses.of(List.of(p, one, none), LocalDate.of(2021, 9, 1));
        assertThat(many.get(p).level()).isEqualTo(Level.PRIMARY_COMPLETE);
        assertThat(many.get(one).level()).isEqualTo(Level.PRIMARY_STARTED);
        assertThat(many.get(none).level()).isEqualTo(Level.NOT_VACCINATED);
        var answers = statuses.fullyVaccinated(List.of(p, one, none), LocalDate.of(2021, 9, 16), Purpose.HOME_CARE);
        assertThat(answers.get(p).fully()).isTrue();
        assertThat(answers.get(one).fully()).isTrue();
        assertThat(answers.get(none).fully()).isFalse();
        // and in SQL, for lists
        assertThat(jdbc.sql("select primary_complete_on from vaccination_on(date '2021-09-01') where person_id = ?").param(p)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 8, 1));
        // a dose changed: the answer changes
        jdbc.sql("update vaccine_dose set given_on = date '2021-09-10' where person_id = ? and dose_kind = 'PRIMARY_2'").param(p).update();
        assertThat(fully(p, "2021-09-16", Purpose.QUARANTINE)).isFalse();
    }

    private boolean fully(long person, String on, Purpose purpose) {
        return statuses.fullyVaccinated(person, LocalDate.parse(on), purpose).fully();
    }

    @Test
    void theApiAnswers201ThenTheStoredDoseThen409ForAnotherOfTheSameKind() {
        long p = adult();
        Map<String, Object> b = body(p, "PRIMARY_1", "COMIRNATY_30", "15/10/2021");
        b.put("lotExpiry", "2021-12-31");
        b.put("vaccinator", "Y sĩ Lan");
        b.put("reaction", "MILD");
        b.put("givenAt", "Bệnh viện tỉnh");
        var first = api.post("/api/v1/doses", b);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode d = first.body();
        assertThat(d.get("givenOn").asString()).isEqualTo("2021-10-15");
        assertThat(d.get("source").asString()).isEqualTo("MANUAL");
        assertThat(d.get("reaction").asString()).isEqualTo("MILD");
        assertThat(d.get("recordedBy").asString()).isEqualTo("admin");
        var again = api.post("/api/v1/doses", b);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(d.get("id").asLong());
        assertThat(jdbc.sql("select count(*) from vaccine_dose where person_id = ?").param(p).query(Long.class).single()).isEqualTo(1);
        var other = api.post("/api/v1/doses", body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-16"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().get("detail").asString()).contains("15/10/2021");
        // the audit trail: one dose recorded, one status read
        status(p, "2021-10-20");
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'vaccine_dose' and person_id = ?").param(p).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void badInputIs400NamingTheField() {
        long p = adult();
        assertField(body(p, "PRIMARY_1", "NO_SUCH_VACCINE", "2021-10-15"), "product");
        assertField(body(p, "PRIMARY_1", "COMIRNATY_30", LocalDate.now().plusDays(2).toString()), "givenOn");
        assertField(body(p, "PRIMARY_1", "COMIRNATY_30", "31/02/2021"), "givenOn");
        assertField(body(p, "PRIMARY_9", "COMIRNATY_30", "2021-10-15"), "doseKind");
        Map<String, Object> expired = body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-15");
        expired.put("lotExpiry", "2021-10-14");
        assertField(expired, "lotExpiry");
        Map<String, Object> reaction = body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-15");
        reaction.put("reaction", "TERRIBLE");
        assertField(reaction, "reaction");
        Map<String, Object> point = body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-15");
        point.put("pointId", 987654);
        assertField(point, "pointId");
        Map<String, Object> nobody = body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-15");
        nobody.remove("personId");
        assertField(nobody, "personId");
        assertThat(jdbc.sql("select count(*) from vaccine_dose").query(Long.class).single()).isZero();
    }

    private void assertField(Map<String, Object> body, String field) {
        var r = api.post("/api/v1/doses", body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("errors").toString()).as(r.text()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aPersonOutsideTheAreaIsAsMissing() {
        long p = adult();
        TestApi elsewhere = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", OTHER_COMMUNE);
        var outside = elsewhere.post("/api/v1/doses", body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-15"));
        var missing = elsewhere.post("/api/v1/doses", body(999_999_999L, "PRIMARY_1", "COMIRNATY_30", "2021-10-15"));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(elsewhere.get("/api/v1/persons/" + p + "/vaccination").status()).isEqualTo(404);
        assertThat(elsewhere.get("/api/v1/persons/999999999/vaccination").status()).isEqualTo(404);
        TestApi here = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", COMMUNE);
        assertThat(here.post("/api/v1/doses", body(p, "PRIMARY_1", "COMIRNATY_30", "2021-10-15")).status()).isEqualTo(201);
        assertThat(here.get("/api/v1/persons/" + p + "/vaccination").body().get("status").get("level").asString()).isEqualTo("PRIMARY_STARTED");
    }

    @Test
    void thePageShowsTheBrokenRulesAndKeepsWhatWasTyped() throws Exception {
        long p = adult();
        given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-01");
        WebSession web = WebSession.admin(port);
        String path = "/vaccination/doses/new";
        var form = web.get(path + "?personId=" + p);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Ghi mũi tiêm", "AstraZeneca (Vaxzevria)");
        assertThat(form.body()).containsPattern("value=\"PRIMARY_2\"\\s+selected");
        String typed = "personId=" + p + "&product=ASTRAZENECA&doseKind=PRIMARY_2&givenOn=" + WebSession.encode("01/07/2021")
                + "&lot=" + WebSession.encode("NJ-4711") + "&vaccinator=" + WebSession.encode("Y sĩ Hoa") + "&reaction=MILD";
        var refused = web.post(path, typed + "&_csrf=" + web.csrf(path));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"broken-rules\"", "30 ngày", "overrideReason", "NJ-4711", "Y sĩ Hoa");
        assertThat(refused.body()).contains("value=\"MILD\" id=\"r-MILD\" checked");
        var bad = web.post(path, "personId=" + p + "&product=ASTRAZENECA&doseKind=PRIMARY_2&givenOn=99%2F99%2F2021&lot=NJ-4711&_csrf=" + web.csrf(path));
        assertThat(bad.body()).contains("Không đọc được ngày", "NJ-4711", "99/99/2021");
        var kept = web.post(path, typed + "&overrideReason=" + WebSession.encode("Đi công tác dài ngày") + "&_csrf=" + web.csrf(path));
        assertThat(kept.statusCode()).isEqualTo(302);
        String location = kept.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/vaccination/persons/" + p);
        var page = web.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.body()).contains("Đã lưu mũi tiêm", "Mũi 2", "Đi công tác dài ngày", "Đã tiêm đủ liều cơ bản");
    }
}

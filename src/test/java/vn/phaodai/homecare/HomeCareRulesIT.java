package vn.phaodai.homecare;

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
import vn.phaodai.support.TestDoses;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Eligibility for home care under each rule period, the end-of-isolation proposal, and the patient's own link. */
@PhaodaiIT
class HomeCareRulesIT {

    static final String COMMUNE = "18073";
    static final AtomicInteger SERIAL = new AtomicInteger();

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

    /** A case of a person born that day, with the registry's health flags, confirmed on the day given. */
    private long caseOf(String born, String sex, boolean pregnant, List<String> comorbidities, String confirmedOn, Integer doses) {
        Map<String, Object> p = new HashMap<>();
        int n = SERIAL.incrementAndGet();
        p.put("fullName", (sex.equals("MALE") ? "Lê Văn " : "Lê Thị ") + CaseFixture.letters(n));
        int year = Integer.parseInt(born.substring(6));
        if (year <= LocalDate.now().getYear() - 14) {
            int century = (year >= 2000 ? 2 : 0) + (sex.equals("MALE") ? 0 : 1);
            p.put("nationalId", String.format("042%d%02d%06d", century, year % 100, 700_000 + n));
        }
        p.put("sex", sex);
        p.put("dateOfBirth", born);
        p.put("communeCode", COMMUNE);
        p.put("pregnant", pregnant);
        p.put("comorbidities", comorbidities);
        long person = cases.person(p);
        long id = cases.confirmed(person, COMMUNE, null, LocalDate.parse(confirmedOn));
        if (doses != null) vaccinate(id, doses, LocalDate.parse(confirmedOn).minusDays(30));
        return id;
    }

    /** Doses recorded in the registry for the case's person, the last on the day given. */
    private void vaccinate(long caseId, int doses, LocalDate last) {
        long person = jdbc.sql("select person_id from case_card where id = ?").param(caseId).query(Long.class).single();
        if (doses == 1) TestDoses.given(api, person, last);
        else if (doses == 2) TestDoses.twoDoses(api, person, last);
        else throw new IllegalArgumentException("one or two doses");
    }

    private JsonNode eligibility(long caseId, String on, String extra) {
        var r = api.get("/api/v1/cases/" + caseId + "/home-care/eligibility?on=" + on + "&breathingRate=18&spo2=97" + extra);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private static boolean eligible(JsonNode answer) {
        return answer.get("eligible").asBoolean();
    }

    @Test
    void underTheAugust2021RuleOnlyTheVaccinatedOrTheYoungAndHealthyStayHome() {
        String on = "2021-10-01";
        long young = caseOf("01/01/1990", "MALE", false, List.of(), on, null);
        long old = caseOf("01/01/1960", "MALE", false, List.of(), on, null);
        long oldVaccinated = caseOf("02/01/1960", "MALE", false, List.of(), on, 2);
        long pregnant = caseOf("01/01/1995", "FEMALE", true, List.of(), on, null);
        long comorbid = caseOf("03/01/1990", "MALE", false, List.of("diabetes"), on, null);
        long baby = caseOf("01/03/2021", "FEMALE", false, List.of(), on, null);
        assertThat(eligible(eligibility(young, on, ""))).isTrue();
        JsonNode refused = eligibility(old, on, "");
        assertThat(eligible(refused)).isFalse();
        assertThat(refused.get("reasons").get(0).asString()).contains("50 tuổi");
        assertThat(refused.get("rule").asString()).contains("4038/QĐ-BYT");
        assertThat(eligible(eligibility(oldVaccinated, on, ""))).isTrue();
        // The status comes from the registry of doses: record two doses for the older man, and he may stay home.
        vaccinate(old, 2, LocalDate.parse(on).minusDays(20));
        assertThat(eligible(eligibility(old, on, ""))).isTrue();
        assertThat(eligibility(pregnant, on, "").get("reasons").toString()).contains("mang thai");
        assertThat(eligibility(comorbid, on, "").get("reasons").toString()).contains("bệnh nền");
        assertThat(eligibility(baby, on, "").get("reasons").toString()).contains("1 tuổi");
        var low = api.get("/api/v1/cases/" + young + "/home-care/eligibility?on=" + on + "&breathingRate=21&spo2=95").body();
        assertThat(low.get("reasons").toString()).contains("Nhịp thở 21").contains("SpO2 95%");
    }

    @Test
    void fromJanuary2022AStableComorbidityIsAllowedWithSelfCareOrACarer() {
        String on = "2022-02-10";
        long comorbid = caseOf("01/01/1960", "MALE", false, List.of("hypertension"), on, null);
        assertThat(eligibility(comorbid, on, "").get("rule").asString()).contains("261/QĐ-BYT");
        assertThat(eligibility(comorbid, on, "&canSelfCare=true").get("reasons").toString()).contains("ổn định");
        assertThat(eligibility(comorbid, on, "&comorbidityStable=true").get("reasons").toString()).contains("người chăm sóc");
        assertThat(eligible(eligibility(comorbid, on, "&comorbidityStable=true&hasCarer=true"))).isTrue();
    }

    @Test
    void childrenAreJudgedByTheirBandFromMarch2022() {
        String on = "2022-03-05";
        long infant = caseOf("15/01/2022", "MALE", false, List.of(), on, null);
        long toddler = caseOf("01/01/2019", "FEMALE", false, List.of(), on, null);
        assertThat(eligibility(infant, on, "&hasCarer=true").get("reasons").toString()).contains("3 tháng");
        String asked = "/api/v1/cases/" + toddler + "/home-care/eligibility?on=" + on + "&spo2=98&hasCarer=true&breathingRate=";
        assertThat(api.get(asked + "35").body().get("eligible").asBoolean()).isTrue();  // 1 to under 5 years: under 40
        assertThat(api.get(asked + "40").body().get("reasons").toString()).contains("Nhịp thở 40");
        assertThat(api.get("/api/v1/cases/" + toddler + "/home-care/eligibility?on=" + on + "&spo2=98&breathingRate=30").body()
                .get("reasons").toString()).contains("Trẻ em cần có người chăm sóc");
    }

    @Test
    void theLatestReadingIsUsedWhenNoFigureIsGiven() {
        long c = caseOf("01/01/1990", "MALE", false, List.of(), LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString(), null);
        assertThat(api.get("/api/v1/cases/" + c + "/home-care/eligibility").body().get("reasons").toString()).contains("Chưa có SpO2");
        api.post("/api/v1/cases/" + c + "/readings", Map.of("spo2", 95, "breathingRate", 18));
        JsonNode answer = api.get("/api/v1/cases/" + c + "/home-care/eligibility?canSelfCare=true").body();
        assertThat(answer.get("spo2").asInt()).isEqualTo(95);
        assertThat(answer.get("eligible").asBoolean()).isFalse();
    }

    private void test(long caseId, String day, String result) {
        long person = api.get("/api/v1/cases/" + caseId).body().get("personId").asLong();
        var r = api.post("/api/v1/lab-results", Map.of("sampleCode", "EI-" + SERIAL.incrementAndGet(), "personId", person,
                "testType", "RAPID", "sampledAt", day + "T08:00:00+07:00", "result", result));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private JsonNode proposal(long caseId) {
        return api.get("/api/v1/cases/" + caseId + "/home-care/end-of-isolation").body();
    }

    @Test
    void theEndOfIsolationIsProposedByTheRuleOfTheConfirmationDay() {
        // From 21 Feb 2022: 7 days and a negative rapid test, else 10 days (vaccinated) or 14 (not).
        long tested = caseOf("01/01/1990", "MALE", false, List.of(), "2022-03-01", null);
        test(tested, "2022-03-07", "NEGATIVE");
        JsonNode ready = proposal(tested);
        assertThat(ready.get("status").asString()).isEqualTo("READY");
        assertThat(ready.get("proposedEnd").asString()).isEqualTo("2022-03-08");
        long untested = caseOf("02/01/1990", "MALE", false, List.of(), "2022-03-01", null);
        assertThat(proposal(untested).get("status").asString()).isEqualTo("EXTENDED");
        assertThat(proposal(untested).get("proposedEnd").asString()).isEqualTo("2022-03-15");
        long vaccinated = caseOf("03/01/1990", "MALE", false, List.of(), "2022-03-01", 2);
        assertThat(proposal(vaccinated).get("proposedEnd").asString()).isEqualTo("2022-03-11");
        // One dose is not "vaccinated" for home care from Feb 2022 (261/QĐ-BYT: two doses or more); a second one is.
        long once = caseOf("06/01/1990", "MALE", false, List.of(), "2022-03-01", 1);
        assertThat(proposal(once).get("proposedEnd").asString()).isEqualTo("2022-03-15");
        TestDoses.dose(api, jdbc.sql("select person_id from case_card where id = ?").param(once).query(Long.class).single(),
                "PRIMARY_2", LocalDate.of(2022, 2, 25));
        assertThat(proposal(once).get("proposedEnd").asString()).isEqualTo("2022-03-11");

        // Autumn 2021: 14 days, and no end without a negative test; a test taken too early does not count.
        long autumn = caseOf("04/01/1990", "MALE", false, List.of(), "2021-10-01", null);
        test(autumn, "2021-10-05", "NEGATIVE");
        assertThat(proposal(autumn).get("status").asString()).isEqualTo("WAITING_FOR_TEST");
        test(autumn, "2021-10-14", "NEGATIVE");
        assertThat(proposal(autumn).get("proposedEnd").asString()).isEqualTo("2021-10-15");

        var ended = api.post("/api/v1/cases/" + tested + "/home-care/end", Map.of());
        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        assertThat(ended.body().get("status").asString()).isEqualTo("RECOVERED");
        assertThat(ended.body().get("outcomeOn").asString()).isEqualTo("2022-03-08");
        long recent = caseOf("05/01/1990", "MALE", false, List.of(), LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2).toString(), null);
        assertThat(api.post("/api/v1/cases/" + recent + "/home-care/end", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void thePatientLinkOpensItsOwnCaseOnlyAndDiesWithRevocationOrTheEndOfIsolation() throws Exception {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString();
        long mine = caseOf("01/01/1990", "MALE", false, List.of(), yesterday, null);
        long other = caseOf("02/01/1990", "MALE", false, List.of(), yesterday, null);
        var issued = api.post("/api/v1/cases/" + mine + "/patient-link", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String path = issued.body().get("path").asString();

        WebSession patient = WebSession.anonymous(port);
        assertThat(patient.get(path).statusCode()).isEqualTo(200);
        var sent = patient.post(path, "spo2=95&breathingRate=18&_csrf=" + patient.csrf(path));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("cán bộ y tế sẽ liên hệ");
        assertThat(api.get("/api/v1/cases/" + mine + "/readings").body().get(0).get("enteredBy").asString()).isEqualTo("patient-link");
        assertThat(api.get("/api/v1/cases/" + other + "/readings").body()).isEmpty();
        assertThat(api.get("/api/v1/alerts").body().get("items").get(0).get("caseId").asLong()).isEqualTo(mine);
        // The link opens nothing else.
        assertThat(patient.get("/cases/" + mine).statusCode()).isEqualTo(302);
        assertThat(patient.get("/p/not-a-real-token").statusCode()).isEqualTo(410);

        // A new link revokes the old one; revoking ends the new one.
        String second = api.post("/api/v1/cases/" + mine + "/patient-link", Map.of()).body().get("path").asString();
        assertThat(patient.get(path).statusCode()).isEqualTo(410);
        assertThat(patient.get(second).statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/v1/cases/" + mine + "/patient-link").status()).isEqualTo(204);
        assertThat(patient.get(second).statusCode()).isEqualTo(410);

        // The end of isolation ends the link.
        String third = api.post("/api/v1/cases/" + other + "/patient-link", Map.of()).body().get("path").asString();
        assertThat(patient.get(third).statusCode()).isEqualTo(200);
        cases.recovered(other, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(patient.get(third).statusCode()).isEqualTo(410);
    }
}

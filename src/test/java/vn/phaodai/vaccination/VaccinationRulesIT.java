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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule that judges a dose, at and around its boundary, through POST /api/v1/doses: a dose that breaks one is
 * refused (409, the rule in words with its document) until a reason is given.
 */
@PhaodaiIT
class VaccinationRulesIT {

    static final String COMMUNE = "18073";
    static final AtomicInteger SERIAL = new AtomicInteger(7_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
    }

    /** A person of the commune born on that day (dd/MM/yyyy). */
    long born(String dateOfBirth) {
        int n = SERIAL.incrementAndGet();
        int year = Integer.parseInt(dateOfBirth.substring(6));
        String id = "042" + (year < 2000 ? "1" : "3") + dateOfBirth.substring(8) + String.format("%06d", n);
        var r = api.post("/api/v1/persons", Map.of("fullName", "Phạm Thị " + CaseFixture.letters(n), "sex", "FEMALE",
                "dateOfBirth", dateOfBirth, "nationalId", id, "communeCode", COMMUNE));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    long adult() {
        return born("15/06/1980");
    }

    TestApi.Response dose(long person, String kind, String product, String givenOn, String reason) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", person);
        b.put("doseKind", kind);
        b.put("product", product);
        b.put("givenOn", givenOn);
        b.put("lot", "L-" + givenOn);
        if (reason != null) b.put("overrideReason", reason);
        return api.post("/api/v1/doses", b);
    }

    void given(long person, String kind, String product, String givenOn) {
        var r = dose(person, kind, product, givenOn, null);
        assertThat(r.status()).as(kind + " " + givenOn + ": " + r.text()).isEqualTo(201);
    }

    /** The codes of the rules the dose breaks (409), or empty when it is recorded (201). */
    List<String> broken(long person, String kind, String product, String givenOn) {
        var r = dose(person, kind, product, givenOn, null);
        List<String> rules = new ArrayList<>();
        if (r.status() == 201) return rules;
        assertThat(r.status()).as(r.text()).isEqualTo(409);
        for (JsonNode b : r.body().get("brokenRules")) {
            assertThat(b.get("message").asString()).isNotBlank();
            rules.add(b.get("rule").asString());
        }
        assertThat(rules).as(r.text()).isNotEmpty();
        return rules;
    }

    @Test
    void astraZenecaSecondDoseFromEightToTwelveWeeks() {
        long early = adult(), first = adult(), last = adult(), late = adult();
        for (long p : List.of(early, first, last, late)) given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-01");
        var r = dose(early, "PRIMARY_2", "ASTRAZENECA", "2021-07-26", null); // 55 days
        assertThat(r.status()).isEqualTo(409);
        JsonNode rule = r.body().get("brokenRules").get(0);
        assertThat(rule.get("rule").asString()).isEqualTo("INTERVAL");
        assertThat(rule.get("message").asString()).contains("55", "56", "27/07/2021");
        assertThat(rule.get("document").asString()).contains("AstraZeneca");
        assertThat(broken(first, "PRIMARY_2", "ASTRAZENECA", "2021-07-27")).isEmpty(); // 56 days
        assertThat(broken(last, "PRIMARY_2", "ASTRAZENECA", "2021-08-24")).isEmpty(); // 84 days
        assertThat(broken(late, "PRIMARY_2", "ASTRAZENECA", "2021-08-25")).containsExactly("INTERVAL"); // 85 days
    }

    @Test
    void theOtherProductsIntervals() {
        Map<String, Integer> minimum = Map.of("COMIRNATY_30", 21, "SPIKEVAX", 28, "VERO_CELL", 21, "SPUTNIK_V", 21,
                "HAYAT_VAX", 21, "COVAXIN", 28, "ABDALA", 14);
        LocalDate first = LocalDate.of(2021, 10, 1);
        minimum.forEach((product, days) -> {
            long before = adult(), on = adult();
            given(before, "PRIMARY_1", product, first.toString());
            given(on, "PRIMARY_1", product, first.toString());
            assertThat(broken(before, "PRIMARY_2", product, first.plusDays(days - 1).toString())).as(product).containsExactly("INTERVAL");
            assertThat(broken(on, "PRIMARY_2", product, first.plusDays(days).toString())).as(product).isEmpty();
        });
        // Vero Cell: 3 to 4 weeks
        long late = adult();
        given(late, "PRIMARY_1", "VERO_CELL", "2021-10-01");
        assertThat(broken(late, "PRIMARY_2", "VERO_CELL", "2021-10-30")).containsExactly("INTERVAL");
        // Abdala's third dose 14 days after the second; two-dose products have no third
        long abdala = adult();
        given(abdala, "PRIMARY_1", "ABDALA", "2021-10-01");
        given(abdala, "PRIMARY_2", "ABDALA", "2021-10-15");
        assertThat(broken(abdala, "PRIMARY_3", "ABDALA", "2021-10-28")).containsExactly("INTERVAL");
        assertThat(broken(abdala, "PRIMARY_3", "ABDALA", "2021-10-29")).isEmpty();
        long pfizer = adult();
        given(pfizer, "PRIMARY_1", "COMIRNATY_30", "2021-10-01");
        given(pfizer, "PRIMARY_2", "COMIRNATY_30", "2021-10-22");
        assertThat(broken(pfizer, "PRIMARY_3", "COMIRNATY_30", "2021-11-22")).containsExactly("ORDER");
        // a second dose without a first
        assertThat(broken(adult(), "PRIMARY_2", "COMIRNATY_30", "2021-10-22")).containsExactly("ORDER");
    }

    @Test
    void mixesAllowedFromSeptember2021() {
        long before = adult(), on = adult(), other = adult(), moderna = adult();
        for (long p : List.of(before, on)) given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-20");
        var r = dose(before, "PRIMARY_2", "COMIRNATY_30", "2021-08-31", null); // 72 days: the interval is kept, the mix is not yet allowed
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("brokenRules").get(0).get("rule").asString()).isEqualTo("MIX");
        assertThat(r.body().get("brokenRules").get(0).get("message").asString()).contains("01/09/2021");
        assertThat(broken(on, "PRIMARY_2", "COMIRNATY_30", "2021-09-01")).isEmpty();
        // Moderna then Pfizer from September; Vero Cell then Pfizer never
        given(moderna, "PRIMARY_1", "SPIKEVAX", "2021-09-01");
        assertThat(broken(moderna, "PRIMARY_2", "COMIRNATY_30", "2021-10-01")).isEmpty();
        given(other, "PRIMARY_1", "VERO_CELL", "2021-09-01");
        assertThat(broken(other, "PRIMARY_2", "COMIRNATY_30", "2021-09-25")).containsExactly("MIX");
    }

    @Test
    void agesByDateAndProduct() {
        // turns 12 on 20/10/2021, after the band of 12-17 opened (01/10/2021): Pfizer 30 µg from the birthday
        long twelve = born("20/10/2009"), twelveToo = born("20/10/2009");
        assertThat(broken(twelve, "PRIMARY_1", "COMIRNATY_30", "2021-10-19")).containsExactly("AGE");
        assertThat(broken(twelveToo, "PRIMARY_1", "COMIRNATY_30", "2021-10-20")).isEmpty();
        // 16 years old: not before the band opens, from its first day; not AstraZeneca
        long sixteen = born("01/01/2005"), sixteenToo = born("01/01/2005");
        var r = dose(sixteen, "PRIMARY_1", "COMIRNATY_30", "2021-09-30", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("brokenRules").get(0).get("message").asString()).contains("16", "01/10/2021");
        assertThat(r.body().get("brokenRules").get(0).get("document").asString()).contains("12–17");
        assertThat(broken(sixteenToo, "PRIMARY_1", "COMIRNATY_30", "2021-10-01")).isEmpty();
        assertThat(broken(sixteen, "PRIMARY_1", "ASTRAZENECA", "2021-10-01")).containsExactly("AGE");
        // turns 18 on 15/11/2021: AstraZeneca from the birthday
        long eighteen = born("15/11/2003"), eighteenToo = born("15/11/2003");
        assertThat(broken(eighteen, "PRIMARY_1", "ASTRAZENECA", "2021-11-14")).containsExactly("AGE");
        assertThat(broken(eighteenToo, "PRIMARY_1", "ASTRAZENECA", "2021-11-15")).isEmpty();
        // 5-11 from 14/04/2022: Pfizer 10 µg or Moderna, not Pfizer 30 µg
        long child = born("01/06/2015"), childToo = born("01/06/2015"), childThree = born("01/06/2015");
        assertThat(broken(child, "PRIMARY_1", "COMIRNATY_10", "2022-04-13")).containsExactly("AGE");
        assertThat(broken(childToo, "PRIMARY_1", "COMIRNATY_10", "2022-04-14")).isEmpty();
        assertThat(broken(childThree, "PRIMARY_1", "SPIKEVAX", "2022-04-14")).isEmpty();
        assertThat(broken(child, "PRIMARY_1", "COMIRNATY_30", "2022-04-14")).containsExactly("AGE");
        // and 4 weeks apart
        assertThat(broken(childToo, "PRIMARY_2", "COMIRNATY_10", "2022-05-11")).containsExactly("INTERVAL");
        assertThat(broken(childToo, "PRIMARY_2", "COMIRNATY_10", "2022-05-12")).isEmpty();
    }

    /** Pfizer 10/11/2021 and 01/12/2021: the primary course is complete on 01/12/2021. */
    long primaryCompleteOnFirstOfDecember() {
        long p = adult();
        given(p, "PRIMARY_1", "COMIRNATY_30", "2021-11-10");
        given(p, "PRIMARY_2", "COMIRNATY_30", "2021-12-01");
        return p;
    }

    @Test
    void additionalDoseFrom28DaysToThreeMonthsAfterThePrimaryCourse() {
        assertThat(broken(primaryCompleteOnFirstOfDecember(), "ADDITIONAL", "COMIRNATY_30", "2021-12-28")).containsExactly("TOO_EARLY");
        assertThat(broken(primaryCompleteOnFirstOfDecember(), "ADDITIONAL", "COMIRNATY_30", "2021-12-29")).isEmpty();
        assertThat(broken(primaryCompleteOnFirstOfDecember(), "ADDITIONAL", "COMIRNATY_30", "2022-03-01")).isEmpty(); // 90 days
        assertThat(broken(primaryCompleteOnFirstOfDecember(), "ADDITIONAL", "COMIRNATY_30", "2022-03-02")).containsExactly("TOO_LATE");
        // no additional dose before a primary course
        long started = adult();
        given(started, "PRIMARY_1", "ASTRAZENECA", "2021-10-01");
        assertThat(broken(started, "ADDITIONAL", "COMIRNATY_30", "2021-12-01")).containsExactly("ORDER");
    }

    @Test
    void boosterOneThreeMonthsAfterThePrimaryCourseOrTheAdditionalDoseFrom10722() {
        assertThat(broken(primaryCompleteOnFirstOfDecember(), "BOOSTER_1", "COMIRNATY_30", "2022-02-28")).containsExactly("TOO_EARLY");
        assertThat(broken(primaryCompleteOnFirstOfDecember(), "BOOSTER_1", "COMIRNATY_30", "2022-03-01")).isEmpty();
        // before 10722/BYT-DP (17/12/2021) no booster, whatever the interval
        long summer = adult(), summerToo = adult();
        for (long p : List.of(summer, summerToo)) {
            given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-01");
            given(p, "PRIMARY_2", "ASTRAZENECA", "2021-08-01");
        }
        var r = dose(summer, "BOOSTER_1", "COMIRNATY_30", "2021-12-16", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("brokenRules").get(0).get("rule").asString()).isEqualTo("NOT_IN_FORCE");
        assertThat(r.body().get("brokenRules").get(0).get("document").asString()).isEqualTo("10722/BYT-DP (17/12/2021)");
        assertThat(broken(summerToo, "BOOSTER_1", "COMIRNATY_30", "2021-12-17")).isEmpty();
        // after an additional dose (29/12/2021) the booster counts from it
        long additional = primaryCompleteOnFirstOfDecember();
        given(additional, "ADDITIONAL", "COMIRNATY_30", "2021-12-29");
        assertThat(broken(additional, "BOOSTER_1", "COMIRNATY_30", "2022-03-28")).containsExactly("TOO_EARLY");
        assertThat(broken(additional, "BOOSTER_1", "COMIRNATY_30", "2022-03-29")).isEmpty();
    }

    @Test
    void boosterTwoFourMonthsAfterBoosterOne() {
        long before = primaryCompleteOnFirstOfDecember(), on = primaryCompleteOnFirstOfDecember();
        for (long p : List.of(before, on)) given(p, "BOOSTER_1", "SPIKEVAX", "2022-03-01");
        assertThat(broken(before, "BOOSTER_2", "SPIKEVAX", "2022-06-28")).containsExactly("TOO_EARLY"); // 119 days
        assertThat(broken(on, "BOOSTER_2", "SPIKEVAX", "2022-06-29")).isEmpty(); // 120 days
        assertThat(broken(adult(), "BOOSTER_2", "SPIKEVAX", "2022-06-29")).containsExactly("ORDER");
    }

    @Test
    void threeMonthsAfterAnInfection() {
        CaseFixture cases = new CaseFixture(api, jdbc);
        long before = adult(), on = adult();
        for (long p : List.of(before, on)) cases.confirmed(p, COMMUNE, null, LocalDate.of(2022, 1, 10));
        var r = dose(before, "PRIMARY_1", "COMIRNATY_30", "2022-04-09", null); // 89 days
        assertThat(r.status()).isEqualTo(409);
        JsonNode rule = r.body().get("brokenRules").get(0);
        assertThat(rule.get("rule").asString()).isEqualTo("INFECTION");
        assertThat(rule.get("message").asString()).contains("10/01/2022", "10/04/2022");
        assertThat(broken(on, "PRIMARY_1", "COMIRNATY_30", "2022-04-10")).isEmpty();
        // a dose before the infection is not judged by it
        long earlier = adult();
        cases.confirmed(earlier, COMMUNE, null, LocalDate.of(2022, 1, 10));
        assertThat(broken(earlier, "PRIMARY_1", "COMIRNATY_30", "2022-01-09")).isEmpty();
    }

    @Test
    void aReasonKeepsTheDoseWithTheRulesItBreaks() {
        long p = adult();
        given(p, "PRIMARY_1", "ASTRAZENECA", "2021-06-01");
        var refused = dose(p, "PRIMARY_2", "COMIRNATY_30", "2021-07-01", null); // 30 days, and a mix before September
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("status").asInt()).isEqualTo(409);
        List<String> rules = new ArrayList<>();
        refused.body().get("brokenRules").forEach(b -> rules.add(b.get("rule").asString()));
        assertThat(rules).containsExactly("INTERVAL", "MIX");
        var kept = dose(p, "PRIMARY_2", "COMIRNATY_30", "2021-07-01", "Phản ứng nặng sau mũi 1, bác sĩ chỉ định đổi vắc xin");
        assertThat(kept.status()).as(kept.text()).isEqualTo(201);
        assertThat(kept.body().get("brokenRules").toString()).contains("INTERVAL", "MIX");
        assertThat(kept.body().get("overrideReason").asString()).startsWith("Phản ứng nặng");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CREATE' and entity = 'vaccine_dose' and person_id = ?")
                .param(p).query(Long.class).single()).isEqualTo(2);
    }
}

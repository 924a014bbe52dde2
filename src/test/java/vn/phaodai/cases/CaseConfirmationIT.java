package vn.phaodai.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Positive results become cases by the rule of their day, once per episode; on the real database. */
@PhaodaiIT
class CaseConfirmationIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    Registry registry;
    int serial;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        registry = new Registry(api);
    }

    private JsonNode positive(long person, String type, String sampledAt, boolean symptomatic) {
        Map<String, Object> m = new HashMap<>();
        m.put("sampleCode", "C-" + (++serial));
        m.put("personId", person);
        m.put("testType", type);
        m.put("sampledAt", sampledAt);
        m.put("result", "POSITIVE");
        m.put("symptomatic", symptomatic);
        var r = api.post("/api/v1/lab-results", m);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private List<JsonNode> cases(long person) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/persons/" + person + "/cases").body().forEach(out::add);
        return out;
    }

    @Test
    void aRapidTestConfirmsOnlyWhereAndWhenTheRuleAllows() {
        long before = registry.person(COMMUNE, null);
        long after = registry.person(COMMUNE, null);
        long noSymptoms = registry.person(COMMUNE, null);
        long pcr2021 = registry.person(COMMUNE, null);
        // Until 27 Jan 2022 a rapid positive had to be confirmed by RT-PCR (4689/QĐ-BYT).
        assertThat(positive(before, "RAPID", "2021-12-01T09:00:00+07:00", true).get("summary").get("casesCreated").asInt()).isZero();
        // From 28 Jan 2022 (250/QĐ-BYT): a rapid positive with symptoms confirms, without symptoms it does not.
        assertThat(positive(after, "RAPID", "2022-02-10T09:00:00+07:00", true).get("summary").get("casesCreated").asInt()).isEqualTo(1);
        assertThat(positive(noSymptoms, "RAPID", "2022-02-10T09:00:00+07:00", false).get("summary").get("casesCreated").asInt()).isZero();
        assertThat(positive(pcr2021, "PCR", "2021-08-01T09:00:00+07:00", false).get("summary").get("casesCreated").asInt()).isEqualTo(1);

        assertThat(cases(before)).isEmpty();
        assertThat(cases(noSymptoms)).isEmpty();
        JsonNode rapid = cases(after).get(0);
        assertThat(rapid.get("basis").asString()).isEqualTo("RAPID_WITH_SYMPTOMS");
        assertThat(rapid.get("ruleDocument").asString()).contains("250/QĐ-BYT");
        assertThat(rapid.get("confirmedOn").asString()).isEqualTo("2022-02-10");
        assertThat(rapid.get("severity").asString()).isEqualTo("MILD");
        assertThat(cases(pcr2021).get(0).get("basis").asString()).isEqualTo("PCR");
        // The rule is data: a later change of the rule table changes the answer for its dates only.
        String rule = jdbc.sql("select rapid_positive from confirmation_rule where valid_to is null").query(String.class).single();
        jdbc.sql("update confirmation_rule set rapid_positive = 'ENOUGH' where valid_to is null").update();
        try {
            assertThat(positive(noSymptoms, "RAPID", "2022-03-10T09:00:00+07:00", false).get("summary").get("casesCreated").asInt()).isEqualTo(1);
        } finally {
            jdbc.sql("update confirmation_rule set rapid_positive = ? where valid_to is null").param(rule).update();
        }
    }

    @Test
    void repeatedPositivesOfOneEpisodeMakeOneCase() {
        long p = registry.person(COMMUNE, null);
        positive(p, "PCR", "2021-09-01T09:00:00+07:00", false);
        JsonNode second = positive(p, "PCR", "2021-09-08T09:00:00+07:00", false);
        assertThat(second.get("summary").get("casesCreated").asInt()).isZero();
        assertThat(second.get("summary").get("casesLinked").asInt()).isEqualTo(1);
        // Two positives in one batch: one case.
        long q = registry.person(COMMUNE, null);
        var batch = api.post("/api/v1/lab-results", List.of(
                Map.of("sampleCode", "B-1", "personId", q, "testType", "PCR", "sampledAt", "2021-09-02 08:00", "result", "POSITIVE"),
                Map.of("sampleCode", "B-2", "personId", q, "testType", "PCR", "sampledAt", "2021-09-01 08:00", "result", "POSITIVE")));
        assertThat(batch.body().get("summary").get("casesCreated").asInt()).isEqualTo(1);
        assertThat(cases(p)).hasSize(1);
        assertThat(cases(q)).hasSize(1);
        assertThat(cases(q).get(0).get("confirmedOn").asString()).isEqualTo("2021-09-01");
        assertThat(jdbc.sql("select count(*) from case_test where case_id = ?").param(cases(q).get(0).get("id").asLong())
                .query(Long.class).single()).isEqualTo(2);

        // Recovered, then positive again 30 days later: the same episode; 120 days later: a new case (reinfection).
        long caseId = cases(p).get(0).get("id").asLong();
        assertThat(api.post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome", "RECOVERED", "on", "2021-09-15")).status()).isEqualTo(200);
        assertThat(positive(p, "PCR", "2021-10-01T09:00:00+07:00", false).get("summary").get("casesCreated").asInt()).isZero();
        assertThat(positive(p, "PCR", "2022-01-10T09:00:00+07:00", false).get("summary").get("casesCreated").asInt()).isEqualTo(1);
        assertThat(cases(p)).hasSize(2);
    }

    @Test
    void concurrentPositivesOfOnePersonOpenOneCase() throws Exception {
        long p = registry.person(COMMUNE, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String code = "K-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/lab-results", Map.of("sampleCode", code, "personId", p, "testType", "PCR",
                        "sampledAt", "2021-09-01T09:00:00+07:00", "result", "POSITIVE")).status();
            }));
        }
        start.countDown();
        for (var a : answers) assertThat(a.get()).isEqualTo(200);
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from covid_case where person_id = ?").param(p).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_test").query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void aFalsePositiveCorrectedByTheLaboratoryDiscardsTheCase() {
        long p = registry.person(COMMUNE, null);
        positive(p, "PCR", "2021-09-01T09:00:00+07:00", false);
        String code = "C-" + serial;
        var amended = api.post("/api/v1/lab-results", Map.of("sampleCode", code, "result", "NEGATIVE")).body();
        assertThat(amended.get("items").get(0).get("outcome").asString()).isEqualTo("AMENDED");
        assertThat(amended.get("summary").get("casesDiscarded").asInt()).isEqualTo(1);
        JsonNode c = api.get("/api/v1/cases/" + jdbc.sql("select id from covid_case").query(Long.class).single()).body();
        assertThat(c.get("status").asString()).isEqualTo("DISCARDED");
        assertThat(api.get("/api/v1/cases?commune=" + COMMUNE).body().get("total").asInt()).isZero();
        // Corrected back to positive: a case again.
        api.post("/api/v1/lab-results", Map.of("sampleCode", code, "result", "POSITIVE"));
        assertThat(api.get("/api/v1/cases?commune=" + COMMUNE + "&status=ACTIVE").body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aCaseEnteredByHandNeedsItsEvidenceAndIsFollowedToItsOutcome() {
        long p = registry.person(COMMUNE, null);
        var bad = api.post("/api/v1/cases", Map.of("personId", p, "confirmedOn", "2021-09-05", "severity", "TERRIBLE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("evidence").contains("severity");
        var created = api.post("/api/v1/cases", Map.of("personId", p, "confirmedOn", "2021-09-05",
                "evidence", "RT-PCR tại Bệnh viện Bạch Mai ngày 04/09/2021", "source", "IMPORTED_PROVINCE", "symptomatic", true,
                "severity", "MILD"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(api.post("/api/v1/cases", Map.of("personId", p, "confirmedOn", "2021-09-06", "evidence", "x")).status()).isEqualTo(409);
        // A positive of the same episode joins the case entered by hand.
        assertThat(positive(p, "PCR", "2021-09-07T09:00:00+07:00", false).get("summary").get("casesCreated").asInt()).isZero();

        var moved = api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "HOSPITAL", "facility", "BV Đa khoa tỉnh",
                "severity", "SEVERE", "at", "2021-09-08T10:00:00"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("careSetting").asString()).isEqualTo("HOSPITAL");
        var stale = api.put("/api/v1/cases/" + id, Map.of("version", 0, "symptomatic", true));
        assertThat(stale.status()).isEqualTo(409);
        var updated = api.put("/api/v1/cases/" + id, Map.of("version", moved.body().get("version").asInt(), "symptomatic", true));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/outcome", Map.of("outcome", "RECOVERED", "on", "2021-09-20")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/outcome", Map.of("outcome", "DIED", "on", "2021-09-21")).status()).isEqualTo(409);

        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/cases/" + id + "/timeline").body().forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsSubsequence("CONFIRMED", "TEST", "CARE", "OUTCOME");
        assertThat(kinds.stream().filter("CARE"::equals).count()).isEqualTo(2);

        // The day counts read the history: severe in hospital on the 10th, recovered on the 20th.
        JsonNode days = api.get("/api/v1/case-counts?commune=" + COMMUNE + "&from=2021-09-05&to=2021-09-20").body();
        Map<String, JsonNode> byDay = new HashMap<>();
        days.forEach(d -> byDay.put(d.get("day").asString(), d));
        assertThat(byDay.get("2021-09-05").get("newBySource").get("IMPORTED_PROVINCE").asInt()).isEqualTo(1);
        assertThat(byDay.get("2021-09-06").get("active").get(0).get("careSetting").asString()).isEqualTo("HOME");
        JsonNode tenth = byDay.get("2021-09-10").get("active").get(0);
        assertThat(tenth.get("careSetting").asString()).isEqualTo("HOSPITAL");
        assertThat(tenth.get("severity").asString()).isEqualTo("SEVERE");
        assertThat(byDay.get("2021-09-20").get("recovered").asInt()).isEqualTo(1);
        assertThat(byDay.get("2021-09-20").get("active")).isEmpty();
    }

    @Test
    void theDirectoryFiltersPagesAndExports() {
        for (int i = 0; i < 3; i++) positive(registry.person(COMMUNE, null), "PCR", "2021-09-0" + (i + 1) + "T09:00:00+07:00", false);
        positive(registry.person("18070", null), "PCR", "2021-09-02T09:00:00+07:00", false);
        JsonNode page = api.get("/api/v1/cases?commune=" + COMMUNE + "&size=2").body();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("confirmedOn").asString()).isEqualTo("2021-09-03");
        assertThat(api.get("/api/v1/cases?from=2021-09-02&to=2021-09-02").body().get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/cases?q=nguyen thi").body().get("total").asInt()).isEqualTo(4);
        // More exports than the pool has connections: an export must give its connection back.
        for (int i = 0; i < 12; i++) assertThat(api.get("/api/v1/cases/export?commune=" + COMMUNE).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases?commune=" + COMMUNE).status()).isEqualTo(200);
    }
}

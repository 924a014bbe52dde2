package vn.phaodai;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry after a timeout, twenty times at once: each idempotent endpoint stores one record and never answers 5xx.
 */
@PhaodaiIT
class RetriesAtOnceIT {

    static final String COMMUNE = "18073";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

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
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        cases = new CaseFixture(api, jdbc);
    }

    /** Sends the same request twenty times at once; answers the statuses. */
    private static List<Integer> twentyAtOnce(Supplier<TestApi.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<TestApi.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var f : sent) {
                TestApi.Response r = f.get();
                assertThat(r.status()).as(r.text()).isLessThan(500);
                statuses.add(r.status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aContact() throws Exception {
        long f0 = cases.person(COMMUNE, null);
        cases.confirmed(f0, COMMUNE, null, TODAY.minusDays(2));
        long exposed = cases.person(COMMUNE, null);
        twentyAtOnce(() -> api.post("/api/v1/contacts", Map.of("sourcePersonId", f0, "exposedPersonId", exposed,
                "exposureDate", TODAY.minusDays(3).toString(), "setting", "HOUSEHOLD", "proximity", "WITHIN_1M")));
        assertThat(count("select count(*) from contact where exposed_person_id = ?", exposed)).isEqualTo(1);
        assertThat(count("select count(*) from person_tier where person_id = ? and tier = 1", exposed)).isEqualTo(1);
    }

    @Test
    void aSampleAndItsResult() throws Exception {
        long person = cases.person(COMMUNE, null);
        Map<String, Object> sample = Map.of("sampleCode", "R-1", "personId", person, "testType", "PCR",
                "sampledAt", TODAY + "T08:00:00+07:00");
        twentyAtOnce(() -> api.post("/api/v1/samples", sample));
        Map<String, Object> result = Map.of("sampleCode", "R-2", "personId", person, "testType", "PCR",
                "sampledAt", TODAY + "T09:00:00+07:00", "result", "POSITIVE");
        twentyAtOnce(() -> api.post("/api/v1/lab-results", result));
        assertThat(count("select count(*) from sample where person_id = ?", person)).isEqualTo(2);
        assertThat(count("select count(*) from covid_case where person_id = ?", person)).isEqualTo(1);
    }

    @Test
    void aPerson() throws Exception {
        Map<String, Object> person = Map.of("fullName", "Phạm Thị Lặp", "sex", "FEMALE", "dateOfBirth", "03/04/1992",
                "nationalId", "042192000777", "communeCode", COMMUNE);
        List<Integer> statuses = twentyAtOnce(() -> api.post("/api/v1/persons", person));
        assertThat(statuses).contains(201);
        assertThat(count("select count(*) from person where national_id = '042192000777'")).isEqualTo(1);
    }

    @Test
    void aReadingAndAFollowUp() throws Exception {
        long caseId = cases.freshCase(COMMUNE, null, TODAY.minusDays(1));
        String hourAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        Map<String, Object> reading = Map.of("takenAt", hourAgo, "temperature", 37.2, "spo2", 97);
        assertThat(twentyAtOnce(() -> api.post("/api/v1/cases/" + caseId + "/readings", reading))).contains(201);
        assertThat(count("select count(*) from reading where case_id = ?", caseId)).isEqualTo(1);

        long f0 = jdbc.sql("select person_id from covid_case where id = ?").param(caseId).query(Long.class).single();
        long exposed = cases.person(COMMUNE, null);
        assertThat(api.post("/api/v1/contacts", Map.of("sourcePersonId", f0, "exposedPersonId", exposed,
                "exposureDate", TODAY.minusDays(2).toString(), "proximity", "WITHIN_1M")).status()).isEqualTo(201);
        twentyAtOnce(() -> api.post("/api/v1/follow-ups", Map.of("personId", exposed, "date", TODAY.toString(), "kind", "CALL",
                "outcome", "WELL")));
        assertThat(count("select count(*) from follow_up where person_id = ?", exposed)).isEqualTo(1);
    }
}

package vn.phaodai.cases;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@PhaodaiIT
class DecisionNumberingIT {

    static final String NAM_HA = "18073";
    static final String BAC_HA = "18076";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final Pattern NUMBER = Pattern.compile("QD-cach-ly-(\\d+)-(\\d{4})\\.pdf");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    CaseFixture cases;

    @BeforeEach
    void registry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
        cases.noDecisions();
    }

    @Test
    void concurrentRequestsNumberACommuneWithoutGapOrDuplicate() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) ids.add(cases.freshCase(NAM_HA, null, TODAY));
        // 30 first requests and 10 repeats of cases also being asked for, all released at once.
        List<Long> requests = new ArrayList<>(ids);
        requests.addAll(ids.subList(0, 10));

        Map<Long, List<Integer>> numbersSeen = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestApi.Download>> answers = new ArrayList<>();
            for (long id : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.issue("/api/v1/cases/" + id + "/decisions/isolation");
                }));
            }
            start.countDown();
            for (int i = 0; i < requests.size(); i++) {
                TestApi.Download d = answers.get(i).get();
                assertThat(d.status()).as(d.text()).isEqualTo(200);
                Matcher m = NUMBER.matcher(d.disposition());
                assertThat(m.find()).as(d.disposition()).isTrue();
                assertThat(Integer.parseInt(m.group(2))).isEqualTo(TODAY.getYear());
                numbersSeen.computeIfAbsent(requests.get(i), k -> new ArrayList<>()).add(Integer.parseInt(m.group(1)));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers(NAM_HA)).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(jdbc.sql("select last_number from decision_counter where commune_code = ? and year = ?")
                .params(NAM_HA, TODAY.getYear()).query(Integer.class).single()).isEqualTo(30);
        // A repeated request got the very number the case holds.
        numbersSeen.forEach((id, seen) -> assertThat(seen).containsOnly(jdbc.sql(
                "select number from case_decision where case_id = ? and kind = 'ISOLATION'").param(id).query(Integer.class).single()));

        long other = cases.freshCase(BAC_HA, null, TODAY);
        assertThat(api.issue("/api/v1/cases/" + other + "/decisions/isolation").disposition()).contains("QD-cach-ly-1-" + TODAY.getYear());
        assertThat(numbers(BAC_HA)).containsExactly(1);
    }

    @Test
    void theBatchPrintsEveryCaseOfTheDayOnItsOwnPage() throws IOException {
        LocalDate day = TODAY.minusDays(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) ids.add(cases.freshCase(NAM_HA, null, day));
        cases.discarded(ids.remove(2));
        cases.freshCase(NAM_HA, null, TODAY);    // another day
        cases.freshCase(BAC_HA, null, day);      // another commune
        // One case already has its decision: it keeps its number and is printed again.
        assertThat(api.issue("/api/v1/cases/" + ids.get(1) + "/decisions/isolation").status()).isEqualTo(200);

        TestApi.Download batch = api.issue("/api/v1/decisions/isolation?commune=" + NAM_HA + "&date=" + day);

        assertThat(batch.status()).as(batch.text()).isEqualTo(200);
        assertThat(batch.contentType()).isEqualTo("application/pdf");
        assertThat(batch.disposition()).startsWith("inline");
        try (PDDocument doc = Loader.loadPDF(batch.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
        assertThat(jdbc.sql("select case_id from case_decision where commune_code = ? order by number").param(NAM_HA)
                .query(Long.class).list()).containsExactly(ids.get(1), ids.get(0), ids.get(2));

        // Printing the day again issues nothing new.
        TestApi.Download again = api.issue("/api/v1/decisions/isolation?commune=" + NAM_HA + "&date=" + day);
        try (PDDocument doc = Loader.loadPDF(again.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
        assertThat(numbers(NAM_HA)).containsExactly(1, 2, 3);

        TestApi.Response none = api.post("/api/v1/decisions/isolation?commune=" + NAM_HA + "&date=" + day.minusDays(30), java.util.Map.of());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().get("detail").asString()).contains("Không có ca F0");
    }

    private List<Integer> numbers(String commune) {
        return jdbc.sql("select number from case_decision where commune_code = ? and year = ? order by number")
                .params(commune, TODAY.getYear()).query(Integer.class).list();
    }
}

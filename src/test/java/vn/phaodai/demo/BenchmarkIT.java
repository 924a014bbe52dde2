package vn.phaodai.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark at a smoke size (20,000 persons), so that the runner behind bench/run cannot rot; every figure has its floor. */
@PhaodaiIT
class BenchmarkIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Benchmark benchmark;

    @Test
    void everyScenarioMeasuresSomething() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        List<Benchmark.Scenario> scenarios = benchmark.run(20_000, 3, "42", 50, 20_000, 50_000, 1_000, 2_000);
        assertThat(scenarios).hasSize(21);
        assertThat(scenarios).allSatisfy(s -> assertThat(s.figure()).isNotBlank());
        // Every figure beside its floor, measured in the same run, and the ratio compared from run to run.
        assertThat(scenarios).allSatisfy(s -> {
            assertThat(s.floor()).as(s.name()).isNotBlank();
            assertThat(s.ratio()).as(s.name()).isPositive().isFinite();
        });
        assertThat(scenarios.subList(2, 8)).allSatisfy(s -> assertThat((double) s.values().get("floorP50Ms")).isPositive());
        Benchmark.Scenario load = scenarios.get(1);
        assertThat((double) load.values().get("ratio")).isGreaterThan(0);
        assertThat(scenarios.subList(2, 8)).allSatisfy(s -> assertThat((double) s.values().get("p95Ms")).isGreaterThan(0));
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(20_000);
        assertThat(benchmark.toJson(scenarios)).contains("\"p95Ms\"");
        // 20,000 results: every line created once, positives became cases, the second run changed nothing.
        var first = scenarios.get(8).values();
        assertThat(((Number) first.get("created")).longValue()).isEqualTo(20_000);
        assertThat(((Number) first.get("casesCreated")).longValue()).isPositive();
        // (and the tracing scenario's day of 1,000 positives, and the 2,000 positives of the F0 at home)
        assertThat(jdbc.sql("select count(*) from sample").query(Long.class).single()).isEqualTo(23_000);
        var again = scenarios.get(9).values();
        assertThat(((Number) again.get("unchanged")).longValue()).isEqualTo(20_000);
        assertThat(scenarios.get(9).met()).isTrue();
        // Tracing: contacts around the cases, tiers derived, a day of positives, a full recompute, a case's list.
        assertThat(((Number) scenarios.get(10).values().get("contacts")).longValue()).isGreaterThan(40_000);
        assertThat(((Number) scenarios.get(10).values().get("f1")).longValue()).isPositive();
        assertThat(((Number) scenarios.get(11).values().get("casesCreated")).longValue()).isEqualTo(1_000);
        assertThat(((Number) scenarios.get(12).values().get("f0")).longValue()).isGreaterThan(1_000);
        assertThat(jdbc.sql("select count(*) from person_tier").query(Long.class).single())
                .isEqualTo(((Number) scenarios.get(12).values().get("f0")).longValue() + ((Number) scenarios.get(12).values().get("f1")).longValue()
                        + ((Number) scenarios.get(12).values().get("f2")).longValue() + 2_000); // and the F0 at home below
        assertThat((double) scenarios.get(13).values().get("p95Ms")).isGreaterThan(0);
        // Home care: 2,000 more F0 at home, each with a worker of its village, ids for the HTTP load test.
        var home = scenarios.get(14).values();
        assertThat(((Number) home.get("atHome")).longValue()).isEqualTo(2_000);
        assertThat(scenarios.get(14).met()).isTrue();
        assertThat(jdbc.sql("""
                select count(*) from care_assignment a join covid_case c on c.id = a.case_id
                join care_worker_village v on v.worker_id = a.worker_id and v.village_id = c.village_id
                where c.id between ? and ?""").params(home.get("firstCaseId"), home.get("lastCaseId")).query(Long.class).single())
                .isEqualTo(2_000);
        // The platform's export: 20,000 lines at most over the registry, doses created once; the second run changes nothing.
        var doses = scenarios.get(15).values();
        assertThat(((Number) doses.get("created")).longValue()).isPositive();
        assertThat(((Number) doses.get("unmatched")).longValue()).isPositive();
        assertThat(jdbc.sql("select count(*) from vaccine_dose where source = 'IMPORT'").query(Long.class).single())
                .isEqualTo(((Number) doses.get("created")).longValue());
        assertThat(((Number) scenarios.get(16).values().get("created")).longValue()).isZero();
        assertThat(scenarios.get(16).met()).isTrue();
        // The rest of the doses set-based over the persons the export left without one, then the province's coverage.
        var fill = scenarios.get(17).values();
        assertThat(((Number) fill.get("rows")).longValue()).isPositive();
        assertThat(jdbc.sql("select count(*) from vaccine_dose").query(Long.class).single()).isEqualTo(((Number) fill.get("doses")).longValue());
        // The coverage tally recounted every resident after the imports, then the province's coverage read from it.
        assertThat(((Number) scenarios.get(18).values().get("tallyRows")).longValue()).isPositive();
        assertThat(((Number) scenarios.get(18).values().get("persons")).intValue()).isIn(-1, 20_000);
        assertThat((double) scenarios.get(19).values().get("p95Ms")).isGreaterThan(0);
        assertThat((double) scenarios.get(19).values().get("floorP50Ms")).isGreaterThan(0);
        // A commune's due list as its officer: the busiest commune, some of its residents due for a dose.
        assertThat(((Number) scenarios.get(20).values().get("due")).longValue()).isPositive();
        assertThat((double) scenarios.get(20).values().get("floorP50Ms")).isGreaterThan(0);
        // The floors of what bench/run measures over HTTP: the bare SQL of each GET, bare inserts for each POST.
        String commune = jdbc.sql("select commune_code from person order by id limit 1").query(String.class).single();
        Map<String, Object> http = benchmark.httpFloors(commune, (String) home.get("busiestCommune"), 20, 200, 8, 300, 16,
                ((Number) home.get("firstCaseId")).longValue(), ((Number) home.get("lastCaseId")).longValue());
        assertThat(http).containsOnlyKeys("first_page_with_total", "name_search_no_accents", "id_number", "commune_page", "alerts",
                "create_person", "readings");
        for (String get : List.of("first_page_with_total", "name_search_no_accents", "id_number", "commune_page", "alerts")) {
            assertThat((double) ((Map<?, ?>) http.get(get)).get("p50Ms")).as(get).isPositive();
        }
        assertThat((double) ((Map<?, ?>) http.get("readings")).get("rate")).isPositive();
        assertThat((String) ((Map<?, ?>) http.get("create_person")).get("text")).contains("200 rows");
        assertThat(jdbc.sql("select count(*) from pg_tables where tablename like 'bench_floor%'").query(Long.class).single()).isZero();
        assertThatThrownBy(() -> benchmark.run(1, 3, "42", 1, 0, 0, 0, 0, Set.of("directory", "nonsense")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonsense");
        scenarios.forEach(s -> System.out.println("BENCH " + s.name() + " | " + s.data() + " | " + s.figure() + " | " + s.floor()
                + " | ratio " + s.ratio()));
    }
}

package vn.phaodai.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark at a smoke size (20,000 persons), so that the runner behind bench/run cannot rot. */
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
        List<Benchmark.Scenario> scenarios = benchmark.run(20_000, 3, "42", 50, 20_000);
        assertThat(scenarios).hasSize(10);
        assertThat(scenarios).allSatisfy(s -> assertThat(s.figure()).isNotBlank());
        Benchmark.Scenario load = scenarios.get(1);
        assertThat((double) load.values().get("ratio")).isGreaterThan(0);
        assertThat(scenarios.subList(2, 8)).allSatisfy(s -> assertThat((double) s.values().get("p95Ms")).isGreaterThan(0));
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(20_000);
        assertThat(benchmark.toJson(scenarios)).contains("\"p95Ms\"");
        // 20,000 results: every line created once, positives became cases, the second run changed nothing.
        var first = scenarios.get(8).values();
        assertThat(((Number) first.get("created")).longValue()).isEqualTo(20_000);
        assertThat(((Number) first.get("casesCreated")).longValue()).isPositive();
        assertThat(jdbc.sql("select count(*) from sample").query(Long.class).single()).isEqualTo(20_000);
        var again = scenarios.get(9).values();
        assertThat(((Number) again.get("unchanged")).longValue()).isEqualTo(20_000);
        assertThat(scenarios.get(9).met()).isTrue();
    }
}

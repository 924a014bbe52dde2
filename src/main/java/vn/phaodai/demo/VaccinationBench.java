package vn.phaodai.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.vaccination.bench.SyntheticDoseFill;
import vn.phaodai.vaccination.bench.VaccinationFloors;
import vn.phaodai.vaccination.coverage.CoverageTally;
import vn.phaodai.vaccination.coverage.VaccinationCoverage;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vaccination scenarios after the platform's import (issue 15): the rest of the province's doses written
 * set-based (about 2,500,000 in all at 1,300,000 persons), then the province's coverage by commune and age band as
 * the API asks it, beside the bare SQL of the same counts; and a commune's due list ({@link DueListBench}).
 */
@Service
class VaccinationBench {

    /**
     * A latency loop is cut to what fits in about this many milliseconds, judged by three untimed requests (which warm
     * it up): a report of seconds would otherwise take the run's whole hour.
     */
    static final long LOOP_BUDGET_MS = 90_000;

    private final JdbcClient jdbc;
    private final Floors floors;
    private final VaccinationCoverage coverage;
    private final ApplicationClock clock;

    private final DueListBench dueList;
    private final SyntheticDoseFill doseFill;
    private final CoverageTally tally;

    VaccinationBench(JdbcClient jdbc, Floors floors, VaccinationCoverage coverage, ApplicationClock clock, DueListBench dueList,
                     SyntheticDoseFill doseFill, CoverageTally tally) {
        this.tally = tally;
        this.doseFill = doseFill;
        this.dueList = dueList;
        this.jdbc = jdbc;
        this.floors = floors;
        this.coverage = coverage;
        this.clock = clock;
    }

    List<Benchmark.Scenario> run(long seed, String province, int requests, String persons) {
        Benchmark.Scenario fill = fill(seed, persons);
        long doses = ((Number) fill.values().get("doses")).longValue();
        String data = String.format("%,d doses over %s", doses, persons);
        return List.of(fill, recount(data), coverage(province, requests, data), dueList.run(requests, data));
    }

    /**
     * The coverage tally brought up to date after the registry's import, the platform's and the fill: every person
     * recounted (the app's timed refresh is off in this run, so the recount is measured here, once). Its floor: the
     * same facts read into a bare table.
     */
    private Benchmark.Scenario recount(String data) {
        long floorMs = floors.bareCopyOf(VaccinationFloors.FACTS);
        long start = System.nanoTime();
        int persons = tally.refresh();
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        long rows = tally.rows();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("persons", persons);
        values.put("ms", ms);
        values.put("tallyRows", rows);
        values.put("floorMs", floorMs);
        return new Benchmark.Scenario("the coverage tally recounted after the imports (every resident's facts and the tally's rows)", data,
                String.format(persons < 0 ? "rebuilt from every resident's facts in %2$,d ms; %3$,d rows in the tally"
                        : "%,d persons recounted in %,d ms; %,d rows in the tally", persons, ms, rows),
                String.format("the residents' facts into a bare table (create table … as select): %,d ms", floorMs), ms / (double) floorMs,
                "a few minutes", ms < 180_000, values);
    }

    /** The doses of the persons the export left without one, set-based; its floor the same rows into a bare table. */
    private Benchmark.Scenario fill(long seed, String persons) {
        long floorMs = floors.bareCopyOf(SyntheticDoseFill.select(seed));
        long start = System.nanoTime();
        int rows = doseFill.fill(seed); // and analysed, as autovacuum would soon after a bulk load: the plans below see the data
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        long doses = doseFill.doses();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rows", rows);
        values.put("doses", doses);
        values.put("ms", ms);
        values.put("floorMs", floorMs);
        return new Benchmark.Scenario("the rest of the doses written set-based (generator: coverage by age)", persons,
                String.format("%,d doses in %,d ms, %,.0f rows/s; %,d doses in the registry", rows, ms, rows * 1000.0 / ms, doses),
                String.format("the same rows into a bare table (create table … as select): %,d ms", floorMs), ms / (double) floorMs,
                "a few minutes", ms < 180_000, values);
    }

    /** The province's coverage by commune and age band today, as GET /api/v1/vaccination/coverage?unit=42&by=commune. */
    private Benchmark.Scenario coverage(String province, int requests, String data) {
        String[] communes = jdbc.sql("select code from commune_card where province_code = ? order by code").param(province)
                .query(String.class).list().toArray(String[]::new);
        PhaodaiUser user = Benchmark.user("bench-coverage", Scope.ofCommunes(Set.of(communes)), EnumSet.of(Right.VACCINATION_READ));
        LocalDate on = clock.today();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            int n = affordable(requests, () -> coverage.report(province, on, "commune"));
            int warmUps = n < requests ? 0 : 10; // slow requests: the three that judged them were the warm-up
            Floors.Latency app = Floors.time(n, warmUps, () -> coverage.report(province, on, "commune"));
            Map<String, Object> p = Map.of("on", on, "communes", communes, "month", on.withDayOfMonth(1), "year", on.withDayOfYear(1));
            List<Floors.Bare> bare = List.of(new Floors.Bare(VaccinationFloors.COVERAGE, p));
            Floors.Latency floor = floors.bareSql(n, warmUps == 0 ? 3 : 10, () -> bare);
            explain(p);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("p50Ms", app.p50());
            values.put("p95Ms", app.p95());
            values.put("requests", n);
            values.put("floorP50Ms", floor.p50());
            values.put("floorP95Ms", floor.p95());
            values.put("communes", communes.length);
            return new Benchmark.Scenario("the province's coverage by commune and age band (≥ 1 dose, primary complete, booster), as the province",
                    data, app.text(n) + ", in process; " + communes.length + " communes",
                    "bare SQL of the same counts: " + floor.text(n), app.ratioTo(floor), "p95 < 300 ms", app.p95() < 300, values);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** As many requests as asked, or fewer so that the loop and its floor end in time: judged by three untimed ones. */
    static int affordable(int requests, Runnable run) {
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) run.run();
        long each = Math.max(1, (System.nanoTime() - start) / 3_000_000);
        return (int) Math.max(Math.min(requests, 5), Math.min(requests, LOOP_BUDGET_MS / each));
    }

    /** The plan of the bare counts at this size, on stderr for whoever reads the run's log (bench/run keeps stdout). */
    private void explain(Map<String, Object> p) {
        List<String> plan = jdbc.sql("explain (analyze, buffers) " + VaccinationFloors.COVERAGE).params(p).query(String.class).list();
        System.err.println("PLAN coverage (bare SQL):\n" + String.join("\n", plan));
    }

}

package vn.phaodai.demo;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.jobs.Job;
import vn.phaodai.population.PersonCriteria;
import vn.phaodai.population.PersonImport;
import vn.phaodai.population.Persons;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.testing.LabResults;
import vn.phaodai.tracing.SyntheticContacts;
import vn.phaodai.tracing.Tiers;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The benchmark scenarios that run inside the application: a synthetic province loaded through the
 * person import, beside a raw COPY of the same file into a bare table (the physical limit of the
 * server), and the person directory queried as a commune officer and as the province. {@code bench/run}
 * builds the jar, runs this through {@code java -jar phaodai.jar bench}, and writes the results.
 */
@Service
public class Benchmark {

    /** One measured scenario: what, on how much data, the figure, and the target it is held to. */
    public record Scenario(String name, String data, String figure, String target, boolean met, Map<String, Object> values) {
    }

    private final SyntheticProvince province;
    private final PersonImport personImport;
    private final Persons persons;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LabResults labResults;
    private final Tiers tiers;
    private final HomeCareBench homeCareBench;
    private final SyntheticContacts syntheticContacts;

    Benchmark(SyntheticProvince province, PersonImport personImport, Persons persons, DataSource dataSource, JdbcClient jdbc,
              JsonMapper json, LabResults labResults, Tiers tiers, HomeCareBench homeCareBench,
              SyntheticContacts syntheticContacts) {
        this.homeCareBench = homeCareBench;
        this.syntheticContacts = syntheticContacts;
        this.labResults = labResults;
        this.tiers = tiers;
        this.province = province;
        this.personImport = personImport;
        this.persons = persons;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Scenario> run(int size, long seed, String provinceCode, int requests, int labResults) {
        return run(size, seed, provinceCode, requests, labResults, 0, 0, 0);
    }

    /**
     * Every scenario; {@code contacts} contacts around the lab scenario's cases and then {@code newPositives}
     * new positives in a day for the tracing scenarios (none when 0); then {@code homeCare} F0 at home.
     */
    public List<Scenario> run(int size, long seed, String provinceCode, int requests, int labResults, int contacts, int newPositives,
                              int homeCare) {
        if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1");
        List<Scenario> scenarios = new ArrayList<>();
        String data = String.format("%,d persons", size);
        SyntheticProvince.Prepared prepared = CurrentUser.asSystem(() -> province.prepare(new SyntheticProvince.Options(size, seed, provinceCode, 0)));
        try {
            long rawMs = rawCopy(prepared.file());
            long start = System.nanoTime();
            Job job = personImport.runNow(prepared.file(), "bench.csv", "benchmark", false);
            long importMs = (System.nanoTime() - start) / 1_000_000;
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Import failed: " + job.error());
            double importRate = size * 1000.0 / importMs, rawRate = size * 1000.0 / rawMs, ratio = importRate / rawRate;
            scenarios.add(new Scenario("synthetic province written (generator)", data,
                    String.format("%,d ms; %,d households", prepared.generateMs(), prepared.stats().households()),
                    "a few minutes", prepared.generateMs() < 180_000, Map.of("ms", prepared.generateMs())));
            scenarios.add(new Scenario("person import (COPY + set-based SQL, checks, duplicates) vs raw COPY into a bare table", data,
                    String.format("import %,.0f rows/s (%,d ms); raw COPY %,.0f rows/s (%,d ms); ratio %.2f", importRate, importMs,
                            rawRate, rawMs, ratio), "ratio ≥ 0.5", ratio >= 0.5,
                    Map.of("importMs", importMs, "rawCopyMs", rawMs, "ratio", ratio)));
            scenarios.addAll(directory(data, prepared.provinceCode(), requests, seed));
            if (labResults > 0) scenarios.addAll(labResults(labResults, seed, data));
            if (contacts > 0) scenarios.addAll(tracing(contacts, newPositives, seed, requests, data));
            if (homeCare > 0) scenarios.addAll(homeCareBench.run(homeCare, seed, data));
        } finally {
            try {
                Files.deleteIfExists(prepared.file());
            } catch (IOException ignored) {
                // a temp file
            }
        }
        return scenarios;
    }

    /**
     * A laboratory's file of results over the registry (singles and pools, about 1.5 % positive), imported
     * through the same path as the UI, positives turned into cases; then the same file again, which must
     * change nothing.
     */
    private List<Scenario> labResults(int count, long seed, String persons) {
        long[] ids = jdbc.sql("select id from person_card order by id").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        Path file = LabResultFile.write(ids, count, seed, 180);
        String data = String.format("%,d results over %s", count, persons);
        try {
            List<Scenario> out = new ArrayList<>();
            for (String run : List.of("first", "again")) {
                long start = System.nanoTime();
                Job job = CurrentUser.asSystem(() -> labResults.importNow(file, "bench-results.csv", "benchmark"));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!"DONE".equals(job.status())) throw new IllegalStateException("Lab result import failed: " + job.error());
                Map<String, Object> result = json.readValue(job.result(), Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> summary = (Map<String, Object>) result.get("summary");
                Map<String, Object> values = new LinkedHashMap<>(summary);
                values.put("ms", ms);
                boolean first = run.equals("first");
                out.add(new Scenario(first ? "lab result import (COPY + set-based SQL, pools, cases from positives)"
                        : "the same lab result file again (idempotent)", data,
                        String.format("%,d ms, %,.0f results/s; created %s, unchanged %s, amended %s, rejected %s; cases created %s, linked %s",
                                ms, count * 1000.0 / ms, summary.get("created"), summary.get("unchanged"), summary.get("amended"),
                                summary.get("rejected"), summary.get("casesCreated"), summary.get("casesLinked")),
                        first ? "< 60 s for 1,000,000" : "nothing created or amended",
                        first ? ms * 1_000_000.0 / count < 60_000 : ((Number) summary.get("created")).longValue() == 0
                                && ((Number) summary.get("amended")).longValue() == 0, values));
            }
            return out;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /**
     * Contact tracing at scale: {@code contacts} contacts generated set-based around the cases of the lab
     * scenario (a fifth from the cases' persons, the rest from those exposed: F1 and F2), the tiers derived;
     * then a day of {@code newPositives} new positives among the exposed through the lab-result import (tiers
     * follow in its transaction), a full recompute of every tier, and one case's F1/F2 list as the province.
     */
    private List<Scenario> tracing(int contacts, int newPositives, long seed, int requests, String persons) {
        List<Scenario> out = new ArrayList<>();
        String data = String.format("%,d contacts over %s", contacts, persons);
        long cases = jdbc.sql("select count(*) from case_card where status <> 'DISCARDED'").query(Long.class).single();
        if (cases == 0) throw new IllegalStateException("The tracing scenarios need the cases of the lab-result scenario");
        long start = System.nanoTime();
        jdbc.sql("select setseed(?)").param((seed % 1000) / 1000.0).query(Object.class).list();
        int first = (int) Math.max(1, contacts / 5 / cases);
        // The cases' contacts (F1), a few days around the confirmation; never the source itself (an offset of 1 to n - 1).
        long f1 = syntheticContacts.aroundCases(first);
        // Their contacts (F2), on or after their exposure.
        long rest = contacts - f1;
        long exposed = syntheticContacts.exposedPersons();
        int second = (int) Math.max(1, (rest + exposed - 1) / Math.max(1, exposed));
        long f2 = syntheticContacts.aroundExposed(second, rest);
        syntheticContacts.analyze();
        Tiers.Recomputed initial = tiers.recomputeAll();
        long generateMs = (System.nanoTime() - start) / 1_000_000;
        out.add(new Scenario("contacts generated around the cases (set-based) and every tier derived", data,
                String.format("%,d contacts (%,d from %,d cases, %,d from the exposed) in %,d ms; tiers F0 %,d, F1 %,d, F2 %,d in %,d ms",
                        f1 + f2, f1, cases, f2, generateMs, initial.f0(), initial.f1(), initial.f2(), initial.ms()),
                "informative", true, Map.of("contacts", f1 + f2, "ms", generateMs, "recomputeMs", initial.ms(), "f1", initial.f1(), "f2", initial.f2())));

        // A day of new positives among the exposed, through the laboratory's path.
        List<Long> positives = syntheticContacts.exposedWithoutCase(seed, newPositives);
        Path file = dayOfPositives(positives, seed);
        try {
            start = System.nanoTime();
            Job job = CurrentUser.asSystem(() -> labResults.importNow(file, "bench-day.csv", "benchmark"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Day of positives failed: " + job.error());
            Map<String, Object> result = json.readValue(job.result(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) result.get("summary");
            out.add(new Scenario("a day of new positives through the lab-result import, tiers updated in its transaction",
                    String.format("%,d positives; %s", positives.size(), data),
                    String.format("%,d ms; cases created %s", ms, summary.get("casesCreated")), "informative", true,
                    Map.of("ms", ms, "casesCreated", summary.get("casesCreated"))));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file
            }
        }
        Tiers.Recomputed again = tiers.recomputeAll();
        out.add(new Scenario("full tier recompute (F0, F1, F2) after the day of new positives",
                String.format("%,d new positives; %s", positives.size(), data),
                String.format("%,d ms; F0 %,d, F1 %,d, F2 %,d", again.ms(), again.f0(), again.f1(), again.f2()), "< 10 s",
                again.ms() < 10_000, Map.of("ms", again.ms(), "f0", again.f0(), "f1", again.f1(), "f2", again.f2())));

        // One case's F1 and F2, first page with its total, as the province.
        List<Long> withContacts = jdbc.sql("""
                select root_case_id from tier_card where tier = 1 group by root_case_id order by hashint8(root_case_id + :seed) limit 500""")
                .param("seed", seed).query(Long.class).list();
        PhaodaiUser province = user("bench-tracing", Scope.EVERYTHING, EnumSet.of(Right.TRACING_READ));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(province, null, province.getAuthorities()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 10; i++) tiers.ofCase(withContacts.get(random.nextInt(withContacts.size())), null, 0, 20);
            long[] micros = new long[requests];
            long rows = 0;
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                rows += tiers.ofCase(withContacts.get(random.nextInt(withContacts.size())), null, 0, 20).total();
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            double p50 = micros[requests / 2] / 1000.0, p95 = micros[(int) Math.ceil(requests * 0.95) - 1] / 1000.0;
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("p50Ms", p50);
            values.put("p95Ms", p95);
            values.put("requests", requests);
            values.put("meanContacts", rows / (double) requests);
            out.add(new Scenario("one case's F1/F2 list (first page with total), as the province", data,
                    String.format("p50 %.1f ms, p95 %.1f ms (%d requests, in process; %.0f F1+F2 per case on average)", p50, p95, requests,
                            rows / (double) requests), "p95 < 100 ms", p95 < 100, values));
        } finally {
            SecurityContextHolder.setContext(before);
        }
        return out;
    }

    /** A laboratory file of positive RT-PCR results for these persons, all sampled on one day (1 March 2022). */
    private static Path dayOfPositives(List<Long> persons, long seed) {
        try {
            Path file = Files.createTempFile("phaodai-day-positives", ".csv");
            StringBuilder out = new StringBuilder("Mã mẫu,Mã người,Loại xét nghiệm,Thời gian lấy mẫu,Kết quả,Ct,Mã mẫu gộp,Có triệu chứng\n");
            int n = 0;
            for (long p : persons) out.append("NGAY").append(seed).append('-').append(++n).append(',').append(p)
                    .append(",PCR,1/3/2022 9:00,Dương tính,21,,\n");
            Files.writeString(file, out, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same file into a table of text columns without a key, index or check: what the server can take. */
    private long rawCopy(Path file) {
        try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("create temp table raw_person (" + String.join(" text, ", Arrays.asList(
                        "c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15".split(" "))) + " text) on commit drop");
            }
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_person from stdin with (format csv, header)", in);
            c.commit();
            return Math.max(1, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First page with total, a name search and a commune's list, each as a commune officer and as the province. */
    private List<Scenario> directory(String data, String provinceCode, int requests, long seed) {
        List<String> communes = jdbc.sql("""
                select c.code from commune_card c where c.province_code = ? order by c.code""").param(provinceCode).query(String.class).list();
        List<String> names = jdbc.sql("select search_name from person_card where commune_code = any(?) order by id limit 500")
                .param(communes.toArray(String[]::new)).query(String.class).list();
        List<String> officerNames = jdbc.sql("select search_name from person_card where commune_code = ? order by id limit 500")
                .param(communes.get(0)).query(String.class).list();
        Set<Right> read = EnumSet.of(Right.PERSON_READ, Right.PERSON_READ_BASIC);
        PhaodaiUser officer = user("bench-commune", Scope.ofCommunes(Set.of(communes.get(0))), read);
        PhaodaiUser provincial = user("bench-province", Scope.ofCommunes(Set.copyOf(communes)), read);
        SplittableRandom random = new SplittableRandom(seed);
        List<Scenario> out = new ArrayList<>();
        for (PhaodaiUser u : List.of(officer, provincial)) {
            String who = u == officer ? "commune officer" : "province";
            out.add(timed("directory first page with total, as " + who, data, requests, u, () -> new PersonCriteria(null, null, null, null)));
            List<String> theirs = u == officer ? officerNames : names; // names of people the user can see
            out.add(timed("directory name search (no accents), as " + who, data, requests, u,
                    () -> new PersonCriteria(theirs.get(random.nextInt(theirs.size())), null, null, null)));
            out.add(timed("directory of one commune, as " + who, data, requests, u,
                    () -> new PersonCriteria(null, u == officer ? communes.get(0) : communes.get(random.nextInt(communes.size())), null, null)));
        }
        return out;
    }

    private Scenario timed(String name, String data, int requests, PhaodaiUser user, java.util.function.Supplier<PersonCriteria> criteria) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            for (int i = 0; i < 10; i++) persons.search(criteria.get(), 0, 20); // warm-up
            long[] micros = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                persons.search(criteria.get(), 0, 20);
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            double p50 = micros[requests / 2] / 1000.0, p95 = micros[(int) Math.ceil(requests * 0.95) - 1] / 1000.0;
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("p50Ms", p50);
            values.put("p95Ms", p95);
            values.put("requests", requests);
            return new Scenario(name, data, String.format("p50 %.1f ms, p95 %.1f ms (%d requests, in process)", p50, p95, requests),
                    "p95 < 150 ms", p95 < 150, values);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private static PhaodaiUser user(String name, Scope scope, Set<Right> rights) {
        return new PhaodaiUser(-1, name, "", true, false, 0, Set.of(), rights, "COMMUNE", List.of(), scope);
    }

    public String toJson(List<Scenario> scenarios) {
        return json.writeValueAsString(scenarios);
    }
}

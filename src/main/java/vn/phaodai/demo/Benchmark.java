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
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.testing.LabResults;
import vn.phaodai.vaccination.imports.DoseImports;
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

    /**
     * One measured scenario: what, on how much data, the figure, its floor (the same work with no application,
     * measured in the same run on the same data), how many times the floor the figure is (the figure compared
     * from run to run: a slower machine slows both), and the target it is held to.
     */
    public record Scenario(String name, String data, String figure, String floor, double ratio, String target, boolean met,
                           Map<String, Object> values) {
    }

    /** The scenarios {@code --only} can name; the setup they need (the persons' import, the F0 at home) always runs. */
    public static final Set<String> GROUPS = Set.of("directory", "lab", "tracing", "home-care", "create-person", "readings",
            "vaccination-import", "vaccination");

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
    private final Floors floors;
    private final ApplicationClock clock;
    private final DoseImports doseImports;
    private final VaccinationBench vaccinationBench;

    Benchmark(SyntheticProvince province, PersonImport personImport, Persons persons, DataSource dataSource, JdbcClient jdbc,
              JsonMapper json, LabResults labResults, Tiers tiers, HomeCareBench homeCareBench,
              SyntheticContacts syntheticContacts, Floors floors, ApplicationClock clock, DoseImports doseImports,
              VaccinationBench vaccinationBench) {
        this.vaccinationBench = vaccinationBench;
        this.doseImports = doseImports;
        this.floors = floors;
        this.clock = clock;
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
        return run(size, seed, provinceCode, requests, labResults, contacts, newPositives, homeCare, Set.of());
    }

    /**
     * Only the scenarios of these groups ({@link #GROUPS}; all when empty), with the setup they need: the
     * persons' import always, the lab import for tracing, the F0 at home for the readings sent later over HTTP.
     */
    public List<Scenario> run(int size, long seed, String provinceCode, int requests, int labResults, int contacts, int newPositives,
                              int homeCare, Set<String> only) {
        if (!GROUPS.containsAll(only)) throw new IllegalArgumentException("--only takes " + new java.util.TreeSet<>(GROUPS) + ", not " + only);
        java.util.function.Predicate<String> wanted = g -> only.isEmpty() || only.contains(g);
        if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1");
        List<Scenario> scenarios = new ArrayList<>();
        String data = String.format("%,d persons", size);
        SyntheticProvince.Prepared prepared = CurrentUser.asSystem(() -> province.prepare(new SyntheticProvince.Options(size, seed, provinceCode, 0)));
        try {
            long rawMs = floors.rawCopy(prepared.file(), 15);
            long start = System.nanoTime();
            Job job = personImport.runNow(prepared.file(), "bench.csv", "benchmark", false);
            long importMs = (System.nanoTime() - start) / 1_000_000;
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Import failed: " + job.error());
            double importRate = size * 1000.0 / importMs, rawRate = size * 1000.0 / rawMs, ratio = importMs / (double) rawMs;
            String raw = String.format("raw COPY of the file into a bare table: %,d ms, %,.0f rows/s", rawMs, rawRate);
            // The generator has no bare twin; the raw COPY of the file it wrote is the machine's pace on the same data.
            scenarios.add(new Scenario("synthetic province written (generator)", data,
                    String.format("%,d ms; %,d households", prepared.generateMs(), prepared.stats().households()), raw,
                    prepared.generateMs() / (double) rawMs, "a few minutes", prepared.generateMs() < 180_000,
                    Map.of("ms", prepared.generateMs(), "floorMs", rawMs)));
            // The import's rate at least half the raw COPY's: at most twice its time.
            scenarios.add(new Scenario("person import (COPY + set-based SQL, checks, duplicates)", data,
                    String.format("%,d ms, %,.0f rows/s", importMs, importRate), raw, ratio, "ratio ≤ 2", ratio <= 2,
                    Map.of("importMs", importMs, "rawCopyMs", rawMs, "floorMs", rawMs, "ratio", ratio)));
            if (wanted.test("directory")) scenarios.addAll(directory(data, prepared.provinceCode(), requests, seed));
            if (labResults > 0 && (wanted.test("lab") || wanted.test("tracing"))) scenarios.addAll(labResults(labResults, seed, data));
            if (contacts > 0 && wanted.test("tracing")) scenarios.addAll(tracing(contacts, newPositives, seed, requests, data));
            if (homeCare > 0 && (wanted.test("home-care") || wanted.test("readings"))) scenarios.addAll(homeCareBench.run(homeCare, seed, data));
            // The platform's export has as many lines as the lab's file has results (--lab-results, 1,000,000 by default).
            // vaccination: the import, the rest of the doses written set-based, the province's coverage and a commune's due list.
            boolean vaccination = wanted.test("vaccination");
            if (labResults > 0 && (vaccination || wanted.test("vaccination-import"))) scenarios.addAll(doseImport(labResults, seed, data));
            if (vaccination) scenarios.addAll(vaccinationBench.run(seed, prepared.provinceCode(), requests, data));
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
            long rawMs = floors.rawCopy(file, 8);
            String raw = String.format("raw COPY of the file into a bare table: %,d ms, %,.0f rows/s", rawMs, count * 1000.0 / rawMs);
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
                values.put("floorMs", rawMs);
                boolean first = run.equals("first");
                out.add(new Scenario(first ? "lab result import (COPY + set-based SQL, pools, cases from positives)"
                        : "the same lab result file again (idempotent)", data,
                        String.format("%,d ms, %,.0f results/s; created %s, unchanged %s, amended %s, rejected %s; cases created %s, linked %s",
                                ms, count * 1000.0 / ms, summary.get("created"), summary.get("unchanged"), summary.get("amended"),
                                summary.get("rejected"), summary.get("casesCreated"), summary.get("casesLinked")),
                        raw, ms / (double) rawMs, first ? "< 60 s for 1,000,000" : "nothing created or amended",
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
     * The national vaccination platform's export over the registry (issue 15 §2), imported through the same path as
     * the pages: matched by ID number, else name and birth date, doses written set-based; then the same file again,
     * which must change nothing.
     */
    private List<Scenario> doseImport(int count, long seed, String persons) {
        Path file = DoseExportFile.write(jdbc, count, seed);
        try {
            long rawMs = floors.rawCopy(file, 10);
            List<Scenario> out = new ArrayList<>();
            for (String run : List.of("first", "again")) {
                long start = System.nanoTime();
                Job job = CurrentUser.asSystem(() -> doseImports.importNow(file, "bench-doses.csv", "benchmark"));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!"DONE".equals(job.status())) throw new IllegalStateException("Dose import failed: " + job.error());
                @SuppressWarnings("unchecked")
                Map<String, Object> values = new LinkedHashMap<>(json.readValue(job.result(), Map.class));
                values.put("ms", ms);
                values.put("floorMs", rawMs);
                long lines = ((Number) values.get("rowsRead")).longValue();
                String data = String.format("%,d lines of the platform's export over %s", lines, persons);
                String raw = String.format("raw COPY of the file into a bare table: %,d ms, %,.0f rows/s", rawMs, lines * 1000.0 / rawMs);
                boolean first = run.equals("first");
                long created = ((Number) values.get("created")).longValue();
                long listed = ((Number) values.get("unmatchedNew")).longValue();
                out.add(new Scenario(first ? "vaccination import from the national platform (COPY + set-based matching)"
                        : "the same platform export again (idempotent)", data,
                        String.format("%,d ms, %,.0f lines/s; created %s, unchanged %s, unmatched %s, conflicts %s, rejected %s",
                                ms, lines * 1000.0 / ms, values.get("created"), values.get("unchanged"), values.get("unmatched"),
                                values.get("conflicts"), values.get("rejected")),
                        raw, ms / (double) rawMs, first ? "< 60 s for 1,000,000" : "nothing created, no new unmatched line",
                        first ? ms * 1_000_000.0 / Math.max(1, lines) < 60_000 : created == 0 && listed == 0, values));
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
        // Floors: the same rows written into a bare table (no key, index, check or derivation).
        long contactsFloorMs = floors.bareCopyOf("select * from contact_card") + floors.bareCopyOf("select * from tier_card");
        out.add(new Scenario("contacts generated around the cases (set-based) and every tier derived", data,
                String.format("%,d contacts (%,d from %,d cases, %,d from the exposed) in %,d ms; tiers F0 %,d, F1 %,d, F2 %,d in %,d ms",
                        f1 + f2, f1, cases, f2, generateMs, initial.f0(), initial.f1(), initial.f2(), initial.ms()),
                String.format("the contacts and tiers written into bare tables (create table as select): %,d ms", contactsFloorMs),
                generateMs / (double) contactsFloorMs, "informative", true,
                Map.of("contacts", f1 + f2, "ms", generateMs, "recomputeMs", initial.ms(), "f1", initial.f1(), "f2", initial.f2(),
                        "floorMs", contactsFloorMs)));

        // A day of new positives among the exposed, through the laboratory's path.
        List<Long> positives = syntheticContacts.exposedWithoutCase(seed, newPositives);
        Path file = dayOfPositives(positives, seed);
        try {
            long dayRawMs = floors.rawCopy(file, 8);
            start = System.nanoTime();
            Job job = CurrentUser.asSystem(() -> labResults.importNow(file, "bench-day.csv", "benchmark"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Day of positives failed: " + job.error());
            Map<String, Object> result = json.readValue(job.result(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) result.get("summary");
            out.add(new Scenario("a day of new positives through the lab-result import, tiers updated in its transaction",
                    String.format("%,d positives; %s", positives.size(), data),
                    String.format("%,d ms; cases created %s", ms, summary.get("casesCreated")),
                    String.format("raw COPY of the file into a bare table: %,d ms", dayRawMs), ms / (double) dayRawMs, "informative", true,
                    Map.of("ms", ms, "casesCreated", summary.get("casesCreated"), "floorMs", dayRawMs)));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file
            }
        }
        Tiers.Recomputed again = tiers.recomputeAll();
        long tiersFloorMs = floors.bareCopyOf("select * from tier_card");
        out.add(new Scenario("full tier recompute (F0, F1, F2) after the day of new positives",
                String.format("%,d new positives; %s", positives.size(), data),
                String.format("%,d ms; F0 %,d, F1 %,d, F2 %,d", again.ms(), again.f0(), again.f1(), again.f2()),
                String.format("the same tier rows written into a bare table (create table as select): %,d ms", tiersFloorMs),
                again.ms() / (double) tiersFloorMs, "< 10 s", again.ms() < 10_000,
                Map.of("ms", again.ms(), "f0", again.f0(), "f1", again.f1(), "f2", again.f2(), "floorMs", tiersFloorMs)));

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
            // The floor: the same cases' pages and totals, the same rows, as bare SQL (no scope check, mapping or audit).
            SplittableRandom again2 = new SplittableRandom(seed);
            Floors.Latency floor = floors.bareSql(requests, () -> {
                Map<String, Object> p = Map.of("case", withContacts.get(again2.nextInt(withContacts.size())));
                return List.of(new Floors.Bare("select count(*) from tier_card t where t.root_case_id = :case", p),
                        new Floors.Bare("""
                                select t.person_id, p.full_name, p.birth_year, p.phone, p.commune_code, p.village_id, t.tier, t.via, t.exposure_date,
                                       (select min(x.tier) from tier_card x where x.person_id = t.person_id) as current_tier
                                from tier_card t join person_card p on p.id = t.person_id where t.root_case_id = :case
                                order by t.tier, t.exposure_date desc, t.person_id limit 20""", p));
            });
            values.put("floorP50Ms", floor.p50());
            values.put("floorP95Ms", floor.p95());
            double latencyRatio = new Floors.Latency(p50, p95).ratioTo(floor);
            out.add(new Scenario("one case's F1/F2 list (first page with total), as the province", data,
                    String.format("p50 %.1f ms, p95 %.1f ms (%d requests, in process; %.0f F1+F2 per case on average)", p50, p95, requests,
                            rows / (double) requests), "bare SQL of the same page and total: " + floor.text(requests), latencyRatio,
                    "p95 < 100 ms", p95 < 100, values));
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
            String[] scope = u == officer ? new String[]{communes.get(0)} : communes.toArray(String[]::new);
            List<String> theirs = u == officer ? officerNames : names; // names of people the user can see
            out.add(timed("directory first page with total, as " + who, data, requests, u, scope,
                    criteria(requests, () -> new PersonCriteria(null, null, null, null))));
            out.add(timed("directory name search (no accents), as " + who, data, requests, u, scope,
                    criteria(requests, () -> new PersonCriteria(theirs.get(random.nextInt(theirs.size())), null, null, null))));
            out.add(timed("directory of one commune, as " + who, data, requests, u, scope, criteria(requests,
                    () -> new PersonCriteria(null, u == officer ? communes.get(0) : communes.get(random.nextInt(communes.size())), null, null))));
        }
        return out;
    }

    /** The criteria of the warm-up and the timed requests, drawn once: the application and its floor ask the same. */
    private static List<PersonCriteria> criteria(int requests, java.util.function.Supplier<PersonCriteria> draw) {
        List<PersonCriteria> out = new ArrayList<>();
        for (int i = 0; i < requests + 10; i++) out.add(draw.get());
        return out;
    }

    private Scenario timed(String name, String data, int requests, PhaodaiUser user, String[] scope, List<PersonCriteria> criteria) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            var next = new java.util.concurrent.atomic.AtomicInteger();
            Floors.Latency app = Floors.time(requests, () -> persons.search(criteria.get(next.getAndIncrement()), 0, 20));
            var again = new java.util.concurrent.atomic.AtomicInteger();
            Floors.Latency floor = floors.bareSql(requests, () -> bareDirectory(criteria.get(again.getAndIncrement()), scope, 0, 20));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("p50Ms", app.p50());
            values.put("p95Ms", app.p95());
            values.put("requests", requests);
            values.put("floorP50Ms", floor.p50());
            values.put("floorP95Ms", floor.p95());
            return new Scenario(name, data, app.text(requests) + ", in process", "bare SQL of the same page and total: " + floor.text(requests),
                    app.ratioTo(floor), "p95 < 150 ms", app.p95() < 150, values);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /**
     * The bare SQL returning a directory page's rows and its total: the same filter (living persons of these
     * communes, all when null), the same order and page, without the application (no scope object, similarity
     * setting, typo check, mapping or audit).
     */
    static List<Floors.Bare> bareDirectory(PersonCriteria c, String[] communes, int page, int size) {
        StringBuilder where = new StringBuilder("true"); // person_card holds live persons only
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        if (communes != null) {
            where.append(" and commune_code = any(:communes)");
            p.put("communes", communes);
        }
        if (c.communeCode() != null) {
            where.append(" and commune_code = :commune");
            p.put("commune", c.communeCode());
        }
        String q = c.q() == null ? "" : c.q().strip();
        if (q.isEmpty()) {
            return List.of(new Floors.Bare("select * from person_card where " + where + " order by id limit :limit offset :offset", p),
                    new Floors.Bare("select count(*) from person_card where " + where, p));
        }
        p.put("q", q);
        if (q.chars().allMatch(Character::isDigit)) {
            where.append(" and (national_id = :q or phone = :q)");
            return List.of(new Floors.Bare("select * from person_card where " + where + " order by id limit :limit offset :offset", p),
                    new Floors.Bare("select count(*) from person_card where " + where, p));
        }
        return List.of(new Floors.Bare("select *, count(*) over () as total from person_card where " + where
                + " and search_name like '%' || fold_text(:q) || '%'"
                + " order by (search_name = fold_text(:q)) desc, similarity(search_name, fold_text(:q)) desc, id limit :limit offset :offset", p));
    }

    /**
     * The floors of the scenarios {@code bench/run} measures over HTTP once the server has stopped, on the same
     * data: the bare SQL of each GET (the same page, filter and total as the province's token asks for), and
     * for each POST the same number of rows inserted bare at the same concurrency ({@code 0} rows: not measured).
     */
    public Map<String, Object> httpFloors(String commune, String busiest, int requests, int createdPersons, int personConnections,
                                          int readings, int readingConnections, long firstCase, long lastCase) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, PersonCriteria> gets = new LinkedHashMap<>();
        gets.put("first_page_with_total", new PersonCriteria(null, null, null, null));
        gets.put("name_search_no_accents", new PersonCriteria("nguyen van hung", null, null, null));
        gets.put("id_number", new PersonCriteria("042171000001", null, null, null));
        gets.put("commune_page", new PersonCriteria(null, commune, null, null));
        gets.forEach((name, c) -> {
            int page = name.equals("commune_page") ? 3 : 0;
            out.put(name, latency(floors.bareSql(requests, () -> bareDirectory(c, null, page, 20)), "bare SQL of the same page and total", requests));
        });
        if (busiest != null) {
            Map<String, Object> p = Map.of("commune", busiest);
            String where = " where a.commune_code = :commune and a.status <> 'RESOLVED'";
            out.put("alerts", latency(floors.bareSql(requests, () -> List.of(
                    new Floors.Bare("select count(*) from alert_card a" + where, p),
                    new Floors.Bare("""
                            select a.*, c.person_id, p.full_name, p.birth_year, r.spo2, r.breathing_rate, r.pulse, r.temperature, r.taken_at
                            from alert_card a join case_card c on c.id = a.case_id join person_card p on p.id = c.person_id
                            join reading_card r on r.id = a.reading_id""" + where + " order by a.severity desc, a.raised_at, a.id limit 20", p))),
                    "bare SQL of the same page and total", requests));
        }
        if (createdPersons > 0) {
            String[] communes = {commune};
            double rate = floors.bareInserts(createdPersons, personConnections,
                    "full_name text, sex text, birth_year int, commune_code text, created_at timestamptz",
                    i -> new Object[]{"Bé Floor " + i, "FEMALE", 2020, communes[0], clock.now()});
            out.put("create_person", Map.of("rate", rate, "text", String.format(
                    "the same %,d rows (the request's fields) inserted bare, one transaction each, %d connections: %,.0f rows/s",
                    createdPersons, personConnections, rate)));
        }
        if (readings > 0) {
            SplittableRandom random = new SplittableRandom(17);
            java.time.OffsetDateTime base = clock.now().minusHours(3);
            double rate = floors.bareInserts(readings, readingConnections,
                    "case_id bigint, taken_at timestamptz, temperature numeric(3,1), spo2 int, breathing_rate int, pulse int, systolic int, "
                            + "diastolic int, symptoms text[]",
                    i -> {
                        synchronized (random) {
                            return new Object[]{random.nextLong(firstCase, lastCase + 1), base.plusNanos(i * 1000L),
                                    new java.math.BigDecimal("36.5").add(java.math.BigDecimal.valueOf(random.nextInt(16), 1)),
                                    random.nextInt(20) == 0 ? 94 : 97 + random.nextInt(3), 14 + random.nextInt(6), 65 + random.nextInt(36),
                                    105 + random.nextInt(31), 65 + random.nextInt(21), new String[]{"COUGH"}};
                        }
                    });
            out.put("readings", Map.of("rate", rate, "text", String.format(
                    "the same %,d readings inserted bare, one transaction each, %d connections: %,.0f rows/s", readings, readingConnections, rate)));
        }
        return out;
    }

    private static Map<String, Object> latency(Floors.Latency l, String what, int requests) {
        return Map.of("p50Ms", l.p50(), "p95Ms", l.p95(), "text", what + ": " + l.text(requests));
    }

    static PhaodaiUser user(String name, Scope scope, Set<Right> rights) {
        return new PhaodaiUser(-1, name, "", true, false, 0, Set.of(), rights, "COMMUNE", List.of(), scope);
    }

    public String toJson(List<Scenario> scenarios) {
        return json.writeValueAsString(scenarios);
    }
}

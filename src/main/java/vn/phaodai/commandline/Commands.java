package vn.phaodai.commandline;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.demo.Benchmark;
import vn.phaodai.demo.SyntheticProvince;
import vn.phaodai.geography.GeographyImporter;
import vn.phaodai.jobs.Job;
import vn.phaodai.population.PersonImport;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.testing.LabResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administrative work from the command line, on the same services the web uses:
 * {@code import-geography FILE}, {@code import-persons FILE}, {@code import-lab-results FILE}, {@code verify-audit} (exit status 2 when the
 * audit chain is broken), {@code generate --persons N --seed S [--province P] [--days D]} (a synthetic province) and
 * {@code bench --persons N [--province P] [--requests R] [--lab-results M] [--contacts C] [--new-positives P] [--home-care F] [--only GROUPS]} (the in-process benchmark scenarios, as JSON) and {@code bench-floors} (the floors of the scenarios bench/run measures over HTTP). Each prints its result as JSON with the time it took; the application then stops.
 */
@Component
public class Commands implements ApplicationRunner {

    /** The first argument that makes the application a one-off command instead of a server. */
    public static final Set<String> NAMES = Set.of("import-geography", "import-persons", "import-lab-results", "verify-audit",
            "generate", "bench", "bench-floors");

    private final GeographyImporter geography;
    private final PersonImport persons;
    private final AuditLog audit;
    private final SyntheticProvince synthetic;
    private final Benchmark benchmark;
    private final JsonMapper json;
    private final LabResults labResults;
    private int exitCode;

    Commands(GeographyImporter geography, PersonImport persons, AuditLog audit, SyntheticProvince synthetic, Benchmark benchmark,
             JsonMapper json, LabResults labResults) {
        this.labResults = labResults;
        this.synthetic = synthetic;
        this.benchmark = benchmark;
        this.geography = geography;
        this.persons = persons;
        this.audit = audit;
        this.json = json;
    }

    /** The command a run was started for: the first argument that is not an option; null for the server. */
    public static String name(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]) ? args[0]
                : java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().filter(NAMES::contains).orElse(null);
    }

    /** {@code --name value} or {@code --name=value}. */
    private static String option(List<String> args, String name, String otherwise) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--" + name) && i + 1 < args.size()) return args.get(i + 1);
            if (a.startsWith("--" + name + "=")) return a.substring(name.length() + 3);
        }
        return otherwise;
    }

    /** The exit status of the command that ran (0 when none did). */
    public int exitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String command = name(args.getSourceArgs());
        if (command == null) return;
        List<String> words = new java.util.ArrayList<>(args.getNonOptionArgs());
        words.remove(command);
        words.add(0, command);
        CurrentUser.actAsSystem();
        if (words.get(0).equals("verify-audit")) {
            AuditLog.Verification v = audit.verify();
            System.out.println(json.writeValueAsString(Map.of("command", "verify-audit", "entries", v.entries(),
                    "intact", v.intact(), "broken", v.broken(), "problems", v.problems())));
            exitCode = v.intact() ? 0 : 2;
            return;
        }
        if (words.get(0).equals("generate")) {
            List<String> raw = List.of(args.getSourceArgs());
            var options = new SyntheticProvince.Options(Integer.parseInt(option(raw, "persons", "50000")),
                    Long.parseLong(option(raw, "seed", "2021")), option(raw, "province", SyntheticProvince.DEMO_PROVINCE),
                    Integer.parseInt(option(raw, "days", "0")));
            long start = System.nanoTime();
            var result = synthetic.build(options);
            System.out.println(json.writeValueAsString(Map.of("command", "generate", "elapsedMs", (System.nanoTime() - start) / 1_000_000,
                    "result", result)));
            return;
        }
        if (words.get(0).equals("bench")) {
            List<String> raw = List.of(args.getSourceArgs());
            var scenarios = benchmark.run(Integer.parseInt(option(raw, "persons", "1300000")), Long.parseLong(option(raw, "seed", "2021")),
                    option(raw, "province", "42"), Integer.parseInt(option(raw, "requests", "200")),
                    Integer.parseInt(option(raw, "lab-results", "1000000")), Integer.parseInt(option(raw, "contacts", "2000000")),
                    Integer.parseInt(option(raw, "new-positives", "10000")), Integer.parseInt(option(raw, "home-care", "100000")),
                    option(raw, "only", "").isBlank() ? Set.of() : Set.of(option(raw, "only", "").split(",")));
            System.out.println(benchmark.toJson(scenarios));
            return;
        }
        if (words.get(0).equals("bench-floors")) {
            List<String> raw = List.of(args.getSourceArgs());
            var floors = benchmark.httpFloors(option(raw, "commune", null), option(raw, "busiest", null),
                    Integer.parseInt(option(raw, "requests", "200")), Integer.parseInt(option(raw, "created-persons", "0")),
                    Integer.parseInt(option(raw, "person-connections", "8")), Integer.parseInt(option(raw, "readings", "0")),
                    Integer.parseInt(option(raw, "reading-connections", "16")), Long.parseLong(option(raw, "first-case", "0")),
                    Long.parseLong(option(raw, "last-case", "0")));
            System.out.println(json.writeValueAsString(floors));
            return;
        }
        if (words.size() < 2) throw new IllegalArgumentException("Usage: " + words.get(0) + " FILE");
        Path file = Path.of(words.get(1));
        if (!Files.isReadable(file)) throw new IllegalArgumentException("Cannot read " + file.toAbsolutePath());
        String name = file.getFileName().toString();
        long start = System.nanoTime();
        Object result = switch (words.get(0)) {
            case "import-geography" -> geography.importList(file, name, "command-line", true, false);
            default -> {
                Job job = words.get(0).equals("import-lab-results") ? labResults.importNow(file, name, "command-line")
                        : persons.runNow(file, name, "command-line", false);
                if (!"DONE".equals(job.status())) throw new IllegalStateException("Import failed: " + job.error());
                yield json.readTree(job.result());
            }
        };
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(json.writeValueAsString(Map.of("command", words.get(0), "file", name,
                "elapsedMs", ms, "result", result)));
    }
}

package vn.phaodai.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process test: the application runs as a child process (the built jar, or this test's class path) on its own
 * data folder and port, is killed with SIGKILL in the middle of a 300,000-row person import, and started again.
 * The job must end as interrupted, its upload (names, ID numbers, phones) must be gone, and no person of the file
 * may have been written (the import is one transaction).
 */
@Tag("process")
class ImportCrashIT {

    static final Path DATA = Path.of("target/crash-it").toAbsolutePath();
    static final String PASSWORD = TestApi.ADMIN_PASSWORD;
    static final int ROWS = 300_000;
    private static final String LETTERS = "ABCDEGHIKLMNOPQRSTUVXY";

    private final List<Process> started = new ArrayList<>();

    @Test
    void aJobKilledMidImportEndsInterruptedWithItsUploadDeletedAndNothingWritten() throws Exception {
        deleteTree(DATA);
        Files.createDirectories(DATA);
        Path file = personFile(DATA.resolve("nhan-khau.csv"), communesOfProvince("42"));

        int port = freePort();
        Process first = start(port, "first");
        TestApi api = new TestApi(port);
        var list = api.upload("/api/v1/geography/import", TestData.GSO_CSV);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        var submitted = api.upload("/api/v1/persons/import", file);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String job = submitted.body().get("jobId").asString();

        // Mid-import: running, some 20,000 rows read (the first progress report), not finished.
        JsonNode seen = null;
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            seen = api.get("/api/v1/jobs/" + job).body();
            if (!seen.get("status").asString().equals("QUEUED") && seen.get("rowsDone").asInt() > 0) break;
            Thread.sleep(50);
        }
        assertThat(seen.get("status").asString()).as(seen.toString()).isEqualTo("RUNNING");
        assertThat(uploads()).as("the upload is kept while the job runs").hasSize(1);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        int again = freePort();
        start(again, "second");
        TestApi after = new TestApi(again);
        JsonNode ended = after.get("/api/v1/jobs/" + job).body();
        assertThat(ended.get("status").asString()).as(ended.toString()).isEqualTo("FAILED");
        assertThat(ended.get("phase").asString()).isEqualTo("INTERRUPTED");
        assertThat(ended.get("error").asString()).contains("bị gián đoạn");
        assertThat(ended.get("finishedAt").isNull()).isFalse();
        assertThat(uploads()).as("the interrupted job's upload is deleted at start-up").isEmpty();
        JsonNode persons = after.get("/api/v1/persons?size=1").body();
        assertThat(persons.get("total").asLong()).as("no half of the file is written").isZero();
        String page = vn.phaodai.support.WebSession.admin(again).get("/persons/import/" + job).body();
        assertThat(page).contains("Bị gián đoạn").contains("bị gián đoạn").doesNotContain("??");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: the application stops its PostgreSQL
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            }
        }
        Files.deleteIfExists(DATA.resolve("nhan-khau.csv")); // 300,000 rows: not worth keeping; the logs are
        // A PostgreSQL left by a process that could not stop it: stop it by its own pid.
        Path pid = DATA.resolve("postgres/postmaster.pid");
        if (Files.exists(pid)) {
            long id = Long.parseLong(Files.readAllLines(pid).get(0).strip());
            ProcessHandle.of(id).ifPresent(ProcessHandle::destroy);
        }
    }

    private List<Path> uploads() throws IOException {
        Path folder = DATA.resolve("uploads");
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Starts the application (the built jar if there is one, else this class path) and waits until it answers. */
    private Process start(int port, String name) throws Exception {
        Path jar = Path.of("target/phaodai.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1"));
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.phaodai.Application"));
        }
        command.addAll(List.of("--server.port=" + port, "--phaodai.data-dir=" + DATA,
                "--phaodai.admin-password=" + PASSWORD,
                "--phaodai.embedded-db.settings=shared_buffers=64MB,max_wal_size=1GB,work_mem=16MB,maintenance_work_mem=64MB"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DATA.resolve("application-" + name + ".log").toFile()).start();
        started.add(p);
        TestApi api = new TestApi(port);
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(until)) {
            if (!p.isAlive()) throw new AssertionError("the application stopped; see " + DATA.resolve("application-" + name + ".log"));
            try {
                if (api.get("/actuator/health").status() == 200) return p;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in time");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The commune codes of a province in the GSO list, so that the persons spread over many communes. */
    private static List<String> communesOfProvince(String province) throws IOException {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.GSO_CSV, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",");
            if (cells.length > 5 && cells[1].strip().equals(province) && cells[5].strip().matches("\\d{5}")) codes.add(cells[5].strip());
        }
        assertThat(codes).hasSizeGreaterThan(50);
        return codes;
    }

    /** ROWS valid persons, each with a distinct ID number, born on different days in different communes. */
    private static Path personFile(Path file, List<String> communes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Họ và tên,Giới tính,Ngày sinh,Năm sinh,Số CCCD/CMND,Điện thoại,Mã xã\n");
            for (int i = 1; i <= ROWS; i++) {
                StringBuilder name = new StringBuilder();
                for (int x = i; x > 0; x /= LETTERS.length()) name.append(LETTERS.charAt(x % LETTERS.length()));
                int day = 1 + i % 28, month = 1 + (i / 28) % 12;
                w.write("Nguyễn Thị " + name.charAt(0) + name.substring(1).toLowerCase() + ",Nữ,"
                        + String.format("%02d/%02d/1990", day, month) + ",," + String.format("042190%06d", i)
                        + ",09" + String.format("%08d", i) + "," + communes.get(i % communes.size()) + "\n");
            }
        }
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

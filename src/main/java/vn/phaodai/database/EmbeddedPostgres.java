package vn.phaodai.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server whose cluster lives in the application's data folder.
 *
 * <p>The binaries come from zonky's Maven Central artifacts; we run them ourselves instead of through
 * zonky's EmbeddedPostgres because that one cannot start as root (PostgreSQL refuses to), and a
 * province's server or a CI machine often runs as root: here the server then runs in a user namespace of its
 * own, or as {@code nobody} (see {@link ServerUser}).
 * The cluster keeps a password (host connections need it), stored next to the cluster, readable only
 * by the application's user.
 */
public final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    /** One server per cluster folder in this JVM (tests start several application contexts). */
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final Path cluster;
    private final Path binaries;
    private final int port;
    private final String password;
    /** Whether this process started the server (and stops it); false when it uses another live process's. */
    private final boolean owned;
    private final ServerUser user;

    private EmbeddedPostgres(Path cluster, Path binaries, int port, String password, boolean owned, ServerUser user) {
        this.user = user;
        this.cluster = cluster;
        this.binaries = binaries;
        this.port = port;
        this.password = password;
        this.owned = owned;
    }

    public static synchronized EmbeddedPostgres start(Path dataDir, int port, List<String> settings, String version) {
        Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
        EmbeddedPostgres running = RUNNING.get(cluster);
        if (running != null) return running;
        try {
            Path binaries = extractBinaries(version);
            Files.createDirectories(dataDir);
            String password = password(dataDir.resolve("postgres.password"));
            if (!OwnerLock.take(dataDir)) {
                // Another live process (the server, most likely) owns the cluster: use its PostgreSQL, never stop it.
                int theirs = runningPort(cluster);
                log.info("The data folder {} is in use by another process; connecting to its PostgreSQL on port {}", dataDir, theirs);
                EmbeddedPostgres shared = new EmbeddedPostgres(cluster, binaries, theirs, password, false, ServerUser.SELF);
                RUNNING.put(cluster, shared);
                return shared;
            }
            ServerUser user = ServerUser.forCluster(cluster);
            if (!Files.exists(cluster.resolve("PG_VERSION"))) initdb(binaries, cluster, password, user);
            refuseOtherVersion(cluster, version);
            int chosen = port > 0 ? port : freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(cluster, binaries, chosen, password, true, user);
            server.startServer(settings);
            RUNNING.put(cluster, server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new StartupFailure("The data folder " + dataDir.toAbsolutePath() + " cannot be written: " + e,
                    "Give the application a folder it may write, on a disk with free space (--phaodai.data-dir=...).", e);
        }
    }

    /** A cluster of another PostgreSQL major version (a newer one's, say) cannot be started by this server. */
    private static void refuseOtherVersion(Path cluster, String version) throws IOException {
        String theirs = Files.readString(cluster.resolve("PG_VERSION")).strip();
        String ours = version.split("\\.")[0];
        if (!theirs.equals(ours)) {
            throw new StartupFailure("The data folder " + cluster + " was made by PostgreSQL " + theirs
                    + "; the embedded server is PostgreSQL " + ours + ".",
                    "Use another --phaodai.data-dir, or point spring.datasource.url at a PostgreSQL " + theirs + " server.", null);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Creates the database if it does not exist yet, through the maintenance database. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("Bad database name " + name);
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), username(), password);
             var s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    void stop() {
        if (!owned) return;
        try {
            run(user, List.of(bin("pg_ctl"), "stop", "-D", cluster.toString(), "-m", "fast", "-w"), false);
        } catch (RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        RUNNING.remove(cluster);
    }

    /**
     * The port of the PostgreSQL that another live process runs on this cluster (the fourth line of
     * postmaster.pid); refuses in one line when there is none to connect to.
     */
    private static int runningPort(Path cluster) throws IOException {
        Path pid = cluster.resolve("postmaster.pid");
        List<String> lines = Files.exists(pid) ? Files.readAllLines(pid) : List.of();
        if (lines.size() < 4 || !lines.get(3).strip().matches("\\d+")) {
            throw new IllegalStateException("The data folder " + cluster.getParent()
                    + " is in use by another Pháo Đài process whose database is not running yet; try again when it has started");
        }
        return Integer.parseInt(lines.get(3).strip());
    }

    private void startServer(List<String> settings) throws IOException {
        // We hold the owner lock, so no live application uses this cluster: a server still running was left by a
        // killed JVM, and is stopped first.
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            run(user, List.of(bin("pg_ctl"), "stop", "-D", cluster.toString(), "-m", "fast", "-w"), false);
            // No server answered: the file was left by one killed with its JVM (its pid may be another process's now).
            Files.deleteIfExists(cluster.resolve("postmaster.pid"));
        }
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories="));
        for (String s : settings) {
            options.add("-c");
            options.add(s);
        }
        Path logFile = cluster.getParent().resolve("postgres.log");
        if (!Files.exists(logFile)) Files.createFile(logFile);
        if (user.needsChown()) chown(logFile);
        try {
            run(user, List.of(bin("pg_ctl"), "start", "-D", cluster.toString(), "-w", "-t", "120", "-l", logFile.toString(),
                    "-o", String.join(" ", options)), true);
        } catch (IllegalStateException e) {
            throw new StartupFailure("The embedded PostgreSQL did not start in " + cluster + ": " + lastLines(logFile),
                    "Read " + logFile + "; a full or read-only disk, or a port taken (phaodai.embedded-db.port), are the usual causes.", e);
        }
        log.info("Embedded PostgreSQL started on port {} with data in {}{}", port, cluster,
                user == ServerUser.SELF ? "" : " (as " + (user == ServerUser.NAMESPACE ? "uid 1000 in a user namespace" : "user nobody") + ")");
    }

    private static String lastLines(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(" ", lines.subList(Math.max(0, lines.size() - 2), lines.size())).strip();
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    private static void initdb(Path binaries, Path cluster, String password, ServerUser user) throws IOException {
        log.info("Creating the PostgreSQL cluster in {}", cluster);
        Files.createDirectories(cluster);
        if (user.needsChown()) chown(cluster);
        Path pwfile = Files.createTempFile("phaodai-pw", ".txt");
        try {
            Files.writeString(pwfile, password);
            if (user.needsChown()) chown(pwfile);
            run(user, List.of(binaries.resolve("bin/initdb").toString(), "-D", cluster.toString(), "-U", "postgres",
                    "--pwfile=" + pwfile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
                    "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"), true);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private static String password(Path file) throws IOException {
        if (Files.exists(file)) return Files.readString(file).trim();
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return password;
    }

    /** Extracts the server once per version into the temp folder, shared by all runs. */
    private static Path extractBinaries(String version) throws IOException {
        String arch = System.getProperty("os.arch");
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "phaodai-postgres-" + version + "-" + arch);
        if (Files.exists(target.resolve(".complete"))) return target;
        Path partial = Files.createTempDirectory(target.getParent(), "phaodai-postgres-partial");
        try (InputStream raw = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), arch);
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) throw new IOException("Bad archive entry " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) out.toFile().setExecutable(true, false);
                }
            }
        }
        // Readable by all: when the application runs as root the server runs as nobody.
        run(ServerUser.SELF, List.of("chmod", "-R", "a+rX", partial.toString()), false);
        Files.writeString(partial.resolve(".complete"), "ok");
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.exists(target.resolve(".complete"))) throw raced;
        }
        return target;
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name");
        if (os.startsWith("Windows")) return "Windows";
        if (os.startsWith("Mac")) return "Darwin";
        return "Linux";
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private static void chown(Path path) {
        run(ServerUser.SELF, List.of("chown", "-R", ServerUser.NOBODY_ID + ":" + ServerUser.NOBODY_ID, path.toString()), true);
    }

    private static void run(ServerUser user, List<String> command, boolean mustSucceed) {
        List<String> full = new ArrayList<>(user.prefix());
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS)) p.destroyForcibly();
            if (p.exitValue() != 0 && mustSucceed) {
                throw new IllegalStateException("Command failed: " + String.join(" ", full) + "\n" + out);
            }
            log.debug("{}: {}", command.get(0), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

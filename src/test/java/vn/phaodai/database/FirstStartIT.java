package vn.phaodai.database;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start from a data folder whose parent is private (0700), as in root's home: the embedded PostgreSQL
 * is created and started there, migrated, and answers a command. Run as root (CI does), this is the case where
 * a server run as another user could not reach its folder.
 */
@Tag("process")
class FirstStartIT {

    @Test
    void theApplicationStartsFromAFolderInsideAPrivateOne() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "private-home");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path data = home.resolve("phaodai").resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process command = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.phaodai.Application",
                "verify-audit", "--phaodai.data-dir=" + data, "--logging.level.root=WARN")
                .redirectErrorStream(true).start();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(command.exitValue()).as(output).isZero();
        assertThat(output).contains("\"intact\":true");
        assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
        // The command stopped the server it started: the folder is free for the next start.
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aDataFolderOfANewerPostgresqlIsOneSentenceAndANonZeroExit() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "newer-data");
        Files.createDirectories(data.resolve("postgres"));
        Files.writeString(data.resolve("postgres").resolve("PG_VERSION"), "99\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process command = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.phaodai.Application",
                "verify-audit", "--phaodai.data-dir=" + data, "--logging.level.root=WARN")
                .redirectErrorStream(true).start();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(command.exitValue()).as(output).isNotZero();
        assertThat(output).contains("was made by PostgreSQL 99; the embedded server is PostgreSQL 17");
        assertThat(output).as("no stack trace").doesNotContain("\tat vn.phaodai");
    }
}

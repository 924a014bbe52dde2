package vn.phaodai.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line, run beside the live server on its data folder, uses the server's database and leaves it running. */
@PhaodaiIT
class CommandBesideServerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void verifyAuditBesideTheRunningServerLeavesItsDatabaseUp() throws Exception {
        assumeTrue(System.getProperty("spring.datasource.url") == null, "the server runs the embedded PostgreSQL");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process command = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.phaodai.Application",
                "verify-audit", "--phaodai.data-dir=" + Path.of("target/it-data").toAbsolutePath(), "--logging.level.root=WARN")
                .redirectErrorStream(true).start();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as(output).contains("\"command\":\"verify-audit\"");
        assertThat(List.of(0, 2)).as(output).contains(command.exitValue());
        // The server's own connections still work, and a login still succeeds.
        assertThat(jdbc.sql("select count(*) from pg_stat_activity").query(Long.class).single()).isPositive();
        assertThat(new TestApi(port).get("/api/v1/roles").status()).isEqualTo(200);
    }
}

package vn.phaodai.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * How the embedded PostgreSQL runs; its cluster lives in {@code phaodai.data-dir}/postgres.
 *
 * @param port          TCP port on localhost; 0 picks a free one at each start
 * @param database      database name inside the cluster
 * @param poolSize      connections in the pool
 * @param serverVersion version of the packaged server binaries (names the folder they are unpacked to)
 * @param settings      server settings passed as {@code -c name=value}
 */
@ConfigurationProperties("phaodai.embedded-db")
record EmbeddedDatabaseProperties(
        @DefaultValue("0") int port,
        @DefaultValue("phaodai") String database,
        @DefaultValue("10") int poolSize,
        @DefaultValue("17") String serverVersion,
        @DefaultValue({"shared_buffers=256MB", "max_wal_size=2GB", "work_mem=32MB", "maintenance_work_mem=256MB"})
        List<String> settings) {
}

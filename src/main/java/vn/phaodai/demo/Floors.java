package vn.phaodai.demo;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The floors the benchmark's figures are divided by: the same work with no application around it, measured
 * in the same run on the same data (a raw COPY of the same file, the bare SQL of the same rows, a bare insert
 * of the same rows). A machine two or three times slower makes both slower; the ratio stays.
 */
@Component
class Floors {

    /** Latencies of one timed loop, in milliseconds. */
    record Latency(double p50, double p95) {
        /** How many times the floor's median this is (medians: a loaded machine's p95 is mostly noise). */
        double ratioTo(Latency floor) {
            return p50 / Math.max(0.001, floor.p50);
        }

        String text(int requests) {
            return String.format("p50 %.1f ms, p95 %.1f ms (%d requests)", p50, p95, requests);
        }
    }

    /** One bare statement: SQL with named parameters, every column of every row read. */
    record Bare(String sql, Map<String, Object> params) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    Floors(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Ten untimed runs, then {@code requests} timed ones. */
    static Latency time(int requests, Runnable run) {
        return time(requests, 10, run);
    }

    /** {@code warmUps} untimed runs, then {@code requests} timed ones (fewer warm-ups for requests of seconds). */
    static Latency time(int requests, int warmUps, Runnable run) {
        for (int i = 0; i < warmUps; i++) run.run();
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            run.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return new Latency(micros[requests / 2] / 1000.0, micros[(int) Math.ceil(requests * 0.95) - 1] / 1000.0);
    }

    /** The bare statements of one request (a page and its count, say), timed as the request was. */
    Latency bareSql(int requests, Supplier<List<Bare>> statements) {
        return bareSql(requests, 10, statements);
    }

    Latency bareSql(int requests, int warmUps, Supplier<List<Bare>> statements) {
        return time(requests, warmUps, () -> statements.get().forEach(this::read));
    }

    private void read(Bare b) {
        jdbc.sql(b.sql()).params(b.params()).query(rs -> {
            int columns = rs.getMetaData().getColumnCount();
            for (int c = 1; c <= columns; c++) rs.getObject(c);
        });
    }

    /** The file into a table of {@code columns} text columns without a key, index or check: what the server can take. */
    long rawCopy(Path file, int columns) {
        try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) names.add("c" + i);
            try (var s = c.createStatement()) {
                s.execute("create temp table raw_copy (" + String.join(" text, ", names) + " text) on commit drop");
            }
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_copy from stdin with (format csv, header)", in);
            c.commit();
            return Math.max(1, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a query written into a new bare table (logged, no key or index), in milliseconds. */
    long bareCopyOf(String query) {
        jdbc.sql("drop table if exists bench_floor_copy").update();
        long start = System.nanoTime();
        jdbc.sql("create table bench_floor_copy as " + query).update();
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        jdbc.sql("drop table bench_floor_copy").update();
        return ms;
    }

    /**
     * {@code rows} single-row inserts, each its own transaction (as each request is), from {@code connections}
     * connections at once, into a bare table ({@code columns}: its column definitions); rows per second.
     */
    double bareInserts(int rows, int connections, String columns, IntFunction<Object[]> row) {
        HikariDataSource pool;
        try {
            pool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("drop table if exists bench_floor_insert").update();
        jdbc.sql("create table bench_floor_insert (" + columns + ")").update();
        int arity = row.apply(0).length;
        String insert = "insert into bench_floor_insert values (" + String.join(", ", java.util.Collections.nCopies(arity, "?")) + ")";
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            // Connections opened before the clock starts, apart from the application's pool (it may be smaller).
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < connections; i++) open.add(DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()));
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Connection c : open) {
                running.add(threads.submit(() -> {
                    try (c; PreparedStatement s = c.prepareStatement(insert)) {
                        for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                            Object[] values = row.apply(i);
                            for (int v = 0; v < values.length; v++) s.setObject(v + 1, values[v]);
                            s.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
            double seconds = Math.max(1, System.nanoTime() - start) / 1e9;
            return rows / seconds;
        } catch (Exception e) {
            throw new IllegalStateException("Bare inserts failed", e);
        } finally {
            threads.shutdown();
            jdbc.sql("drop table if exists bench_floor_insert").update();
        }
    }
}

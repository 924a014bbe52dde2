package vn.phaodai.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs long work in the background, one job at a time per kind of machine we run on (two cores):
 * imports are heavy and parallel imports only slow each other down.
 * <p>
 * Each job records the process that runs it. At start-up, before any request is taken, the jobs that a dead
 * process of this host left QUEUED or RUNNING (a crash, a kill -9) end as FAILED, interrupted; the files they
 * were reading were deleted by {@link Uploads} already. A job's error is a message for its user: the refusal of
 * a file or a row as the import words it, or else a plain "system error" (the details go to the log, never a
 * Java exception's text or SQL to the user).
 */
@Service
public class Jobs implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final RowMapper<Job> JOB = (rs, i) -> new Job(rs.getObject("id", UUID.class), rs.getString("kind"),
            rs.getString("status"), rs.getString("file_name"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
            rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("rows_rejected"), rs.getString("phase"),
            rs.getString("result"), rs.getString("error"));

    private final JdbcClient jdbc;
    private final Messages messages;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "phaodai-job");
        t.setDaemon(true);
        return t;
    });

    /** Progress is written in its own transaction, so that it shows while the work's transaction is open. */
    private final TransactionTemplate apart;

    Jobs(JdbcClient jdbc, PlatformTransactionManager transactions, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Queues the work; it returns its result as JSON text. */
    public UUID submit(String kind, String fileName, String user, Function<JobProgress, String> work) {
        return submit(kind, fileName, user, null, work);
    }

    /**
     * Queues the work on an uploaded file; the file is deleted when the job ends, done or failed (or at the
     * next start, when the process dies first), and at once when the job cannot be queued. The work runs in the
     * language of the request that queued it, so that its refusals and errors are in the user's language.
     */
    public UUID submit(String kind, String fileName, String user, Path upload, Function<JobProgress, String> work) {
        try {
            UUID id = UUID.randomUUID();
            insert(id, kind, fileName, user);
            Locale language = Messages.locale();
            executor.submit(() -> {
                LocaleContextHolder.setLocale(language);
                try {
                    run(id, work, upload);
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                    Uploads.delete(upload);
                }
            });
            return id;
        } catch (RuntimeException | Error e) {
            Uploads.delete(upload);
            throw e;
        }
    }

    /** Runs the work now, in this thread (the command line and benchmarks wait for it). */
    public Job runNow(String kind, String fileName, String user, Function<JobProgress, String> work) {
        UUID id = UUID.randomUUID();
        insert(id, kind, fileName, user);
        run(id, work, null);
        return get(id);
    }

    private void insert(UUID id, String kind, String fileName, String user) {
        jdbc.sql("""
                insert into job (id, kind, status, file_name, created_by, phase, runner)
                values (?, ?, 'QUEUED', ?, ?, 'QUEUED', ?)""").params(id, kind, fileName, user, RUNNER).update();
    }

    /** Runs the work; its upload is deleted before the job is marked as ended, so that an ended job has none. */
    private void run(UUID id, Function<JobProgress, String> work, Path upload) {
        jdbc.sql("update job set status = 'RUNNING' where id = ?").param(id).update();
        try {
            String result;
            try {
                result = work.apply(new Progress(id));
            } finally {
                Uploads.delete(upload);
            }
            jdbc.sql("update job set status = 'DONE', phase = 'DONE', finished_at = now(), result = ?::jsonb where id = ?")
                    .params(result, id).update();
        } catch (InvalidInputException e) {
            log.info("Job {} refused its input: {}", id, e.getMessage());
            fail(id, e.errors().stream().map(FieldError::message).distinct().collect(Collectors.joining("; ")));
        } catch (RuntimeException | Error e) {
            log.error("Job {} failed", id, e);
            fail(id, messages.get("jobs.systemError", id.toString()));
        }
    }

    private void fail(UUID id, String error) {
        jdbc.sql("update job set status = 'FAILED', finished_at = now(), error = ? where id = ?").params(error, id).update();
    }

    /** This process, as written in the jobs it runs: host, process id, start time in milliseconds. */
    static final String RUNNER = runner();

    private static String runner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        ProcessHandle me = ProcessHandle.current();
        return host + " " + me.pid() + " " + me.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    /** Whether the process named by a job's runner is alive, or (on another host) may be: that host recovers it. */
    static boolean alive(String runner) {
        if (runner == null) return false;
        String[] part = runner.split(" ");
        if (part.length != 3) return false;
        if (!part[0].equals(RUNNER.split(" ")[0])) return true;
        if (runner.equals(RUNNER)) return true;
        try {
            long start = Long.parseLong(part[2]);
            return ProcessHandle.of(Long.parseLong(part[1])).filter(ProcessHandle::isAlive)
                    .map(h -> h.info().startInstant().map(i -> start == 0 || Math.abs(i.toEpochMilli() - start) < 2_000).orElse(true))
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** At start-up, before the web server takes requests: the jobs a dead process left unfinished end as interrupted. */
    @Override
    public void afterSingletonsInstantiated() {
        List<Object[]> open = jdbc.sql("select id, runner from job where status in ('QUEUED', 'RUNNING')")
                .query((rs, i) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).list();
        for (Object[] job : open) {
            if (alive((String) job[1])) continue;
            int n = jdbc.sql("""
                    update job set status = 'FAILED', phase = 'INTERRUPTED', finished_at = now(), error = ?
                    where id = ? and status in ('QUEUED', 'RUNNING')""").params(messages.get("jobs.interrupted"), job[0]).update();
            if (n > 0) log.warn("Job {} was left unfinished by a process that is gone ({}): marked interrupted", job[0], job[1]);
        }
    }

    public Job get(UUID id) {
        return jdbc.sql("select * from job where id = ?").param(id).query(JOB).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("jobs.notFound", id.toString())));
    }

    /** A job (and the rows it refused, which name persons) is seen by who started it and by administrators. */
    public Job get(UUID id, Authentication user) {
        Job job = get(id);
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin && !job.createdBy().equals(user.getName())) throw new NotFoundException(messages.get("jobs.notFound", id.toString()));
        return job;
    }

    public record Rejection(int line, String reason) {
    }

    public PageResult<Rejection> rejections(UUID id, int page, int size) {
        Job job = get(id);
        List<Rejection> items = jdbc.sql("select line, reason from job_rejection where job_id = ? order by line limit ? offset ?")
                .params(id, size, (long) page * size).query((rs, i) -> new Rejection(rs.getInt(1), rs.getString(2))).list();
        return new PageResult<>(items, job.rowsRejected(), page, size);
    }

    /** The user's own recent jobs of a kind. */
    public List<Job> recent(String kind, String username, int limit) {
        return jdbc.sql("select * from job where kind = ? and created_by = ? order by created_at desc limit ?")
                .params(kind, username, limit).query(JOB).list();
    }

    private final class Progress implements JobProgress {
        private final UUID id;
        private final List<Rejection> pending = new ArrayList<>();

        Progress(UUID id) {
            this.id = id;
        }

        @Override
        public UUID jobId() {
            return id;
        }

        @Override
        public void phase(String phase, int rowsTotal) {
            flush();
            apart.executeWithoutResult(t -> jdbc.sql("update job set phase = ?, rows_total = ? where id = ?")
                    .params(phase, rowsTotal, id).update());
        }

        @Override
        public void rowsDone(int rowsDone, int rowsRejected) {
            flush();
            apart.executeWithoutResult(t -> jdbc.sql("update job set rows_done = ?, rows_rejected = ? where id = ?")
                    .params(rowsDone, rowsRejected, id).update());
        }

        @Override
        public void reject(int line, String reason) {
            pending.add(new Rejection(line, reason));
            if (pending.size() >= 1000) flush();
        }

        private void flush() {
            if (pending.isEmpty()) return;
            StringBuilder values = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Rejection r : pending) {
                values.append(values.isEmpty() ? "" : ",").append("(?, ?, ?)");
                params.add(id);
                params.add(r.line());
                params.add(r.reason());
            }
            apart.executeWithoutResult(t -> jdbc.sql("insert into job_rejection (job_id, line, reason) values " + values)
                    .params(params).update());
            pending.clear();
        }
    }
}

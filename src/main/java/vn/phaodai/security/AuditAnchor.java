package vn.phaodai.security;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each lane's head (its last entry's id and hash) and count, kept outside the database: in a file the
 * server rewrites within a second of each change, and once a day as a line of a digest log that an
 * administrator can print or publish. A chain alone cannot show that its last entries were deleted; the
 * anchor can, since an anchored head must still be in the database. The file carries its own keyed hash.
 */
@Component
public class AuditAnchor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditAnchor.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A lane's last entry and how many entries it holds up to it (at least: see {@link #committed}). */
    public record Head(int lane, long id, String hash, long count) {
    }

    /** The heads of every lane at a moment, with their keyed hash: what is printed or published. */
    public record Digest(OffsetDateTime at, List<Head> lanes, String mac) {
    }

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final JsonMapper json;
    private final Messages messages;
    private final Path file;
    private final Path digests;
    private final Map<Integer, Head> heads = new ConcurrentHashMap<>();
    /** Per lane, the last id counted when the heads were loaded: a commit seen later at or below it is counted already. */
    private final Map<Integer, Long> loadedUpTo = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile boolean changed;
    /** What was wrong with the file when it was read: a text's key, said in the language of whoever asks. */
    private volatile String problem;
    private LocalDate digestDay;

    AuditAnchor(JdbcClient jdbc, AuditKey key, JsonMapper json, Messages messages,
                @Value("${phaodai.audit.anchor-file:${phaodai.data-dir:./data}/audit-anchor.json}") Path file,
                @Value("${phaodai.audit.digest-file:${phaodai.data-dir:./data}/audit-digests.log}") Path digests) {
        this.jdbc = jdbc;
        this.key = key;
        this.json = json;
        this.messages = messages;
        this.file = file;
        this.digests = digests;
    }

    /** Read at start, not in the first commit's hook: that one must not wait for the database. */
    @jakarta.annotation.PostConstruct
    void start() {
        load();
    }

    /** An entry was committed: its lane's head moves on. */
    void committed(int lane, long id, String hash) {
        if (!loaded) load();
        if (id <= loadedUpTo.getOrDefault(lane, 0L)) return;
        heads.merge(lane, new Head(lane, id, hash, 1), (a, b) -> b.id() > a.id()
                ? new Head(lane, b.id(), b.hash(), a.count() + 1) : new Head(lane, a.id(), a.hash(), a.count() + 1));
        changed = true;
    }

    /** The heads every lane must still reach, lane by lane. */
    List<Head> heads() {
        if (!loaded) load();
        return heads.values().stream().sorted(Comparator.comparingInt(Head::lane)).toList();
    }

    /** What was wrong with the anchor file itself when it was read (null when nothing). */
    String problem() {
        if (!loaded) load();
        return problemText();
    }

    private String problemText() {
        return problem == null ? null : messages.get(problem, file.getFileName().toString());
    }

    Digest digest() {
        List<Head> lanes = heads();
        return new Digest(OffsetDateTime.now(VIETNAM), lanes, key.mac(json.writeValueAsString(lanes)));
    }

    /** Forgets every anchored head and takes the database's as they are now: for a trail emptied on purpose (tests). */
    synchronized void anchorAnew() {
        heads.clear();
        loadedUpTo.clear();
        problem = null;
        catchUp();
        loaded = true;
        changed = true;
        flush();
    }

    @Scheduled(fixedDelayString = "${phaodai.audit.anchor-every-ms:1000}")
    @PreDestroy
    synchronized void flush() {
        if (!changed) return;
        changed = false;
        Digest digest = digest();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // A file of its own for each writer (the command line may write beside the server), then one atomic move.
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".partial");
            Files.writeString(partial, json.writeValueAsString(digest));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LocalDate today = digest.at().toLocalDate();
            if (!today.equals(digestDay)) {
                Files.writeString(digests, json.writeValueAsString(digest) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                digestDay = today;
            }
        } catch (IOException e) {
            changed = true;
            log.error("The audit trail's anchor could not be written to {}: {}", file.toAbsolutePath(), e.getMessage());
        }
    }

    /** The file's heads, then whatever the lanes hold beyond them (entries of the last second before a stop). */
    private synchronized void load() {
        if (loaded) return;
        if (Files.exists(file)) {
            try {
                Digest saved = json.readValue(Files.readString(file), Digest.class);
                if (!key.mac(json.writeValueAsString(saved.lanes())).equals(saved.mac())) {
                    problem = "security.audit.anchor.altered";
                } else {
                    saved.lanes().forEach(h -> heads.put(h.lane(), h));
                }
            } catch (IOException | RuntimeException e) {
                problem = "security.audit.anchor.unreadable";
            }
            if (problem != null) log.error("{}; the anchor starts again from the database", problemText());
        } else if (jdbc.sql("select exists (select 1 from audit_log where keyed)").query(Boolean.class).single()) {
            // Keyed entries were written, so an anchor was: whoever removed it may have removed the last entries too.
            problem = "security.audit.anchor.missing";
            log.error("{}; the anchor starts again from the database", problemText());
        }
        catchUp();
        loaded = true;
    }

    private void catchUp() {
        Map<String, Object> p = new HashMap<>();
        Long[] after = new Long[AuditLog.LANES];
        for (int lane = 0; lane < AuditLog.LANES; lane++) after[lane] = heads.containsKey(lane) ? heads.get(lane).id() : 0L;
        p.put("after", after);
        jdbc.sql("""
                select l.lane, t.n, t.last_id, a.hash
                from generate_series(0, cast(:lanes as int) - 1) l(lane)
                cross join lateral (select count(*) n, max(id) last_id from audit_log
                                    where lane = l.lane and id > (cast(:after as bigint[]))[l.lane + 1]) t
                join audit_log a on a.id = t.last_id""")
                .params(p).param("lanes", AuditLog.LANES)
                .query((rs, i) -> new Head(rs.getInt(1), rs.getLong(3), rs.getString(4), rs.getLong(2)))
                .list().forEach(tail -> {
                    Head before = heads.get(tail.lane());
                    heads.put(tail.lane(), new Head(tail.lane(), tail.id(), tail.hash(), tail.count() + (before == null ? 0 : before.count())));
                    loadedUpTo.put(tail.lane(), tail.id());
                    changed = true;
                });
        heads.forEach((lane, h) -> loadedUpTo.putIfAbsent(lane, h.id()));
    }
}

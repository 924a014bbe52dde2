package vn.phaodai.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: who did what to which record, from where, with before and after. Entries are only
 * appended (a trigger refuses updates and deletes) and each is chained to the previous one of its lane by
 * a hash keyed with a secret kept outside the database ({@link AuditKey}); each lane's head is anchored
 * outside it too ({@link AuditAnchor}). So {@link #verify()} finds an entry changed, added, removed (the
 * last ones included) or recomputed behind the application's back.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class AuditLog {

    /** Independent hash chains the trail is written in (see {@link #record}). */
    static final int LANES = 16;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditKey key;
    private final AuditAnchor anchor;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final Messages messages;

    AuditLog(JdbcClient jdbc, JsonMapper json, AuditKey key, AuditAnchor anchor, DataSource dataSource, TransactionTemplate transaction,
             Messages messages) {
        this.jdbc = jdbc;
        this.json = json;
        this.key = key;
        this.anchor = anchor;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.ownTransaction = new TransactionTemplate(java.util.Objects.requireNonNull(transaction.getTransactionManager()));
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.messages = messages;
    }

    /**
     * Appends an entry, in the caller's transaction: the change and its record stand or fall together. Without
     * one, or in a read-only one (a list that only reads), the entry has a transaction of its own.
     */
    public void record(String action, String entity, Object entityId, Long personId, Object details) {
        if (TransactionSynchronizationManager.isActualTransactionActive() && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            append(action, entity, entityId, personId, details);
        } else {
            ownTransaction.executeWithoutResult(s -> append(action, entity, entityId, personId, details));
        }
    }

    private void append(String action, String entity, Object entityId, Long personId, Object details) {
        String user;
        try {
            user = CurrentUser.get().username();
        } catch (RuntimeException none) {
            user = "system";
        }
        String address = clientAddress();
        String id = entityId == null ? null : entityId.toString();
        // Each entry needs the hash of the one before it in its lane: one writer at a time per lane (see
        // V16__audit_lanes.sql), so that writers commit side by side instead of queueing behind one lock
        // through every commit's flush to disk. The lane's head comes with the lock; the keyed hash is
        // computed here, so that the key never reaches the database.
        Map<String, Object> head = new HashMap<>();
        head.put("lanes", LANES);
        head.put("details", details == null ? null : json.writeValueAsString(details));
        record Head(int lane, String prev, String details) {
        }
        Head h = jdbc.sql("select o_lane, o_prev, o_details from audit_lane_head(:lanes, cast(:details as jsonb))").params(head)
                .query((rs, i) -> new Head(rs.getInt(1), rs.getString(2), rs.getString(3))).single();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = key.mac(canonical(h.prev(), h.lane(), at, user, address, action, entity, id, personId, h.details()));
        Map<String, Object> p = new HashMap<>();
        p.put("lane", h.lane());
        p.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        p.put("user", user);
        p.put("address", address);
        p.put("action", action);
        p.put("entity", entity);
        p.put("entityId", id);
        p.put("personId", personId);
        p.put("details", h.details());
        p.put("prev", h.prev());
        p.put("hash", hash);
        long row = jdbc.sql("""
                insert into audit_log (lane, at, username, address, action, entity, entity_id, person_id, details, prev_hash, hash, keyed)
                values (:lane, :at, :user, :address, :action, :entity, :entityId, :personId, cast(:details as jsonb), :prev, :hash, true)
                returning id""").params(p).query(Long.class).single();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                anchor.committed(h.lane(), row, hash);
            }
        });
    }

    /**
     * A response that shows persons (a list, a page, a person's records): who asked, with which criteria, and
     * whom it showed. Found by a search for any of those persons, like an entry about one of them.
     */
    public void recordShown(String entity, Object criteria, java.util.Collection<Long> personIds) {
        List<Long> shown = personIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("criteria", criteria);
        details.put("persons", shown);
        record("LIST", entity, null, shown.size() == 1 ? shown.get(0) : null, details);
    }

    /**
     * Takes this transaction's audit lane now. Work that takes other locks before its audit entry (a person's
     * identity, persons' tiers) calls it first, so that every transaction takes the lane before the others and two
     * of them never wait for each other.
     */
    public void holdLane() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) return;
        jdbc.sql("select pg_advisory_xact_lock(72010001, (pg_backend_pid() % :lanes)::int)").param("lanes", LANES)
                .query((rs, i) -> 0).list();
    }

    /** A list's criteria for its audit entry, as name-value pairs; those without a value are left out. */
    public static Map<String, Object> criteria(Object... namesAndValues) {
        Map<String, Object> criteria = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            if (v != null && !(v instanceof String s && s.isBlank())) criteria.put(String.valueOf(namesAndValues[i]), v);
        }
        return criteria;
    }

    /** The same, for the persons of a list of records. */
    public <T> List<T> recordShown(String entity, Object criteria, List<T> items, java.util.function.Function<T, Long> personId) {
        recordShown(entity, criteria, items.stream().map(personId).toList());
        return items;
    }

    /** What an entry's keyed hash covers: the previous hash and every field, as a JSON array (unambiguous, nulls kept). */
    private String canonical(String prev, int lane, Instant at, String user, String address, String action, String entity,
                             String entityId, Long personId, String details) {
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        return json.writeValueAsString(java.util.Arrays.asList(prev, lane, micros, user, address, action, entity, entityId,
                personId, details));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest request = a.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    public record Entry(long id, OffsetDateTime at, String username, String address, String action, String entity,
                        String entityId, Long personId, String details) {
    }

    /** Entries about persons of the auditor's jurisdiction; the whole trail only for an auditor of everything. */
    public PageResult<Entry> search(Long personId, String username, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        Scope scope = CurrentUser.require(Right.AUDIT_READ).scope();
        // An area's auditor sees the entries about its persons, lists that showed one of them included.
        StringBuilder where = new StringBuilder(scope.everything() ? "true"
                : "(exists (select 1 from person_place_card p where p.id = audit_log.person_id and " + scope.condition("p.commune_code", "p.village_id") + ")"
                + " or (audit_log.person_id is null and exists (select 1 from jsonb_array_elements_text(audit_log.details -> 'persons') x"
                + " join person_place_card p on p.id = x::bigint where " + scope.condition("p.commune_code", "p.village_id") + ")))");
        Map<String, Object> p = new HashMap<>(scope.params());
        if (personId != null) {
            where.append(" and (person_id = :personId or details -> 'persons' @> to_jsonb(cast(:personId as bigint)))");
            p.put("personId", personId);
        }
        if (username != null && !username.isBlank()) {
            where.append(" and username = :username");
            p.put("username", username.strip());
        }
        if (from != null) {
            where.append(" and at >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.append(" and at < :to");
            p.put("to", to);
        }
        long total = jdbc.sql("select count(*) from audit_log where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Entry> items = jdbc.sql("select * from audit_log where " + where + " order by id desc limit :limit offset :offset")
                .params(p).query((rs, i) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("username"), rs.getString("address"), rs.getString("action"), rs.getString("entity"),
                        rs.getString("entity_id"), (Long) rs.getObject("person_id"), rs.getString("details"))).list();
        return new PageResult<>(items, total, page, size);
    }

    /**
     * The outcome of checking the trail: how many entries, the first ones that do not match (a changed, added or
     * recomputed entry, the entry after a removed one, an anchored head no longer there) and what is wrong, in words.
     */
    public record Verification(long entries, List<Long> broken, List<String> problems) {
        public boolean intact() {
            return broken.isEmpty() && problems.isEmpty();
        }
    }

    /**
     * Recomputes every keyed hash and link, lane by lane, and checks that every lane still reaches the head
     * anchored outside the database (callers check AUDIT_READ: the command line has no user).
     */
    public Verification verify() {
        Map<Integer, AuditAnchor.Head> anchored = new HashMap<>();
        anchor.heads().forEach(h -> anchored.put(h.lane(), h));
        LaneCheck check = new LaneCheck(anchored);
        transaction.executeWithoutResult(status -> {
            JdbcTemplate rows = new JdbcTemplate(dataSource);
            rows.setFetchSize(10_000); // streamed: the trail may hold millions of entries
            rows.query("""
                    select id, lane, at, username, address, action, entity, entity_id, person_id, details::text, prev_hash, hash, keyed,
                           case when not keyed then audit_hash(prev_hash, at, username, address, action, entity, entity_id, person_id, details) end
                    from audit_log order by lane desc, id""", check::row); // the index (lane, id desc), read backwards
        });
        check.finish();
        List<String> problems = new ArrayList<>(check.problems);
        if (anchor.problem() != null) problems.add(0, anchor.problem());
        return new Verification(check.entries, check.broken, problems);
    }

    /** The lanes' heads and counts with their keyed hash, to print or publish (and compare later). */
    public AuditAnchor.Digest digest() {
        CurrentUser.require(Right.AUDIT_READ);
        return anchor.digest();
    }

    /** Forgets the anchored heads and anchors the trail as it is now: only for a trail emptied on purpose (tests). */
    void anchorAnew() {
        anchor.anchorAnew();
    }

    /** One pass over the trail in lane and id order. */
    private final class LaneCheck {
        final Map<Integer, AuditAnchor.Head> anchored;
        final List<Long> broken = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long entries;
        int lane = -1;
        String expectedPrev;
        boolean keyedSeen;
        long inLane;
        final java.util.Set<Integer> reached = new java.util.HashSet<>();

        LaneCheck(Map<Integer, AuditAnchor.Head> anchored) {
            this.anchored = anchored;
        }

        void row(java.sql.ResultSet rs) throws java.sql.SQLException {
            int l = rs.getInt(2);
            if (l != lane) {
                lane = l;
                expectedPrev = "GENESIS";
                keyedSeen = false;
                inLane = 0;
            }
            entries++;
            inLane++;
            long id = rs.getLong(1);
            String prev = rs.getString(11);
            String hash = rs.getString(12);
            boolean keyed = rs.getBoolean(13);
            String expected = keyed
                    ? key.mac(canonical(prev, l, rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9), rs.getString(10)))
                    : rs.getString(14);
            // An entry without the key's hash after one with it was added by someone without the key.
            boolean ok = hash.equals(expected) && prev.equals(expectedPrev) && (keyed || !keyedSeen);
            if (!ok && broken.size() < 100) broken.add(id);
            keyedSeen |= keyed;
            expectedPrev = hash;
            AuditAnchor.Head head = anchored.get(l);
            if (head != null && head.id() == id) {
                reached.add(l);
                if (!head.hash().equals(hash)) problems.add(messages.get("security.audit.lane.headChanged", String.valueOf(l), String.valueOf(id)));
                if (inLane < head.count()) problems.add(messages.get("security.audit.lane.entriesMissing", String.valueOf(l),
                        String.valueOf(head.count() - inLane), String.valueOf(id)));
            }
        }

        /** Every anchored head must have been met: a lane that stops short of its head lost its last entries. */
        void finish() {
            anchored.values().stream().filter(h -> !reached.contains(h.lane())).forEach(h -> {
                if (broken.size() < 100) broken.add(h.id());
                problems.add(messages.get("security.audit.lane.headGone", String.valueOf(h.lane()), String.valueOf(h.id())));
            });
        }
    }
}

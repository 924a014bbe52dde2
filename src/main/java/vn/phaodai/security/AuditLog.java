package vn.phaodai.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.shared.PageResult;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: who did what to which record, from where, with before and after. Entries are only
 * appended (a trigger refuses updates and deletes) and each is chained to the previous one of its lane by
 * a hash, so that {@link #verify()} finds a row changed behind the application's back.
 */
@Service
public class AuditLog {

    /** Independent hash chains the trail is written in (see {@link #record}). */
    static final int LANES = 16;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends an entry, in the caller's transaction (or its own): the change and its record stand or fall together. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entity, Object entityId, Long personId, Object details) {
        String user;
        try {
            user = CurrentUser.get().username();
        } catch (RuntimeException none) {
            user = "system";
        }
        Map<String, Object> p = new HashMap<>();
        p.put("user", user);
        p.put("address", clientAddress());
        p.put("action", action);
        p.put("entity", entity);
        p.put("entityId", entityId == null ? null : entityId.toString());
        p.put("personId", personId);
        p.put("details", details == null ? null : json.writeValueAsString(details));
        // Each entry needs the hash of the one before it in its lane: one writer at a time per lane (see
        // V16__audit_lanes.sql), so that writers commit side by side instead of queueing behind one lock
        // through every commit's flush to disk.
        p.put("lanes", LANES);
        jdbc.sql("select audit_append(:lanes, :user, :address, :action, :entity, :entityId, :personId, cast(:details as jsonb))")
                .params(p).query(Object.class).list();
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
        StringBuilder where = new StringBuilder(scope.everything() ? "true"
                : "exists (select 1 from person p where p.id = audit_log.person_id and " + scope.condition("p.commune_code", "p.village_id") + ")");
        Map<String, Object> p = new HashMap<>(scope.params());
        if (personId != null) {
            where.append(" and person_id = :personId");
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

    /** The outcome of checking the chain: how many entries, and the first ones that do not match. */
    public record Verification(long entries, List<Long> broken) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }

    /** Recomputes every hash and link of the chain (callers check AUDIT_READ: the command line has no user). */
    public Verification verify() {
        long entries = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        List<Long> broken = jdbc.sql("""
                select id from (
                  select id, hash, prev_hash, coalesce(lag(hash) over (partition by lane order by id), 'GENESIS') as expected_prev,
                         audit_hash(prev_hash, at, username, address, action, entity, entity_id, person_id, details) as recomputed
                  from audit_log) x
                where hash <> recomputed or prev_hash <> expected_prev
                order by id limit 100""").query(Long.class).list();
        return new Verification(entries, broken);
    }
}

package vn.phaodai.population.pickers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.Suggestion;

import java.util.List;
import java.util.Map;

/**
 * Persons of the user's area found by part of their name (accents and case ignored), or their phone or ID number:
 * "Nguyễn Văn An · 1980 · Phường Phúc Xá". Every answer that names somebody is written to the audit trail.
 */
@Service
public class PersonPicker {

    static final int LIMIT = 12;
    /** Fewer letters than this list nobody: a picker is not a way to page through the registry. */
    static final int MIN_LETTERS = 2;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    PersonPicker(JdbcClient jdbc, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public List<Suggestion> persons(String typed) {
        String q = typed == null ? "" : typed.strip();
        if (q.length() < MIN_LETTERS) {
            reader();
            return List.of();
        }
        List<Suggestion> found = find(q, false, LIMIT);
        audit.recordShown("person", AuditLog.criteria("pick", q), found.stream().map(s -> Long.valueOf(s.id())).toList());
        return found;
    }

    /** The label of a person already chosen (a form opened from the person's page), audited; empty outside the area. */
    @Transactional
    public String label(String id) {
        if (id == null || !id.strip().matches("\\d{1,18}")) return "";
        List<Suggestion> found = query("p.id = :id", Map.of("id", Long.parseLong(id.strip())), "", 1);
        audit.recordShown("person", AuditLog.criteria("pick", "chosen"), found.stream().map(s -> Long.valueOf(s.id())).toList());
        return found.isEmpty() ? "" : found.get(0).label();
    }

    /**
     * The person a field came with: the chosen id, else the one person of the area with the typed name (exactly,
     * else the only one whose name contains it; or that phone or ID number), else a message for the field.
     */
    @Transactional(readOnly = true)
    public Choice choose(String id, String typed) {
        if (id != null && !id.isBlank()) return new Choice(id.strip(), null);
        if (typed == null || typed.isBlank()) return Choice.NONE;
        String name = typed.strip();
        int dot = name.indexOf(" · ");
        if (dot > 0) name = name.substring(0, dot).strip(); // a suggestion's label typed back
        List<Suggestion> found = find(name, true, 2);
        if (found.isEmpty()) found = find(name, false, 2);
        if (found.size() == 1) return new Choice(found.get(0).id(), null);
        return new Choice(null, messages.get(found.isEmpty() ? "population.pick.none" : "population.pick.several", name));
    }

    private PhaodaiUser reader() {
        PhaodaiUser user = CurrentUser.get();
        if (!user.can(Right.PERSON_READ) && !user.can(Right.PERSON_READ_BASIC)) {
            throw new AccessDeniedException(messages.get("population.person.noReadRight"));
        }
        return user;
    }

    private List<Suggestion> find(String q, boolean exact, int limit) {
        String match = exact ? "(p.search_name = fold_text(:q) or p.phone = :q or p.national_id = :q)"
                : "(strpos(p.search_name, fold_text(:q)) > 0 or p.phone = :q or p.national_id = :q)";
        return query(match, Map.of(), q, limit);
    }

    private List<Suggestion> query(String match, Map<String, Object> more, String q, int limit) {
        Scope scope = reader().scope();
        Map<String, Object> params = new java.util.HashMap<>(scope.params());
        params.putAll(more);
        params.put("q", q);
        params.put("limit", limit);
        return jdbc.sql("""
                select p.id, p.full_name || ' · ' || p.birth_year || coalesce(' · ' || c.name, '') as label
                from person p left join commune_card c on c.code = p.commune_code
                where p.merged_into is null and %s and %s
                order by p.search_name = fold_text(:q) desc, strpos(p.search_name, fold_text(:q)), p.full_name, p.id
                limit :limit""".formatted(scope.condition("p.commune_code", "p.village_id"), match))
                .params(params)
                .query((rs, i) -> new Suggestion(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }
}

package vn.phaodai.cases.pickers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.Suggestion;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases of the user's area by part of the patient's name (accents ignored), active ones first: "Nguyễn Văn An
 * (1980) · F0 từ 12/10/2021 · Phường Phúc Xá". The suggestions are audited; a name typed without choosing one is
 * resolved to the one active case it names.
 */
@Service
public class CasePicker {

    static final int LIMIT = 12;
    static final int MIN_LETTERS = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    CasePicker(JdbcClient jdbc, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    private record Found(long caseId, long personId, String name, int birthYear, LocalDate confirmedOn, String commune) {
    }

    /** Cases whose patient's name contains the typed text (of one commune when given). */
    @Transactional
    public List<Suggestion> cases(String typed, String commune) {
        CurrentUser.require(Right.CASE_READ);
        String q = typed == null ? "" : typed.strip();
        if (q.length() < MIN_LETTERS) return List.of();
        List<Found> found = find(q, commune, false, LIMIT);
        audit.recordShown("case", AuditLog.criteria("pick", q, "commune", commune), found.stream().map(Found::personId).toList());
        List<Suggestion> suggestions = new ArrayList<>();
        for (Found f : found) {
            suggestions.add(new Suggestion(String.valueOf(f.caseId()), messages.get("cases.pick.label", f.name(),
                    String.valueOf(f.birthYear()), DAY.format(f.confirmedOn()), f.commune() == null ? "" : f.commune())));
        }
        return suggestions;
    }

    /**
     * The case a field came with: the chosen id, else the one active case of the area (and commune) whose patient
     * has the typed name (exactly first, then the only one containing it), else a message for the field.
     */
    @Transactional(readOnly = true)
    public Choice choose(String id, String typed, String commune) {
        if (id != null && !id.isBlank()) return new Choice(id.strip(), null);
        if (typed == null || typed.isBlank()) return Choice.NONE;
        String name = typed.strip();
        int dash = name.indexOf(" (");
        if (dash > 0) name = name.substring(0, dash).strip(); // a suggestion's label typed back
        List<Found> found = find(name, commune, true, 2);
        if (found.isEmpty()) found = find(name, commune, false, 2).stream().toList();
        if (found.size() == 1) return new Choice(String.valueOf(found.get(0).caseId()), null);
        return new Choice(null, messages.get(found.isEmpty() ? "cases.pick.none" : "cases.pick.several", name));
    }

    private List<Found> find(String q, String commune, boolean exactActive, int limit) {
        Scope scope = CurrentUser.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("q", q);
        params.put("commune", commune == null || commune.isBlank() ? null : commune.strip());
        params.put("limit", limit);
        String match = exactActive ? "p.search_name = fold_text(:q) and c.status = 'ACTIVE'" : "strpos(p.search_name, fold_text(:q)) > 0";
        return jdbc.sql("""
                select c.id, c.person_id, p.full_name, p.birth_year, c.confirmed_on, m.name as commune
                from covid_case c join person_card p on p.id = c.person_id left join commune_card m on m.code = c.commune_code
                where %s and %s and (cast(:commune as text) is null or c.commune_code = :commune)
                order by c.status = 'ACTIVE' desc, p.search_name = fold_text(:q) desc, c.confirmed_on desc, c.id desc
                limit :limit""".formatted(match, scope.condition("c.commune_code", "c.village_id")))
                .params(params)
                .query((rs, i) -> new Found(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }
}

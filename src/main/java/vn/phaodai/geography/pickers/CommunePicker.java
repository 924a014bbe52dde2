package vn.phaodai.geography.pickers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.Suggestion;
import vn.phaodai.shared.UserArea;

import java.util.List;
import java.util.Set;

/**
 * Communes and villages found by part of their name, accent- and case-insensitive ("mau 5" finds "Phường Mẫu 5"),
 * only inside the acting user's area; and a name typed without choosing a suggestion resolved to one unit.
 */
@Service
public class CommunePicker {

    static final int LIMIT = 12;

    private final JdbcClient jdbc;
    private final UserArea area;
    private final Messages messages;

    CommunePicker(JdbcClient jdbc, UserArea area, Messages messages) {
        this.jdbc = jdbc;
        this.area = area;
        this.messages = messages;
    }

    /** Active communes whose name contains the typed text, the exact name and the earliest match first. */
    public List<Suggestion> communes(String typed) {
        return communes(typed, false, LIMIT);
    }

    private List<Suggestion> communes(String typed, boolean exact, int limit) {
        String q = typed == null ? "" : typed.strip();
        Set<String> within = area.communes();
        String match = exact ? "fold_text(c.name) = fold_text(:q)" : "(strpos(fold_text(c.name), fold_text(:q)) > 0 or c.code = :q)";
        return jdbc.sql("""
                select c.code, c.name || ' — ' || d.name as label from commune c join district d on d.code = c.district_code
                where c.active and %s and (:everywhere or c.code = any(:within))
                order by fold_text(c.name) = fold_text(:q) desc, strpos(fold_text(c.name), fold_text(:q)), c.name, c.code
                limit :limit""".formatted(match))
                .param("q", q).param("everywhere", within == null)
                .param("within", within == null ? new String[0] : within.toArray(String[]::new)).param("limit", limit)
                .query((rs, i) -> new Suggestion(rs.getString(1), rs.getString(2))).list();
    }

    /** Villages of a commune of the user's area (only the user's own villages for a village jurisdiction). */
    public List<Suggestion> villages(String communeCode, String typed) {
        return villages(communeCode, typed, false, LIMIT);
    }

    private List<Suggestion> villages(String communeCode, String typed, boolean exact, int limit) {
        String q = typed == null ? "" : typed.strip();
        Set<String> within = area.communes();
        Set<Long> villages = area.villages();
        String match = exact ? "fold_text(v.name) = fold_text(:q)" : "strpos(fold_text(v.name), fold_text(:q)) > 0";
        // Tổ dân phố 2 before Tổ dân phố 10: the number inside a name sorts as a number.
        return jdbc.sql("""
                select v.id, v.name || ' — ' || c.name as label from village v join commune c on c.code = v.commune_code
                where v.active and %s and (cast(:commune as text) is null or v.commune_code = :commune)
                  and (:everywhere or v.commune_code = any(:within))
                  and (:allVillages or v.id = any(:villages))
                order by fold_text(v.name) = fold_text(:q) desc, c.name,
                         regexp_replace(v.name, '\\d+', ''), nullif(regexp_replace(v.name, '\\D', '', 'g'), '')::bigint nulls first, v.name
                limit :limit""".formatted(match))
                .param("q", q).param("commune", communeCode == null || communeCode.isBlank() ? null : communeCode.strip())
                .param("everywhere", within == null)
                .param("within", within == null ? new String[0] : within.toArray(String[]::new))
                .param("allVillages", villages.isEmpty()).param("villages", villages.toArray(Long[]::new))
                .param("limit", limit)
                .query((rs, i) -> new Suggestion(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }

    /** The label a chosen commune shows in its picker ("Phường Mẫu 5 — Quận X"), empty when unknown. */
    public String label(String code) {
        if (code == null || code.isBlank()) return "";
        return jdbc.sql("""
                select c.name || ' — ' || d.name from commune c join district d on d.code = c.district_code where c.code = ?""")
                .param(code.strip()).query(String.class).optional().orElse(code);
    }

    /** The label of a chosen village ("Thôn 3 — Xã Y"), empty when unknown. */
    public String villageLabel(String id) {
        if (id == null || !id.strip().matches("\\d{1,18}")) return "";
        return jdbc.sql("select v.name || ' — ' || c.name from village v join commune c on c.code = v.commune_code where v.id = ?")
                .param(Long.parseLong(id.strip())).query(String.class).optional().orElse("");
    }

    /** The one commune of a user whose jurisdiction is exactly one commune: their pickers start with it chosen. */
    public String onlyCommune() {
        Set<String> within = area.communes();
        return within != null && within.size() == 1 ? within.iterator().next() : null;
    }

    /**
     * The commune a field came with: the chosen code when there is one, else the one commune of the user's area
     * the typed name names (its exact name first, then the only one containing it), else a message for the field.
     */
    public Choice choose(String code, String typed) {
        if (code != null && !code.isBlank()) return new Choice(code.strip(), null);
        if (typed == null || typed.isBlank()) return Choice.NONE;
        String name = nameOf(typed);
        return pick(communes(name, true, 2), () -> communes(name, false, 2), name,
                "geography.pick.noCommune", "geography.pick.severalCommunes");
    }

    /**
     * For a page's filter: the commune chosen or named, else null with the message put at the field among the
     * page's errors (the list then shows the whole area, and the box keeps what was typed).
     */
    public String filter(String field, String code, String typed, org.springframework.ui.Model model) {
        return atField(field, choose(code, typed), model);
    }

    /** The same for a village filter (of the commune chosen, if one was). */
    public String filterVillage(String field, String communeCode, String typed, org.springframework.ui.Model model) {
        return atField(field, chooseVillage(communeCode, null, typed), model);
    }

    private static String atField(String field, Choice choice, org.springframework.ui.Model model) {
        if (choice.failed()) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (model.getAttribute("errors") instanceof java.util.Map<?, ?> before) {
                before.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
            }
            errors.put(field, choice.error());
            model.addAttribute("errors", errors);
        }
        return choice.id();
    }

    /** The same for a village of a commune (the commune may be null: any of the user's area). */
    public Choice chooseVillage(String communeCode, String id, String typed) {
        if (id != null && !id.isBlank()) return new Choice(id.strip(), null);
        if (typed == null || typed.isBlank()) return Choice.NONE;
        String name = nameOf(typed);
        return pick(villages(communeCode, name, true, 2), () -> villages(communeCode, name, false, 2), name,
                "geography.pick.noVillage", "geography.pick.severalVillages");
    }

    private Choice pick(List<Suggestion> exact, java.util.function.Supplier<List<Suggestion>> containing, String name,
                        String none, String several) {
        List<Suggestion> found = exact.isEmpty() ? containing.get() : exact;
        if (found.size() == 1) return new Choice(found.get(0).id(), null);
        return new Choice(null, messages.get(found.isEmpty() ? none : several, name));
    }

    /** A suggestion's label typed back ("Phường Mẫu 5 — Quận X") names the unit before the dash. */
    private static String nameOf(String typed) {
        String t = typed.strip();
        int dash = t.indexOf(" — ");
        return dash > 0 ? t.substring(0, dash).strip() : t;
    }
}

package vn.phaodai.vaccination.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds holders by their unit (a GSO code or point-&lt;id&gt;) or by part of their name, and says whether a user's
 * jurisdiction covers one: a commune or point when its commune is in the scope, a district or province when all its
 * active communes are (a commune keeper sees its commune and its points, the province everything).
 */
@Service
public class Holders {

    static final int LIMIT = 12;

    private final JdbcClient jdbc;
    private final Geography geography;
    private final Messages messages;

    Holders(JdbcClient jdbc, Geography geography, Messages messages) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.messages = messages;
    }

    /** The holder a unit names, if it exists (whoever may see it). */
    public Optional<Holder> find(String unit) {
        if (unit == null) return Optional.empty();
        String u = unit.strip();
        if (u.startsWith(Holder.POINT_PREFIX) && u.substring(Holder.POINT_PREFIX.length()).matches("\\d{1,18}")) {
            return jdbc.sql("""
                    select p.id, p.name || ' — ' || c.name, c.province_code, c.district_code, c.code
                    from vaccination_point p join commune_card c on c.code = p.commune_code where p.id = ?""")
                    .param(Long.parseLong(u.substring(Holder.POINT_PREFIX.length())))
                    .query((rs, i) -> new Holder(Holder.Level.POINT, String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5))).optional();
        }
        if (u.matches("\\d{5}")) {
            return jdbc.sql("select code, name || ' — ' || district_name, province_code, district_code from commune_card where code = ?")
                    .param(u).query((rs, i) -> new Holder(Holder.Level.COMMUNE, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(1))).optional();
        }
        if (u.matches("\\d{3}")) {
            return jdbc.sql("select district_name, province_code from commune_card where district_code = ? limit 1").param(u)
                    .query((rs, i) -> new Holder(Holder.Level.DISTRICT, u, rs.getString(1), rs.getString(2), u, null)).optional();
        }
        if (u.matches("\\d{2}")) {
            boolean known = jdbc.sql("select exists (select 1 from commune_card where province_code = ?)").param(u).query(Boolean.class).single();
            return known ? Optional.of(new Holder(Holder.Level.PROVINCE, u, geography.province(u).name(), u, null, null)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The holder a unit names inside the scope; missing and outside answer the same 404. */
    public Holder visible(String unit, Scope scope) {
        return find(unit).filter(h -> covers(scope, h))
                .orElseThrow(() -> new NotFoundException(messages.get("vaccination.stock.unit.notFound", unit == null ? "" : unit)));
    }

    public boolean covers(Scope scope, Holder h) {
        if (scope.everything()) return true;
        return switch (h.level()) {
            case COMMUNE, POINT -> scope.communes().contains(h.communeCode());
            case DISTRICT, PROVINCE -> {
                List<String> communes = communesOf(h);
                yield !communes.isEmpty() && scope.communes().containsAll(communes);
            }
        };
    }

    /** The active communes of a holder's unit (its own commune for a point). */
    List<String> communesOf(Holder h) {
        return switch (h.level()) {
            case COMMUNE, POINT -> List.of(h.communeCode());
            case DISTRICT -> jdbc.sql("select code from commune_card where district_code = ? and active").param(h.code()).query(String.class).list();
            case PROVINCE -> jdbc.sql("select code from commune_card where province_code = ? and active").param(h.code()).query(String.class).list();
        };
    }

    /** Holders of the scope whose name contains the typed text (accents and case ignored): provinces, districts, communes, points. */
    public List<Suggestion> suggest(String typed, Scope scope) {
        return suggest(typed, scope, false, LIMIT);
    }

    private List<Suggestion> suggest(String typed, Scope scope, boolean exact, int limit) {
        String q = typed == null ? "" : typed.strip();
        String[] within = scope.communes().toArray(String[]::new);
        String match = exact ? "fold_text(%1$s) = fold_text(:q)" : "strpos(fold_text(%1$s), fold_text(:q)) > 0";
        List<Suggestion> found = new ArrayList<>();
        for (AdminUnit p : geography.provinces()) {
            if (found.size() >= limit) break;
            boolean named = exact ? fold(p.name()).equals(fold(q)) : fold(p.name()).contains(fold(q));
            if (named && p.active()) {
                Holder h = new Holder(Holder.Level.PROVINCE, p.code(), p.name(), p.code(), null, null);
                if (covers(scope, h)) found.add(new Suggestion(h.unit(), h.name()));
            }
        }
        found.addAll(jdbc.sql("""
                select d.district_code, min(d.district_name) || ' — ' || :districtWord from commune_card d
                where %s and (:everywhere or not exists (select 1 from commune_card x where x.district_code = d.district_code
                      and x.active and not x.code = any(:within)))
                group by d.district_code order by min(d.district_name) limit :limit""".formatted(match.formatted("d.district_name")))
                .param("q", q).param("everywhere", scope.everything()).param("within", within).param("limit", limit)
                .param("districtWord", messages.get("vaccination.stock.level.DISTRICT"))
                .query((rs, i) -> new Suggestion(rs.getString(1), rs.getString(2))).list());
        found.addAll(jdbc.sql("""
                select c.code, c.name || ' — ' || c.district_name from commune_card c
                where c.active and %s and (:everywhere or c.code = any(:within))
                order by fold_text(c.name) = fold_text(:q) desc, c.name limit :limit""".formatted(match.formatted("c.name")))
                .param("q", q).param("everywhere", scope.everything()).param("within", within).param("limit", limit)
                .query((rs, i) -> new Suggestion(rs.getString(1), rs.getString(2))).list());
        found.addAll(jdbc.sql("""
                select p.id, p.name || ' — ' || c.name from vaccination_point p join commune_card c on c.code = p.commune_code
                where p.active and %s and (:everywhere or p.commune_code = any(:within))
                order by fold_text(p.name) = fold_text(:q) desc, p.name limit :limit""".formatted(match.formatted("p.name")))
                .param("q", q).param("everywhere", scope.everything()).param("within", within).param("limit", limit)
                .query((rs, i) -> new Suggestion(Holder.POINT_PREFIX + rs.getLong(1), rs.getString(2))).list());
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * The holder a picker field came with: the chosen unit, else the one holder of the scope the typed name names
     * (its exact name first, then the only one containing it), else a message for the field.
     */
    public Choice choose(String unit, String typed, Scope scope) {
        if (unit != null && !unit.isBlank()) return new Choice(unit.strip(), null);
        if (typed == null || typed.isBlank()) return Choice.NONE;
        String t = typed.strip();
        int dash = t.indexOf(" — ");
        String name = dash > 0 ? t.substring(0, dash).strip() : t;
        List<Suggestion> found = suggest(name, scope, true, 2);
        if (found.isEmpty()) found = suggest(name, scope, false, 2);
        if (found.size() == 1) return new Choice(found.get(0).id(), null);
        return new Choice(null, messages.get(found.isEmpty() ? "vaccination.stock.pick.none" : "vaccination.stock.pick.several", name));
    }

    /** The label a chosen holder shows in its picker, empty when unknown. */
    public String label(String unit) {
        return find(unit).map(Holder::name).orElse("");
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('\u0111', 'd').replace('\u0110', 'D').toLowerCase(java.util.Locale.ROOT);
    }
}

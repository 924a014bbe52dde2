package vn.phaodai.vaccination.people;

import vn.phaodai.geography.Geography;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.util.HashMap;
import java.util.Map;

/** What a list of people is of: a commune (and one of its villages) inside the user's area, and part of a name. */
record PeopleCriteria(String commune, Long village, String q) {

    /** Checked into a query's parameters; a commune or village missing or outside the area: 404. */
    Map<String, Object> params(Scope scope, Geography geography, Messages messages) {
        String c = commune == null || commune.isBlank() ? null : commune.strip();
        if (c != null) {
            NotFoundException missing = new NotFoundException(messages.get("vaccination.coverage.unit.notFound", c));
            if (geography.findCommune(c).isEmpty()) throw missing;
            if (!scope.covers(c, null) && !scope.villageCommunes().contains(c)) throw missing;
        }
        if (village != null) {
            NotFoundException missing = new NotFoundException(messages.get("vaccination.coverage.unit.notFound", "v" + village));
            var v = geography.village(village).orElseThrow(() -> missing);
            if ((c != null && !v.communeCode().equals(c)) || !scope.covers(v.communeCode(), v.id())) throw missing;
        }
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("commune", c);
        p.put("village", village);
        String t = q == null ? "" : q.strip();
        // Part of a name, accents and case ignored; % and _ typed are letters, not wildcards.
        p.put("q", t.isEmpty() ? null : "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return p;
    }

    /** The person_card p filters matching params(). */
    static String where(Scope scope) {
        return """
                (cast(:commune as text) is null or p.commune_code = :commune) and (cast(:village as bigint) is null or p.village_id = :village)
                  and (cast(:q as text) is null or p.search_name like fold_text(cast(:q as text))) and %s"""
                .formatted(scope.condition("p.commune_code", "p.village_id"));
    }

    static String scopeOnly(Scope scope) {
        return scope.condition("p.commune_code", "p.village_id");
    }

    Object[] audited(String list) {
        return new Object[]{"list", list, "commune", commune, "village", village, "q", q};
    }
}

package vn.phaodai.cases;

import vn.phaodai.security.Scope;
import vn.phaodai.shared.InputLimits;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The directory's filters; blank ones filter nothing. */
public record CaseCriteria(String q, String commune, String district, String status, String severity, String careSetting,
                           LocalDate from, LocalDate to) {

    /** A status, severity or care setting that does not exist is refused (400 naming it), not a filter that finds nothing. */
    public CaseCriteria {
        InputLimits.oneOf("status", status, CovidCase.STATUSES);
        InputLimits.oneOf("severity", severity, CovidCase.SEVERITIES);
        InputLimits.oneOf("careSetting", careSetting, CovidCase.CARE_SETTINGS);
    }

    record Where(String sql, Map<String, Object> params) {
    }

    /** SQL over covid_case c joined with person_card p, always within the scope. */
    Where where(Scope scope) {
        StringBuilder sql = new StringBuilder(scope.condition("c.commune_code", "c.village_id"));
        Map<String, Object> p = new HashMap<>(scope.params());
        if (present(commune)) {
            sql.append(" and c.commune_code = :commune");
            p.put("commune", commune);
        }
        if (present(district)) {
            sql.append(" and c.commune_code in (select code from commune_card where district_code = :district)");
            p.put("district", district);
        }
        if (present(status)) {
            sql.append(" and c.status = :status");
            p.put("status", status);
        } else {
            sql.append(" and c.status <> 'DISCARDED'");
        }
        if (present(severity)) {
            sql.append(" and c.severity = :severity");
            p.put("severity", severity);
        }
        if (present(careSetting)) {
            sql.append(" and c.care_setting = :care");
            p.put("care", careSetting);
        }
        if (from != null) {
            sql.append(" and c.confirmed_on >= :from");
            p.put("from", from);
        }
        if (to != null) {
            sql.append(" and c.confirmed_on <= :to");
            p.put("to", to);
        }
        if (present(q)) {
            String query = q.strip();
            if (query.matches("\\d{9}|\\d{12}")) {
                sql.append(" and p.national_id = :q");
                p.put("q", query);
            } else if (query.matches("\\d+")) {
                sql.append(" and c.id = :caseId");
                p.put("caseId", Long.parseLong(query));
            } else {
                sql.append(" and p.search_name like '%' || fold_text(:q) || '%'");
                p.put("q", query);
            }
        }
        return new Where(sql.toString(), p);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

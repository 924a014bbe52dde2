package vn.phaodai.homecare.alerts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.PageResult;

import static vn.phaodai.security.AuditLog.criteria;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** F0 at home with no reading for the configured hours (Sara Alert's most used list), the longest silent first. */
@Service
public class NonReporting {

    public record Silent(long caseId, long personId, String fullName, int birthYear, String phone, String communeCode, Long villageId,
                         OffsetDateTime lastReadingAt, OffsetDateTime since) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int hours;

    NonReporting(JdbcClient jdbc, AuditLog audit, @Value("${phaodai.home-care.non-reporting-hours:14}") int hours) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.hours = hours;
    }

    public PageResult<Silent> list(String commune, OffsetDateTime now, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("cutoff", now.minusHours(hours));
        StringBuilder where = new StringBuilder("c.status = 'ACTIVE' and c.care_setting = 'HOME' and ")
                .append(user.scope().condition("c.commune_code", "c.village_id"));
        if (commune != null && !commune.isBlank()) {
            where.append(" and c.commune_code = :commune");
            p.put("commune", commune);
        }
        // Silent since the last reading, or since the case was confirmed when there is none.
        String silent = """
                from case_card c join person_card p on p.id = c.person_id
                left join lateral (select max(taken_at) as last from reading r where r.case_id = c.id) r on true
                where %s and coalesce(r.last, c.confirmed_on::timestamp at time zone 'Asia/Ho_Chi_Minh') < :cutoff
                """.formatted(where);
        long total = jdbc.sql("select count(*) " + silent).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Silent> items = jdbc.sql("""
                select c.id, c.person_id, p.full_name, p.birth_year, p.phone, c.commune_code, c.village_id, r.last,
                       coalesce(r.last, c.confirmed_on::timestamp at time zone 'Asia/Ho_Chi_Minh') as since
                """ + silent + " order by since, c.id limit :limit offset :offset").params(p)
                .query((rs, i) -> new Silent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                        (Long) rs.getObject(7), rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class))).list();
        audit.recordShown("case", criteria("list", "non-reporting", "commune", commune), items, Silent::personId);
        return new PageResult<>(items, total, page, size);
    }
}

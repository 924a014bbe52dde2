package vn.phaodai.homecare.today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.homecare.readings.Readings;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.PageResult;

import static vn.phaodai.security.AuditLog.criteria;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The health worker's day: the F0 at home of the jurisdiction, who has an alert, who reported today and who did not. */
@Service
public class Today {

    public record AtHome(long caseId, long personId, String fullName, int birthYear, String phone, String communeCode, Long villageId,
                         LocalDate confirmedOn, OffsetDateTime lastReadingAt, boolean reportedToday, Long alertId, Integer alertSeverity,
                         String alertStatus, String worker) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationClock clock;

    Today(JdbcClient jdbc, AuditLog audit, ApplicationClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Those with an alert first (most severe), then those silent longest. */
    public PageResult<AtHome> list(String commune, boolean mine, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        StringBuilder where = new StringBuilder("c.status = 'ACTIVE' and c.care_setting = 'HOME' and ")
                .append(user.scope().condition("c.commune_code", "c.village_id"));
        if (commune != null && !commune.isBlank()) {
            where.append(" and c.commune_code = :commune");
            p.put("commune", commune);
        }
        if (mine) {
            where.append(" and exists (select 1 from care_assignment ca join care_worker cw on cw.id = ca.worker_id"
                    + " where ca.case_id = c.id and cw.username = :me)");
            p.put("me", user.username());
        }
        long total = jdbc.sql("select count(*) from case_card c where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        p.put("today", clock.today());
        List<AtHome> items = jdbc.sql("""
                select c.id, c.person_id, p.full_name, p.birth_year, p.phone, c.commune_code, c.village_id, c.confirmed_on, r.last,
                       a.id as alert_id, a.severity, a.status, w.full_name as worker
                from case_card c join person_card p on p.id = c.person_id
                left join care_assignment ca on ca.case_id = c.id left join care_worker w on w.id = ca.worker_id
                left join lateral (select max(taken_at) as last from reading x where x.case_id = c.id) r on true
                left join alert a on a.case_id = c.id and a.status <> 'RESOLVED'
                where""" + " " + where + " " + """
                 order by a.severity desc nulls last, r.last nulls first, c.id limit :limit offset :offset""").params(p)
                .query((rs, i) -> {
                    OffsetDateTime last = rs.getObject(9, OffsetDateTime.class);
                    return new AtHome(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                            (Long) rs.getObject(7), rs.getObject(8, LocalDate.class), last,
                            last != null && last.atZoneSameInstant(Readings.VIETNAM).toLocalDate().equals(p.get("today")),
                            (Long) rs.getObject(10), (Integer) rs.getObject(11), rs.getString(12), rs.getString(13));
                }).list();
        audit.recordShown("case", criteria("list", "today", "commune", commune, "mine", mine), items, AtHome::personId);
        return new PageResult<>(items, total, page, size);
    }
}

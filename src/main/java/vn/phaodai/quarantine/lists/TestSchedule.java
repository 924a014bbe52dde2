package vn.phaodai.quarantine.lists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.quarantine.stays.Access;
import vn.phaodai.quarantine.stays.Stays.DueTest;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.phaodai.quarantine.stays.Stays.WINDOW;
import static vn.phaodai.quarantine.stays.Stays.blank;

/** The tests of quarantine: those due on a day, and the test days missed, with the sample taken if any. */
@Service
public class TestSchedule {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationClock clock;

    TestSchedule(JdbcClient jdbc, AuditLog audit, ApplicationClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Tests due on a day: open stays for which the day is a test day, with the test already taken that day, if
     * any. Optionally of a commune and a facility.
     */
    public PageResult<DueTest> due(LocalDate day, String commune, Long facility, int page, int size) {
        LocalDate d = day == null ? clock.today() : day;
        return dueOrMissed("""
                s.status = 'ACTIVE' and s.start_on <= :day and s.end_on >= :day and t.day = (:day - s.start_on) + 1""",
                "x.sampled_at >= cast(:day as timestamp) at time zone 'Asia/Ho_Chi_Minh' "
                        + "and x.sampled_at < cast(:day + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'",
                false, d, commune, facility, page, size);
    }

    /**
     * Test days missed before a day: open stays with a test day earlier than the day and no test of the person
     * from the day before it to the day after it.
     */
    public PageResult<DueTest> missed(LocalDate day, String commune, Long facility, int page, int size) {
        LocalDate d = day == null ? clock.today() : day;
        return dueOrMissed("s.status = 'ACTIVE' and s.start_on + t.day - 1 < :day", WINDOW, true, d, commune, facility, page, size);
    }

    private PageResult<DueTest> dueOrMissed(String when, String sampleWindow, boolean missingOnly, LocalDate day, String commune,
                                            Long facility, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("day", day);
        StringBuilder where = new StringBuilder(access.condition()).append(" and ").append(when);
        if (!blank(commune)) {
            where.append(" and s.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (facility != null) {
            where.append(" and s.facility_id = :facility");
            p.put("facility", facility);
        }
        if (missingOnly) where.append(" and x.code is null");
        String from = """
                from quarantine_stay s cross join lateral unnest(s.test_days) as t(day)
                     join person_card p on p.id = s.person_id
                     left join quarantine_facility f on f.id = s.facility_id
                     left join lateral (select x.code, x.result from sample_card x where x.person_id = s.person_id and %s
                                        order by x.sampled_at desc limit 1) x on true
                where %s""".formatted(sampleWindow, where);
        long total = jdbc.sql("select count(*) " + from).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<DueTest> items = jdbc.sql("""
                select s.id, s.person_id, p.full_name, p.birth_year, p.phone, s.commune_code, s.facility_id, f.name as facility_name,
                       t.day, s.start_on + t.day - 1 as on_day, x.code, x.result
                """ + from + " order by s.commune_code, f.name nulls first, p.full_name, s.id, t.day limit :limit offset :offset")
                .params(p).query((rs, i) -> new DueTest(rs.getLong(1), rs.getLong(2), rs.getString(3), (Integer) rs.getObject(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getInt(9),
                        rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12))).list();
        audit.recordShown("quarantine_stay", AuditLog.criteria("list", missingOnly ? "tests-missed" : "tests-due", "day", day.toString(),
                "commune", commune, "facility", facility), items, DueTest::personId);
        return new PageResult<>(items, total, page, size);
    }
}

package vn.phaodai.home;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's figures of the first page, counted within the user's jurisdiction on the application clock's day, each
 * with the list page (and its filter) that shows the records behind it. Numbers only: no name is shown, so nothing is
 * audited here; the list a figure opens audits what it shows. Reads the other modules' published views only.
 */
@Service
class DayFigures {

    /** One figure: its label key, its number, the list it opens; {@code alert} marks a figure that asks for action. */
    record Figure(String key, long value, String href, boolean alert) {
    }

    /** A group of figures under a heading. */
    record Section(String key, List<Figure> figures) {
    }

    static final List<String> CARE_SETTINGS = List.of("HOME", "QUARANTINE_FACILITY", "TREATMENT_FACILITY", "HOSPITAL", "ICU");

    private final JdbcClient jdbc;
    private final ApplicationClock clock;
    private final int nationalIdAge;

    DayFigures(JdbcClient jdbc, ApplicationClock clock,
               @Value("${phaodai.population.national-id-required-from-age:14}") int nationalIdAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nationalIdAge = nationalIdAge;
    }

    /** The committee's, a district's or the province's view: the epidemic of the area today. */
    List<Section> area(PhaodaiUser user) {
        Query q = new Query(user.scope(), clock.today(), null);
        List<Section> sections = new ArrayList<>();
        if (user.can(Right.CASE_READ)) {
            List<Figure> f = new ArrayList<>();
            f.add(new Figure("home.f0.newToday", q.count("case_card c", "c.status <> 'DISCARDED' and c.confirmed_on = :today", "c"),
                    q.link("/cases", "from", q.today, "to", q.today), false));
            Map<String, Long> bySetting = q.bySetting();
            f.add(new Figure("home.f0.active", bySetting.values().stream().mapToLong(Long::longValue).sum(),
                    q.link("/cases", "status", "ACTIVE"), false));
            for (String setting : CARE_SETTINGS) {
                f.add(new Figure("case.careSetting." + setting, bySetting.getOrDefault(setting, 0L),
                        q.link("/cases", "status", "ACTIVE", "careSetting", setting), false));
            }
            sections.add(new Section("home.section.cases", f));
        }
        List<Figure> watch = new ArrayList<>();
        if (user.can(Right.HOME_CARE_READ)) {
            watch.add(new Figure("home.alerts.open", q.count("alert_card a", "a.status <> 'RESOLVED'", "a"), q.link("/home-care"), true));
            watch.add(new Figure("home.alerts.escalated", q.count("alert_card a", "a.status <> 'RESOLVED' and a.escalated_at is not null", "a"),
                    q.link("/home-care"), true));
        }
        if (user.can(Right.TRACING_READ)) watch.add(q.f1UnderFollowUp());
        if (user.can(Right.QUARANTINE_READ)) {
            watch.add(new Figure("home.quarantine.active", q.count("quarantine_stay_card s", "s.status = 'ACTIVE'", "s"),
                    q.link("/quarantine/facilities"), false));
            watch.add(new Figure("home.beds.free", q.freeBeds(), q.link("/quarantine/facilities"), false));
        }
        if (!watch.isEmpty()) sections.add(new Section("home.section.watch", watch));
        return sections;
    }

    /** A commune officer's tasks of the day in one commune (the only one of the jurisdiction, or all of it). */
    List<Section> communeTasks(PhaodaiUser user) {
        String commune = user.jurisdictionCodes().size() == 1 && "COMMUNE".equals(user.jurisdictionLevel())
                ? user.jurisdictionCodes().get(0) : null;
        Query q = new Query(user.scope(), clock.today(), commune);
        List<Figure> f = new ArrayList<>();
        if (user.can(Right.CASE_READ)) {
            f.add(new Figure("home.f0.newToday", q.count("case_card c", "c.status <> 'DISCARDED' and c.confirmed_on = :today", "c"),
                    q.link("/cases", "from", q.today, "to", q.today), false));
            f.add(new Figure("case.careSetting.HOME", q.bySetting().getOrDefault("HOME", 0L),
                    q.link("/cases", "status", "ACTIVE", "careSetting", "HOME"), false));
        }
        if (user.can(Right.HOME_CARE_READ)) {
            f.add(new Figure("home.alerts.open", q.count("alert_card a", "a.status <> 'RESOLVED'", "a"), q.link("/home-care"), true));
            if (user.can(Right.CASE_READ)) {
                f.add(new Figure("home.f0.withoutWorker", q.count("case_card c", """
                        c.status = 'ACTIVE' and c.care_setting = 'HOME'
                        and not exists (select 1 from care_assignment_card w where w.case_id = c.id)""", "c"),
                        q.link("/care-teams"), true));
            }
        }
        if (user.can(Right.QUARANTINE_READ)) {
            f.add(new Figure("home.tests.dueToday", q.count("quarantine_stay_card s", """
                    s.status = 'ACTIVE' and s.start_on <= :today and s.end_on >= :today
                    and (cast(:today as date) - s.start_on) + 1 = any(s.test_days)""", "s"),
                    q.link("/quarantine/tests-due"), true));
        }
        if (user.can(Right.TRACING_READ)) f.add(q.f1UnderFollowUp());
        if (user.can(Right.SUPPORT_READ)) {
            f.add(new Figure("home.support.open", q.count("support_request_card r", "r.status in ('OPEN', 'TAKEN')", "r"),
                    q.link("/support-requests", "status", "ACTIVE"), true));
        }
        if (user.can(Right.PERSON_READ) || user.can(Right.PERSON_READ_BASIC)) {
            q.params.put("bornBy", q.today.minusYears(nationalIdAge));
            f.add(new Figure("home.persons.missingId", q.count("person_card p", """
                    p.national_id is null and coalesce(p.date_of_birth, make_date(p.birth_year, 12, 31)) <= :bornBy""", "p"),
                    q.link("/persons/missing-national-id"), false));
        }
        return f.isEmpty() ? List.of() : List.of(new Section("home.section.tasks", f));
    }

    /** A care-team worker's day: the F0 at home they answer for, those without a reading today, their open alerts. */
    List<Section> careWorker(PhaodaiUser user) {
        if (!user.can(Right.HOME_CARE_READ)) return List.of();
        Query q = new Query(user.scope(), clock.today(), null);
        q.params.put("me", user.username());
        String mine = "exists (select 1 from care_assignment_card w where w.case_id = %s and w.username = :me)";
        String atHome = "c.status = 'ACTIVE' and c.care_setting = 'HOME' and " + mine.formatted("c.id");
        String href = "/home-care?mine=true";
        return List.of(new Section("home.section.mine", List.of(
                new Figure("home.mine.f0", q.count("case_card c", atHome, "c"), href, false),
                new Figure("home.mine.noReading", q.count("case_card c", atHome + """
                         and not exists (select 1 from reading_card r where r.case_id = c.id
                         and r.taken_at >= cast(:today as timestamp) at time zone 'Asia/Ho_Chi_Minh')""", "c"), href, true),
                new Figure("home.mine.alerts", q.count("alert_card a", "a.status <> 'RESOLVED' and " + mine.formatted("a.case_id"), "a"),
                        href, true))));
    }

    /** The counts of one user's area (and commune, if one), on one day. */
    private final class Query {
        final Scope scope;
        final LocalDate today;
        final String commune;
        final Map<String, Object> params;

        Query(Scope scope, LocalDate today, String commune) {
            this.scope = scope;
            this.today = today;
            this.commune = commune;
            this.params = new HashMap<>(scope.params());
            params.put("today", today);
            if (commune != null) params.put("commune", commune);
        }

        /** Where a row of this alias (its commune_code and village_id) is in the area. */
        String within(String alias) {
            String w = scope.condition(alias + ".commune_code", alias + ".village_id");
            return commune == null ? w : w + " and " + alias + ".commune_code = :commune";
        }

        long count(String from, String where, String alias) {
            return jdbc.sql("select count(*) from " + from + " where " + within(alias) + " and " + where).params(params)
                    .query(Long.class).single();
        }

        Map<String, Long> bySetting() {
            Map<String, Long> counts = new LinkedHashMap<>();
            jdbc.sql("select c.care_setting, count(*) from case_card c where " + within("c") + " and c.status = 'ACTIVE' group by 1")
                    .params(params).query(rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
            return counts;
        }

        /** F1 whose follow-up period covers today, as the follow-up list counts them (living where the area is). */
        Figure f1UnderFollowUp() {
            long n = jdbc.sql("""
                    select count(distinct f.person_id) from f1_follow_up_card f join person_card p on p.id = f.person_id
                    where f.exposure_date <= :today and f.exposure_date >= cast(:today as date) - 60 and f.until >= :today and\s"""
                    + within("p")).params(params).query(Long.class).single();
            return new Figure("home.f1.followUp", n, link("/follow-ups"), false);
        }

        /** Free beds of the active facilities in the area: facilities belong to the province, found by their commune. */
        long freeBeds() {
            String where = scope.everything() ? "true" : "f.commune_code = any(:scopeCommunes)";
            if (commune != null) where += " and f.commune_code = :commune";
            return jdbc.sql("select coalesce(sum(greatest(f.capacity - f.occupied, 0)), 0) from facility_card f where f.active and " + where)
                    .params(params).query(Long.class).single();
        }

        /** The list page with its filter (and the commune, when the page is about one). */
        String link(String path, Object... query) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            if (commune != null) b.queryParam("commune", commune);
            for (int i = 0; i < query.length; i += 2) b.queryParam((String) query[i], query[i + 1]);
            return b.build().toUriString();
        }
    }
}

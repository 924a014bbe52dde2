package vn.phaodai.testing.screening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Factory periodic testing (4352/BYT-MT, 8228/BYT-MT): each enterprise must test a share of its workers every
 * period. The rule in force today is data (factory_testing_rule), unless the district gave the enterprise its
 * own share or period. Periods run back from today in whole calendar days of Asia/Ho_Chi_Minh. Workers exempt
 * today (factory_testing_exemption: fully vaccinated as vaccination defines it for factory testing, or recovered
 * within the days it allows) are neither in the share nor among those tested.
 */
@Service
public class FactoryTesting {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** How far back a run of missed periods is followed. */
    static final int LOOK_BACK_PERIODS = 12;

    public record Compliance(long enterpriseId, String name, String communeCode, long workers, long exempt, long required, long tested,
                             double sharePercent, int periodDays, long behind, LocalDate periodStart,
                             LocalDate behindSince, boolean ownRule, String ruleDocument) {
    }

    private final JdbcClient jdbc;
    private final ApplicationClock clock;

    FactoryTesting(JdbcClient jdbc, ApplicationClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Enterprises of the user's jurisdiction with their workers, the share required this period, those tested
     * and since when they have been behind. Samples of workers are bucketed by period index in one query:
     * period 0 is the last periodDays days ending today, period k the one before it, up to
     * {@link #LOOK_BACK_PERIODS}; an enterprise has been behind since the start of the oldest period of the
     * unbroken run of missed periods that ends with the current one.
     */
    @Transactional(readOnly = true)
    public PageResult<Compliance> compliance(String commune, boolean behindOnly, int page, int size) {
        Scope scope = CurrentUser.require(Right.TESTING_READ).scope();
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("today", clock.today());
        p.put("lookBack", LOOK_BACK_PERIODS);
        p.put("commune", commune == null || commune.isBlank() ? null : commune.strip());
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Long> total = new ArrayList<>();
        List<Compliance> items = jdbc.sql("""
                with rule as (
                    select share_percent, period_days, document from factory_testing_rule
                    where valid_from <= :today and (valid_to is null or :today < valid_to + 1)
                    order by valid_from desc limit 1),
                firm as (
                    select e.id, e.name, e.commune_code,
                           coalesce(e.testing_share_percent, r.share_percent) as share,
                           coalesce(e.testing_period_days, r.period_days) as period_days,
                           (e.testing_share_percent is not null or e.testing_period_days is not null) as own_rule,
                           r.document
                    from enterprise_card e left join rule r on true
                    where %s and (cast(:commune as text) is null or e.commune_code = :commune)),
                everyone as (
                    select f.id as firm_id, p.id as person_id from firm f join person_card p on p.workplace_id = f.id
                    where f.share is not null and f.period_days is not null),
                exemption as (
                    select vaccinated_exempt, recovered_within_days from factory_testing_exemption
                    where valid_from <= :today and (valid_to is null or valid_to >= :today) order by valid_from desc limit 1),
                exempt as (
                    select v.person_id from exemption x
                    join fully_vaccinated(array(select person_id from everyone), :today, 'FACTORY_TESTING') v on x.vaccinated_exempt
                    union
                    select c.person_id from exemption x join case_card c on c.status = 'RECOVERED' and c.outcome_on <= :today
                     and c.outcome_on > :today - x.recovered_within_days
                    where c.person_id in (select person_id from everyone)),
                headcount as (
                    select w.firm_id, count(*) as workers, count(e.person_id) as exempt
                    from everyone w left join exempt e on e.person_id = w.person_id group by w.firm_id),
                worker as (select w.* from everyone w where w.person_id not in (select person_id from exempt)),
                tested as (
                    select w.firm_id, (:today - (s.sampled_at at time zone 'Asia/Ho_Chi_Minh')::date) / f.period_days as k,
                           count(distinct w.person_id) as tested
                    from worker w join firm f on f.id = w.firm_id
                    join sample s on s.person_id = w.person_id
                     and s.sampled_at >= cast(:today - :lookBack * f.period_days + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                     and s.sampled_at < cast(:today + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                    group by 1, 2),
                due as (
                    select f.*, coalesce(h.workers, 0) as workers, coalesce(h.exempt, 0) as exempt,
                           ceil((coalesce(h.workers, 0) - coalesce(h.exempt, 0)) * f.share / 100)::bigint as required
                    from firm f left join headcount h on h.firm_id = f.id
                    where f.share is not null and f.period_days is not null),
                judged as (
                    select d.id,
                           coalesce(max(t.tested) filter (where k.k = 0), 0) as tested_now,
                           min(k.k) filter (where coalesce(t.tested, 0) >= d.required) as first_met
                    from due d cross join generate_series(0, :lookBack - 1) k(k)
                    left join tested t on t.firm_id = d.id and t.k = k.k
                    group by d.id),
                result as (
                    select d.*, j.tested_now, greatest(0, d.required - j.tested_now) as behind,
                           :today - d.period_days + 1 as period_start,
                           case when j.first_met = 0 then null
                                else :today - coalesce(j.first_met, :lookBack) * d.period_days + 1 end as behind_since
                    from due d join judged j on j.id = d.id)
                select r.*, count(*) over () as total from result r
                where not cast(:behindOnly as boolean) or r.behind > 0
                order by r.behind desc, r.name, r.id
                limit :limit offset :offset""".formatted(scope.condition("e.commune_code", "cast(null as bigint)")))
                .params(p).param("behindOnly", behindOnly)
                .query((rs, i) -> {
                    if (total.isEmpty()) total.add(rs.getLong("total"));
                    return new Compliance(rs.getLong("id"), rs.getString("name"), rs.getString("commune_code"),
                            rs.getLong("workers"), rs.getLong("exempt"), rs.getLong("required"), rs.getLong("tested_now"),
                            rs.getDouble("share"), rs.getInt("period_days"), rs.getLong("behind"),
                            rs.getObject("period_start", LocalDate.class), rs.getObject("behind_since", LocalDate.class),
                            rs.getBoolean("own_rule"), rs.getString("document"));
                }).list();
        long count = !total.isEmpty() ? total.get(0) : page == 0 ? 0 : compliance(commune, behindOnly, 0, 1).total();
        return new PageResult<>(items, count, page, size);
    }
}

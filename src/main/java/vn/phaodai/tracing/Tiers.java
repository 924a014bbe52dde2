package vn.phaodai.tracing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.CasesChanged;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tiers, derived and never typed: F0 = a person with a case that was not discarded; F1 = exposed by the
 * source person of a case within that case's infectious period (from {@code infectious_days_before} days
 * before onset, or before the positive sample when there was no symptom, until the outcome) under the F1
 * definition in force on the exposure day; F2 = exposed by an F1 on or after the F1's own exposure, within
 * its follow-up days, in a period where F2 are traced. A person who has a case is F0 and nothing else.
 * Kept in {@code person_tier}, one row per person and case it descends from, recomputed set-based in SQL:
 * for the persons a change can reach (two steps down from a case's person, one from a new contact) inside
 * the transaction of the change, or all at once ({@link #recomputeAll()}).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Tiers {

    private static final Logger log = LoggerFactory.getLogger(Tiers.class);

    /** The definition in force on the contact's (first) exposure day. */
    static final String DEFINITION = "k.exposure_date >= d.valid_from and (d.valid_to is null or k.exposure_date <= d.valid_to)";

    /** Whether a contact is close enough under the definition d. */
    static final String QUALIFIES = """
            (k.proximity in ('PHYSICAL', 'CARE_WITHOUT_PROTECTION')
             or ((k.proximity = 'WITHIN_1M' or (k.proximity = 'WITHIN_2M' and d.distance_m >= 2)
                  or (k.proximity = 'SAME_CLOSED_SPACE' and d.closed_space))
                 and (not k.masked or d.masked_min_minutes is null or coalesce(k.duration_minutes, 0) >= d.masked_min_minutes)))""";

    static final String NO_CASE = "not exists (select 1 from case_card x where x.person_id = k.exposed_person_id and x.status <> 'DISCARDED')";

    static final String F0 = """
            insert into person_tier (person_id, root_case_id, tier, via, exposure_date)
            select c.person_id, c.id, 0, array[c.person_id], coalesce(c.onset_date, c.confirmed_on)
            from case_card c %s
            where c.status <> 'DISCARDED'""";

    static final String F1 = """
            insert into person_tier (person_id, root_case_id, tier, via, exposure_date)
            select distinct on (k.exposed_person_id, c.id) k.exposed_person_id, c.id, 1, array[c.person_id, k.exposed_person_id],
                   coalesce(k.last_exposure_date, k.exposure_date)
            from contact k %s
            join case_card c on c.person_id = k.source_person_id and c.status <> 'DISCARDED'
            join f1_definition d on %s
            where coalesce(k.last_exposure_date, k.exposure_date) >= coalesce(c.onset_date, c.confirmed_on) - d.infectious_days_before
              and (c.outcome_on is null or k.exposure_date <= c.outcome_on)
              and %s and %s
            order by k.exposed_person_id, c.id, k.exposure_date desc""";

    static final String F2 = """
            insert into person_tier (person_id, root_case_id, tier, via, exposure_date)
            select distinct on (k.exposed_person_id, t.root_case_id) k.exposed_person_id, t.root_case_id, 2, t.via || k.exposed_person_id,
                   coalesce(k.last_exposure_date, k.exposure_date)
            from person_tier t
            join contact k on k.source_person_id = t.person_id %s
            join f1_definition d on %s
            where t.tier = 1 and d.f2_traced
              and coalesce(k.last_exposure_date, k.exposure_date) >= t.exposure_date
              and k.exposure_date <= t.exposure_date + d.follow_up_days
              and k.exposed_person_id <> all(t.via)
              and %s and %s
              and not exists (select 1 from person_tier f where f.person_id = k.exposed_person_id and f.root_case_id = t.root_case_id)
            order by k.exposed_person_id, t.root_case_id, k.exposure_date desc""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TracingChecks checks;
    private final Messages messages;

    Tiers(JdbcClient jdbc, AuditLog audit, TracingChecks checks, Messages messages) {
        this.checks = checks;
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What the recompute did. */
    public record Recomputed(long f0, long f1, long f2, long ms) {
    }

    /** Every tier again from the contacts and cases (after a change of the definitions, or to check). */
    @Transactional
    public Recomputed recomputeAll() {
        long start = System.nanoTime();
        // Hash joins and sorts over millions of contacts stay in memory.
        jdbc.sql("set local work_mem = '128MB'").update();
        jdbc.sql("truncate person_tier").update();
        // A million rows go in faster without their indexes, which are then built once (docs/decisions/0002).
        jdbc.sql("alter table person_tier drop constraint person_tier_pkey").update();
        jdbc.sql("drop index person_tier_root").update();
        jdbc.sql("drop index person_tier_f1").update();
        long f0 = sql(F0.formatted(""));
        long f1 = sql(F1.formatted("", DEFINITION, QUALIFIES, NO_CASE));
        jdbc.sql("analyze person_tier").update();
        long f2 = sql(F2.formatted("", DEFINITION, QUALIFIES, NO_CASE));
        sql("alter table person_tier add primary key (person_id, root_case_id)");
        sql("create index person_tier_root on person_tier (root_case_id, tier, person_id)");
        sql("create index person_tier_f1 on person_tier (exposure_date, person_id) where tier = 1");
        jdbc.sql("analyze person_tier").update();
        return new Recomputed(f0, f1, f2, (System.nanoTime() - start) / 1_000_000);
    }

    /** The administrator's full recompute (TRACING_WRITE over the whole province). */
    @Transactional
    public Recomputed recomputeAllAsUser() {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        if (!user.scope().everything()) throw new org.springframework.security.access.AccessDeniedException(messages.get("tracing.recompute.provinceOnly"));
        // The audit entry first: its lock is always taken before the tier table's (as when a case opens), or
        // a case opened meanwhile and this recompute would each wait for the other.
        audit.record("RECOMPUTE", "person_tier", null, null, Map.of("started", java.time.OffsetDateTime.now().toString()));
        return recomputeAll();
    }

    /** The tiers of the persons a change can reach: the seeds and the persons they exposed, {@code hops} steps down. */
    @Transactional
    public void recompute(Collection<Long> seeds, int hops) {
        if (seeds.isEmpty()) return;
        jdbc.sql("drop table if exists tier_target").update();
        jdbc.sql("""
                create temp table tier_target on commit drop as
                with recursive reach(person_id, hop) as (
                    select distinct s, 0 from unnest(cast(:seeds as bigint[])) s
                    union
                    select k.exposed_person_id, r.hop + 1 from reach r join contact k on k.source_person_id = r.person_id where r.hop < :hops)
                select distinct person_id from reach""")
                .param("seeds", seeds.toArray(Long[]::new)).param("hops", hops).update();
        jdbc.sql("analyze tier_target").update();
        // One recompute at a time per person: two at once would both insert the same person's tier (twenty identical
        // contacts sent together). Persons are locked by bucket (at most 256 locks, whatever the number of persons),
        // buckets in order and after the audit lane, as every writer takes them, so that none waits for another.
        audit.holdLane();
        jdbc.sql("""
                select count(pg_advisory_xact_lock(72010030, b))
                from (select distinct (person_id % 256)::int b from tier_target order by b) sorted""").query(Long.class).single();
        // The cases that matter here, with fresh statistics: cases opened a moment ago in this transaction are not
        // in the table's statistics yet, and a plan that believes there are none loops over them (8 s for 1,000).
        jdbc.sql("drop table if exists tier_case").update();
        jdbc.sql("""
                create temp table tier_case on commit drop as
                select c.id, c.person_id, c.status, c.onset_date, c.confirmed_on, c.outcome_on from case_card c
                where c.status <> 'DISCARDED'
                  and (c.person_id in (select person_id from tier_target)
                       or c.person_id in (select k.source_person_id from contact k join tier_target g on g.person_id = k.exposed_person_id))""")
                .update();
        jdbc.sql("analyze tier_case").update();
        String noCase = NO_CASE.replace("case_card x", "tier_case x");
        jdbc.sql("delete from person_tier t using tier_target g where t.person_id = g.person_id").update();
        sql(F0.formatted("join tier_target g on g.person_id = c.person_id").replace("from case_card c", "from tier_case c"));
        sql(F1.formatted("join tier_target g on g.person_id = k.exposed_person_id", DEFINITION, QUALIFIES, noCase)
                .replace("join case_card c", "join tier_case c"));
        sql(F2.formatted("join tier_target g on g.person_id = k.exposed_person_id", DEFINITION, QUALIFIES, noCase));
        jdbc.sql("drop table tier_target, tier_case").update();
    }

    /** Cases opened or discarded: their persons, whom they exposed, and whom those exposed. */
    @EventListener
    void on(CasesChanged changed) {
        long start = System.nanoTime();
        List<Long> persons = Stream.concat(changed.opened().stream(), changed.discarded().stream())
                .map(CasesChanged.Change::personId).distinct().toList();
        recompute(persons, 2);
        log.debug("Tiers of {} changed cases in {} ms", persons.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A person's tier and why: the F0's case and the persons from the F0 to them. */
    public record Tier(long personId, String tier, List<Long> via, Long rootCaseId, LocalDate exposureDate, String document) {
    }

    public Tier of(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_READ);
        checks.requirePerson(personId, user.scope());
        audit.record("VIEW", "person_tier", personId, personId, null);
        return jdbc.sql("""
                        select t.tier, t.via, t.root_case_id, t.exposure_date,
                               (select d.document from f1_definition d where t.exposure_date >= d.valid_from
                                   and (d.valid_to is null or t.exposure_date <= d.valid_to) order by d.valid_from desc limit 1)
                        from person_tier t where t.person_id = ? order by t.tier, t.exposure_date desc, t.root_case_id limit 1""")
                .param(personId).query((rs, i) -> new Tier(personId, "F" + rs.getInt(1), ids(rs.getArray(2)), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .optional().orElse(new Tier(personId, null, List.of(), null, null, null));
    }

    /** An F1 or F2 of a case: who, the tier through this case, the path from the F0, and the person's own lowest tier. */
    public record CaseContact(long personId, String fullName, int birthYear, String phone, String communeCode, Long villageId,
                              String tier, String currentTier, List<Long> via, LocalDate exposureDate) {
    }

    /** The F1 and F2 of a case, F1 first, newest exposure first; only persons of the user's jurisdiction. */
    public PageResult<CaseContact> ofCase(long caseId, String tier, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_READ);
        if (tier != null && !tier.isBlank() && !List.of("F1", "F2").contains(tier)) {
            throw new vn.phaodai.shared.InvalidInputException("tier", messages.get("tracing.tier.invalid", tier));
        }
        Scope scope = user.scope();
        checks.requireCase(caseId, scope);
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("case", caseId);
        p.put("limit", size);
        p.put("offset", (long) page * size);
        String tierFilter = "F1".equals(tier) ? " and t.tier = 1" : "F2".equals(tier) ? " and t.tier = 2" : " and t.tier > 0";
        String from = " from person_tier t join person_card p on p.id = t.person_id where t.root_case_id = :case" + tierFilter
                + " and " + scope.condition("p.commune_code", "p.village_id");
        long total = jdbc.sql("select count(*)" + from).params(p).query(Long.class).single();
        List<CaseContact> items = jdbc.sql("""
                select t.person_id, p.full_name, p.birth_year, p.phone, p.commune_code, p.village_id, t.tier, t.via, t.exposure_date,
                       (select min(x.tier) from person_tier x where x.person_id = t.person_id) as current_tier""" + from
                        + " order by t.tier, t.exposure_date desc, t.person_id limit :limit offset :offset")
                .params(p).query((rs, i) -> new CaseContact(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), "F" + rs.getInt(7), "F" + rs.getInt(10), ids(rs.getArray(8)),
                        rs.getObject(9, LocalDate.class))).list();
        audit.recordShown("person_tier", AuditLog.criteria("case", caseId, "tier", tier), items, CaseContact::personId);
        return new PageResult<>(items, total, page, size);
    }

    static List<Long> ids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((Long[]) array.getArray());
    }

    private long sql(String statement) {
        long start = System.nanoTime();
        int rows = jdbc.sql(statement).update();
        log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, statement.strip().lines().skip(1).findFirst().orElse(""));
        return rows;
    }
}

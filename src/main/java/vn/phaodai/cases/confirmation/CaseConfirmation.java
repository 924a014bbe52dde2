package vn.phaodai.cases.confirmation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.cases.CasesChanged;
import vn.phaodai.testing.PositiveResultsChanged;
import vn.phaodai.testing.PositiveResultsHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns positive results into cases, set-based, inside the transaction that wrote the results. A positive
 * confirms a case when the confirmation rule in force on its sampling day says so (RT-PCR; a rapid test
 * only as that rule allows). A positive within the episode of a case already open (or closed fewer than the
 * rule's days ago) joins that case instead of opening another; a partial unique index keeps one open case
 * per person even under concurrent batches. A result amended away from positive leaves its case, and a
 * case left with no positive test is discarded.
 */
@Component
class CaseConfirmation implements PositiveResultsHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseConfirmation.class);

    private static final org.springframework.jdbc.core.RowMapper<CasesChanged.Change> CHANGE = (rs, i) ->
            new CasesChanged.Change(rs.getLong(1), rs.getLong(2), rs.getObject(3, java.time.LocalDate.class));

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    CaseConfirmation(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Handled handle(PositiveResultsChanged event) {
        List<PositiveResultsChanged.Change> changes = event.changes();
        Map<String, Object> p = new HashMap<>();
        p.put("samples", changes.stream().map(PositiveResultsChanged.Change::sampleId).toArray(Long[]::new));
        p.put("persons", changes.stream().map(PositiveResultsChanged.Change::personId).toArray(Long[]::new));
        p.put("types", changes.stream().map(PositiveResultsChanged.Change::testType).toArray(String[]::new));
        p.put("times", changes.stream().map(c -> c.sampledAt().toString()).toArray(String[]::new));
        p.put("positive", changes.stream().map(PositiveResultsChanged.Change::positiveNow).toArray(Boolean[]::new));
        p.put("symptomatic", changes.stream().map(PositiveResultsChanged.Change::symptomatic).toArray(Boolean[]::new));
        p.put("reasons", changes.stream().map(PositiveResultsChanged.Change::reason).toArray(String[]::new));
        sql("drop table if exists positive_change, confirming", Map.of());
        sql("""
                create temp table positive_change on commit drop as
                select * from unnest(:samples::bigint[], :persons::bigint[], :types::text[], :times::timestamptz[],
                                     :positive::boolean[], :symptomatic::boolean[], :reasons::text[])
                    as t(sample_id, person_id, test_type, sampled_at, positive_now, symptomatic, reason)""", p);
        List<CasesChanged.Change> discarded = discard();
        sql("""
                create temp table confirming on commit drop as
                select t.*, d.sampled_on, r.episode_days, r.document,
                       case when t.test_type = 'PCR' then 'PCR' when r.rapid_positive = 'ENOUGH' then 'RAPID'
                            else 'RAPID_WITH_SYMPTOMS' end as basis
                from positive_change t
                cross join lateral (select (t.sampled_at at time zone 'Asia/Ho_Chi_Minh')::date as sampled_on) d
                join confirmation_rule r on d.sampled_on >= r.valid_from and (r.valid_to is null or d.sampled_on <= r.valid_to)
                where t.positive_now
                  and (t.test_type = 'PCR' or r.rapid_positive = 'ENOUGH' or (r.rapid_positive = 'WITH_SYMPTOMS' and t.symptomatic))""",
                Map.of());
        long linked = link();
        List<CasesChanged.Change> opened = jdbc.sql("""
                with firsts as (
                    select distinct on (k.person_id) k.* from confirming k
                    where not exists (select 1 from case_test ct where ct.sample_id = k.sample_id)
                    order by k.person_id, k.sampled_at, k.sample_id),
                opened as (
                    insert into covid_case (person_id, commune_code, village_id, confirmed_on, confirming_sample_id, basis,
                                            rule_document, source, symptomatic, severity, comorbidities, pregnant, created_by)
                    select f.person_id, p.commune_code, p.village_id, f.sampled_on, f.sample_id, f.basis, f.document,
                           case when f.reason = 'F1_FOLLOW_UP' then 'QUARANTINE' else 'COMMUNITY' end, f.symptomatic,
                           case when f.symptomatic then 'MILD' else 'ASYMPTOMATIC' end, p.comorbidities, p.pregnant, :user
                    from firsts f join person_card p on p.id = f.person_id
                    on conflict (person_id) where status = 'ACTIVE' do nothing
                    returning id, person_id, confirmed_on, severity),
                states as (
                    insert into case_state (case_id, valid_from, care_setting, severity, changed_by, note)
                    select id, confirmed_on::timestamp at time zone 'Asia/Ho_Chi_Minh', 'HOME', severity, :user, 'Xác định ca bệnh'
                    from opened)
                select id, person_id, confirmed_on from opened""").params(Map.of("user", event.actor())).query(CHANGE).list();
        link(); // the new cases' own tests
        if (!opened.isEmpty() || !discarded.isEmpty()) events.publishEvent(new CasesChanged(opened, discarded));
        return new Handled(opened.size(), linked, discarded.size());
    }

    /** Links each confirming positive to its person's case of the same episode; returns how many. */
    private long link() {
        return sql("""
                insert into case_test (case_id, sample_id)
                select distinct on (k.sample_id) c.id, k.sample_id
                from confirming k join covid_case c on c.person_id = k.person_id and c.status <> 'DISCARDED'
                     and (c.status = 'ACTIVE' or k.sampled_on between c.confirmed_on and c.confirmed_on + k.episode_days)
                where not exists (select 1 from case_test ct where ct.sample_id = k.sample_id)
                order by k.sample_id, c.confirmed_on desc
                on conflict do nothing""", Map.of());
    }

    /** Results no longer positive leave their cases; a case left without a positive test (and not entered by hand) is discarded. */
    private List<CasesChanged.Change> discard() {
        sql("""
                create temp table withdrawn on commit drop as
                with gone as (delete from case_test ct using positive_change t
                              where not t.positive_now and ct.sample_id = t.sample_id returning ct.case_id, ct.sample_id)
                select * from gone""", Map.of());
        sql("""
                update covid_case c set confirming_sample_id = (select ct.sample_id from case_test ct where ct.case_id = c.id
                                                                order by ct.sample_id limit 1), updated_at = now()
                where c.id in (select case_id from withdrawn) and exists (select 1 from case_test ct where ct.case_id = c.id)""", Map.of());
        List<CasesChanged.Change> discarded = jdbc.sql("""
                update covid_case c set status = 'DISCARDED', outcome_on = null, version = version + 1, updated_at = now(),
                       discarded_reason = 'Kết quả xét nghiệm được đính chính, không còn mẫu dương tính'
                where c.id in (select case_id from withdrawn) and c.basis <> 'MANUAL' and c.status <> 'DISCARDED'
                  and not exists (select 1 from case_test ct where ct.case_id = c.id)
                returning c.id, c.person_id, c.confirmed_on""").query(CHANGE).list();
        sql("drop table withdrawn", Map.of());
        return discarded;
    }

    private long sql(String statement, Map<String, Object> params) {
        long start = System.nanoTime();
        int rows = jdbc.sql(statement).params(params).update();
        log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, statement.strip().lines().findFirst().orElse(""));
        return rows;
    }
}

package vn.phaodai.testing.results;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.BulkCopy;
import vn.phaodai.shared.BulkLoad;
import vn.phaodai.shared.Messages;
import vn.phaodai.testing.PositiveResultsChanged;
import vn.phaodai.testing.PositiveResultsHandler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies laboratory results set-based: rows are copied into a staging table, then a fixed number of
 * statements decide, for all rows at once, which are new results, unchanged, amendments (with history) or
 * refused, apply pools to their members, and hand the positives to the cases (a PositiveResultsHandler). The caller holds the
 * transaction: a batch is applied whole or not at all. The API and the file import share this path.
 */
@Component
public class ResultLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResultLoader.class);
    /** A batch at least this large, and larger than the table, is loaded as a first load. */
    static final long FIRST_LOAD = 100_000;

    /** What happened to each staged row, and the totals. */
    public record Outcome(int line, String sampleCode, String outcome, String reason, Long sampleId) {
    }

    public record Summary(long created, long unchanged, long amended, long rejected, long casesCreated, long casesLinked,
                   long casesDiscarded) {
    }

    public interface Sink {
        void row(ResultLine line) throws SQLException;
    }

    @FunctionalInterface
    public interface Rows {
        void writeTo(Sink sink) throws SQLException, java.io.IOException;
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final List<PositiveResultsHandler> handlers;
    private final ApplicationClock clock;
    private final Messages messages;

    ResultLoader(DataSource dataSource, JdbcClient jdbc, List<PositiveResultsHandler> handlers, ApplicationClock clock,
                 Messages messages) {
        this.clock = clock;
        this.messages = messages;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.handlers = handlers;
    }

    /** Stages the rows (must run inside a transaction), returns the number staged. */
    public long stage(Rows rows) throws SQLException, java.io.IOException {
        jdbc.sql("""
                create temp table result_stage (
                    line int not null, sample_code text not null, person_id bigint, national_id text, test_type text,
                    sampled_at timestamptz, result text not null, ct numeric(4, 1), lab_code text, pool_code text,
                    reason text, symptomatic boolean not null, result_at timestamptz,
                    sample_id bigint, pool_id bigint, member_of bigint, commune_code varchar(5), village_id bigint,
                    pool_row boolean not null default false, result_before text, ct_before numeric(4, 1),
                    outcome text, reject_reason text) on commit drop""").update();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (BulkCopy copy = new BulkCopy(c, "result_stage", ResultLine.COLUMNS)) {
            rows.writeTo(line -> copy.row(line.values()));
            return copy.finish();
        }
    }

    /**
     * Applies what was staged, as the user named, within the area given, and publishes the positives for the
     * cases. A sample, pool or person outside the area is answered as one that does not exist: the same
     * refusal, no id, and nothing written to it.
     */
    public Summary apply(String user, String source, Scope area) {
        // A result the laboratory sent without its time was returned now, by the application clock.
        Map<String, Object> who = Map.of("user", user, "source", source, "now", clock.now());
        sql("create index on result_stage (sample_code)");
        sql("analyze result_stage");
        sql("""
                update result_stage s set outcome = 'REJECTED', reject_reason = replace(cast(:reason as text), '{0}', d.first::text)
                from (select sample_code, min(line) first from result_stage group by sample_code having count(*) > 1) d
                where s.sample_code = d.sample_code and s.line > d.first""", text(Scope.NOTHING, "testing.results.duplicateLine"));
        // A row keyed by a pool's code is the pool's result.
        sql("""
                update result_stage s set pool_row = true, pool_code = s.sample_code
                where s.outcome is null and (s.pool_code = s.sample_code or exists (
                    select 1 from sample_pool p where p.code = s.sample_code and""" + inScope(area, "p.commune_code", "null::bigint") + "))", area);
        // A registered sample: the registry's person, time and type are the truth.
        sql("""
                update result_stage s set sample_id = x.id, result_before = x.result, ct_before = x.ct, member_of = x.pool_id,
                       reject_reason = case when s.person_id is not null and s.person_id <> x.person_id
                                            then replace(cast(:reason as text), '{0}', x.code) end,
                       person_id = x.person_id, test_type = x.test_type, sampled_at = x.sampled_at, reason = x.reason,
                       symptomatic = x.symptomatic or s.symptomatic, commune_code = x.commune_code, village_id = x.village_id
                from sample x where x.code = s.sample_code and s.outcome is null and not s.pool_row and"""
                + inScope(area, "x.commune_code", "x.village_id"), text(area, "testing.results.codeOtherPerson"));
        sql("update result_stage set outcome = 'REJECTED' where reject_reason is not null and outcome is null");
        reject("sample_id is null and not pool_row and (test_type is null or sampled_at is null)",
                messages.get("testing.results.unregistered"));
        sql("""
                update result_stage s set person_id = p.id from person_card p
                where s.sample_id is null and s.person_id is null and s.national_id is not null and p.national_id = s.national_id
                  and s.outcome is null and not s.pool_row and""" + inScope(area, "p.commune_code", "p.village_id"), area);
        sql("""
                update result_stage s set commune_code = p.commune_code, village_id = p.village_id from person_card p
                where s.sample_id is null and p.id = s.person_id and s.outcome is null and not s.pool_row and"""
                + inScope(area, "p.commune_code", "p.village_id"), area);
        reject("sample_id is null and not pool_row and commune_code is null",
                messages.get("testing.results.personNotFound"));
        applyPools(who, area);
        insertNewSamples(who);
        amendSingles(who);
        // A single result owed by a positive pool's member settles the debt.
        sql("""
                update sample m set retest_required = false from result_stage s
                where s.pool_id is null and not s.pool_row and s.outcome in ('CREATED', 'AMENDED')
                  and s.result in ('NEGATIVE', 'POSITIVE') and m.person_id = s.person_id and m.retest_required
                  and m.sampled_at <= s.sampled_at""");
        List<PositiveResultsChanged.Change> changes = jdbc.sql("""
                select sample_id, person_id, test_type, sampled_at, result = 'POSITIVE' as positive_now, symptomatic, reason
                from result_stage
                where pool_id is null and not pool_row and outcome in ('CREATED', 'AMENDED')
                  and (result = 'POSITIVE') <> (coalesce(result_before, '') = 'POSITIVE')""")
                .query((rs, i) -> new PositiveResultsChanged.Change(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7)))
                .list();
        PositiveResultsHandler.Handled cases = PositiveResultsHandler.Handled.NOTHING;
        if (!changes.isEmpty()) {
            for (PositiveResultsHandler h : handlers) cases = cases.plus(h.handle(new PositiveResultsChanged(changes, user)));
        }
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select outcome, count(*) from result_stage group by outcome")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return new Summary(counts.getOrDefault("CREATED", 0L), counts.getOrDefault("UNCHANGED", 0L),
                counts.getOrDefault("AMENDED", 0L), counts.getOrDefault("REJECTED", 0L),
                cases.casesCreated(), cases.casesLinked(), cases.casesDiscarded());
    }

    /**
     * Pools: created when a laboratory names one not registered; one result per pool (the first row's);
     * a changed pool result is an amendment and is carried to every member, registered before or now. A
     * member of a positive or invalid pool gets no result and is owed a single test: never reported negative.
     */
    private void applyPools(Map<String, Object> who, Scope area) {
        reject("sample_id is not null and member_of is not null and pool_code is distinct from (select code from sample_pool where id = member_of)",
                messages.get("testing.results.memberOfPool"));
        reject("sample_id is not null and member_of is null and pool_code is not null",
                messages.get("testing.results.notPooled"));
        sql("""
                insert into sample_pool (code, test_type, commune_code, sampled_at, lab_code)
                select distinct on (pool_code) pool_code, test_type, commune_code, sampled_at, lab_code from result_stage
                where pool_code is not null and not pool_row and outcome is null and commune_code is not null
                order by pool_code, line
                on conflict (code) do nothing""");
        sql("update result_stage s set pool_id = p.id from sample_pool p where p.code = s.pool_code and s.outcome is null and"
                + inScope(area, "p.commune_code", "null::bigint"), area);
        sql("analyze result_stage"); // pools are known now: the joins below must not take them for rare
        reject("pool_row and pool_id is null", messages.get("testing.results.poolUnknown"));
        // A pool code already taken outside the area: never a single sample under that code.
        reject("pool_code is not null and pool_id is null", messages.get(TAKEN));
        sql("""
                update result_stage s set outcome = 'REJECTED', reject_reason = replace(cast(:reason as text), '{0}', f.line::text)
                from (select distinct on (pool_id) pool_id, line, result, ct from result_stage
                      where pool_id is not null and outcome is null order by pool_id, line) f
                where s.pool_id = f.pool_id and s.outcome is null and (s.result, s.ct) is distinct from (f.result, f.ct)""",
                text(Scope.NOTHING, "testing.results.poolConflict"));
        sql("""
                create temp table pool_change on commit drop as
                select * from (select distinct on (s.pool_id) s.pool_id, p.result as result_before, p.ct as ct_before, s.result, s.ct,
                                      s.result_at
                               from result_stage s join sample_pool p on p.id = s.pool_id
                               where s.outcome is null order by s.pool_id, s.line) f
                where (result_before, ct_before) is distinct from (result, ct)""");
        sql("analyze pool_change");
        jdbc.sql("""
                insert into result_amendment (pool_id, result_before, ct_before, result_after, ct_after, source, amended_by)
                select pool_id, result_before, ct_before, result, ct, :source, :user from pool_change where result_before is not null""")
                .params(who).update();
        sql("""
                update sample_pool p set result = c.result, ct = c.ct, result_at = coalesce(c.result_at, :now),
                       revision = p.revision + (c.result_before is not null)::int
                from pool_change c where p.id = c.pool_id""", who);
        sql("""
                update sample m set result = case when c.result = 'NEGATIVE' then 'NEGATIVE' end, ct = null,
                       result_at = coalesce(c.result_at, :now), revision = m.revision + (c.result_before is not null)::int,
                       retest_required = c.result <> 'NEGATIVE' and not exists (
                           select 1 from sample t where t.person_id = m.person_id and t.pool_id is null
                             and t.result in ('NEGATIVE', 'POSITIVE') and t.sampled_at >= m.sampled_at)
                from pool_change c where m.pool_id = c.pool_id""", who);
        // Rows of registered members and pool rows; new members are written (and counted) with the new samples.
        sql("""
                update result_stage s set outcome = case when c.result_before is null then 'CREATED' else 'AMENDED' end
                from pool_change c where c.pool_id = s.pool_id and s.outcome is null and (s.pool_row or s.sample_id is not null)""");
        sql("update result_stage set outcome = 'UNCHANGED' where pool_id is not null and outcome is null and (pool_row or sample_id is not null)");
    }

    /**
     * Samples the laboratory reports before anyone registered them: created with their result. A batch larger
     * than the table (a first load) is written with the table's secondary indexes and foreign keys set aside
     * and rebuilt once (docs/decisions/0002); the rows were checked against the registry above.
     */
    private void insertNewSamples(Map<String, Object> who) {
        String insert = """
                with created as (
                    insert into sample (code, person_id, commune_code, village_id, test_type, reason, sampled_at, symptomatic,
                                        lab_code, pool_id, result, ct, result_at, retest_required)
                    select sample_code, person_id, commune_code, village_id, test_type, coalesce(reason, 'OTHER'), sampled_at,
                           symptomatic, lab_code, pool_id,
                           case when pool_id is null then result when result = 'NEGATIVE' then 'NEGATIVE' end,
                           case when pool_id is null then ct end, coalesce(result_at, :now),
                           pool_id is not null and result <> 'NEGATIVE'
                    from result_stage where sample_id is null and not pool_row and outcome is null
                    on conflict (code) do nothing
                    returning id, code)
                update result_stage s set sample_id = c.id, outcome = 'CREATED'
                from created c where c.code = s.sample_code and s.sample_id is null and s.outcome is null""";
        long pending = jdbc.sql("select count(*) from result_stage where sample_id is null and not pool_row and outcome is null")
                .query(Long.class).single();
        long existing = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'sample'::regclass")
                .query(Long.class).single();
        if (pending >= FIRST_LOAD && pending > existing) {
            try {
                BulkLoad.withoutIndexesAndForeignKeys(DataSourceUtils.getConnection(dataSource), "sample", () -> {
                    sql(insert, who);
                    return null;
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } else {
            sql(insert, who);
        }
        // Fresh statistics, so that the statements that follow join the new rows by index, not by scans.
        if (pending >= FIRST_LOAD / 10) sql("analyze sample");
        sql("analyze result_stage");
        reject("sample_id is null and not pool_row", messages.get(TAKEN));
    }

    /** Registered single samples: the first result, an unchanged one, or an amendment kept with its history. */
    private void amendSingles(Map<String, Object> who) {
        String singles = "sample_id is not null and pool_id is null and not pool_row and outcome is null";
        sql("update result_stage set outcome = 'UNCHANGED' where " + singles
                + " and result_before is not distinct from result and ct_before is not distinct from ct");
        jdbc.sql("""
                insert into result_amendment (sample_id, result_before, ct_before, result_after, ct_after, source, amended_by)
                select sample_id, result_before, ct_before, result, ct, :source, :user from result_stage
                where result_before is not null""" + " and " + singles).params(who).update();
        sql("""
                update sample x set result = s.result, ct = s.ct, result_at = coalesce(s.result_at, :now),
                       lab_code = coalesce(s.lab_code, x.lab_code), revision = x.revision + (s.result_before is not null)::int
                from result_stage s
                where x.id = s.sample_id and s.pool_id is null and not s.pool_row and s.outcome is null""", who);
        sql("update result_stage set outcome = case when result_before is null then 'CREATED' else 'AMENDED' end where " + singles);
    }

    private void reject(String condition, String reason) {
        long start = System.nanoTime();
        int rows = jdbc.sql("update result_stage set outcome = 'REJECTED', reject_reason = :reason where outcome is null and (" + condition + ")")
                .param("reason", reason).update();
        log.debug("{} rows refused in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, reason);
    }

    /** A code in use by a sample the user may not see, or by one written a moment ago by another request. */
    private static final String TAKEN = "testing.results.codeTaken";

    /**
     * The area's parameters and, as :reason, a refusal whose {0} the statement fills in per row (the line, the
     * code): the text is in the user's language, the number or code is the row's.
     */
    private Map<String, Object> text(Scope area, String key) {
        Map<String, Object> params = new HashMap<>(area.params());
        params.put("reason", messages.get(key, "{0}"));
        return params;
    }

    /** The area condition, with a space before it, for a row's commune and village columns. */
    private static String inScope(Scope area, String communeColumn, String villageColumn) {
        return " " + area.condition(communeColumn, villageColumn);
    }

    private void sql(String statement) {
        sql(statement, Scope.NOTHING);
    }

    /** A statement that may hold the area's condition (see {@link #inScope}). */
    private void sql(String statement, Scope area) {
        sql(statement, area.params());
    }

    private void sql(String statement, Map<String, Object> params) {
        long start = System.nanoTime();
        int rows = jdbc.sql(statement).params(params).update();
        log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, statement.strip().lines().findFirst().orElse(""));
    }

    /** Every staged row's outcome, in line order (for the API's answer). */
    public List<Outcome> outcomes() {
        // A refused row names no sample: the code may be another person's.
        return jdbc.sql("""
                        select line, sample_code, outcome, reject_reason, case when outcome <> 'REJECTED' then sample_id end
                        from result_stage order by line""")
                .query((rs, i) -> new Outcome(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5))).list();
    }

    /** The refused rows, for a file import's report. */
    public List<Outcome> rejections() {
        List<Outcome> out = new ArrayList<>();
        jdbc.sql("select line, sample_code, reject_reason from result_stage where outcome = 'REJECTED' order by line")
                .query(rs -> {
                    out.add(new Outcome(rs.getInt(1), rs.getString(2), "REJECTED", rs.getString(3), null));
                });
        return out;
    }
}

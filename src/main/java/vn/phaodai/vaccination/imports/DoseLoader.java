package vn.phaodai.vaccination.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.BulkCopy;
import vn.phaodai.shared.BulkLoad;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Applies the platform's lines set-based: they are copied into a staging table, then a fixed number of statements
 * match them all to the registry at once (by ID number, else name, birth date and commune, always within the
 * user's area), compare them with the doses already recorded, write the new doses and keep the unmatched lines.
 * The caller holds the transaction: a file is applied whole or not at all.
 */
@Component
class DoseLoader {

    private static final Logger log = LoggerFactory.getLogger(DoseLoader.class);
    /** Doses at least this many, and more than the registry holds, are written as a first load. */
    static final long FIRST_LOAD = 100_000;

    /** What the lines came to; conflicts are lines whose dose kind the person has already, of another day or product. */
    record Summary(long created, long unchanged, long unmatched, long unmatchedNew, long conflicts) {
    }

    /** A conflicting line, for the job's rejections. */
    record Conflict(int line, String doseKind, LocalDate existingOn, String existingProduct, Integer otherLine) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DoseLoader(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The staging table of the file's lines (inside the caller's transaction) and a COPY into it, to be finished by the caller. */
    BulkCopy stage() throws SQLException {
        jdbc.sql("""
                create temp table dose_raw (
                    line int not null, full_name text not null, name_fold text not null, date_of_birth date, sex text,
                    national_id text, phone text, product_code text not null, lot_number text, given_on date not null,
                    dose_kind text not null, given_at text, point_fold text) on commit drop""").update();
        return new BulkCopy(DataSourceUtils.getConnection(dataSource), "dose_raw", DoseLine.COLUMNS);
    }

    /**
     * Applies what was staged as the user named, within the area. owner: the commune whose list an unmatched line
     * goes on when its point names none (the importer's one commune), or null.
     */
    Summary apply(UUID job, String user, Scope area, String owner) {
        Map<String, Object> p = new HashMap<>(area.params());
        p.put("job", job);
        p.put("user", user);
        p.put("owner", owner);
        sql("analyze dose_raw", p);
        // One pass over the lines (a new table, not rewritten rows): "Điểm tiêm" naming one of the area's points (one
        // only, by name) makes the dose the point's, and its commune the line's list. A line is known by its fields and
        // that list, so the same line twice is one unmatched line. A line an officer matched before is matched again
        // to the same person if still in the area; else by ID number within the area (a person outside is answered as
        // nobody, so no line tells that they exist).
        sql("""
                create temp table dose_stage on commit drop as
                select k.*, coalesce(u.person_id, n.id) as person_id, cast(null as text) as outcome, cast(null as text) as reason,
                       cast(null as date) as existing_on, cast(null as text) as existing_product, cast(null as int) as other_line
                from (select r.*, v.id as point_id, v.commune_code as point_commune,
                             md5(concat_ws('|', r.name_fold, r.date_of_birth, r.national_id, r.product_code, r.given_on, r.dose_kind,
                                           coalesce(v.commune_code, :owner, '@' || :user))) as line_key
                      from dose_raw r
                      left join (select fold_text(name) folded, min(id) id, min(commune_code) commune_code from vaccination_point
                                 where active and""" + " " + area.condition("commune_code", "null::bigint") + "\n" + """
                                 group by 1 having count(*) = 1) v on v.folded = r.point_fold) k
                left join (select u.line_key, u.person_id from vaccine_import_unmatched u
                           join person_card c on c.id = u.person_id and""" + " " + area.condition("c.commune_code", "c.village_id") + "\n" + """
                           where u.person_id is not null) u on u.line_key = k.line_key
                left join (select c.id, c.national_id from person_card c
                           where c.national_id is not null and""" + " " + area.condition("c.commune_code", "c.village_id") + "\n" + """
                          ) n on n.national_id = k.national_id""", p);
        sql("analyze dose_stage", p);
        // Else by full name and birth date within the point's commune, or the area; a person with another ID number is not them.
        sql("""
                create temp table dose_name_match on commit drop as
                select s.line, min(c.id) person_id, count(*) persons from dose_stage s
                join person_card c on c.search_name = s.name_fold and c.date_of_birth = s.date_of_birth
                where s.person_id is null and s.date_of_birth is not null and (s.national_id is null or c.national_id is null)
                  and (s.point_commune is null or c.commune_code = s.point_commune) and"""
                + " " + area.condition("c.commune_code", "c.village_id") + " group by s.line", p);
        sql("update dose_stage s set person_id = m.person_id from dose_name_match m where m.line = s.line and m.persons = 1", p);
        sql("update dose_stage s set reason = 'SEVERAL' from dose_name_match m where m.line = s.line and m.persons > 1", p);
        sql("""
                update dose_stage set outcome = 'UNMATCHED',
                       reason = coalesce(reason, case when national_id is not null then 'NO_SUCH_ID' else 'NONE' end)
                where person_id is null""", p);
        sql("analyze dose_stage", p);
        compareWithRecorded(p);
        // Within the file, the first line of a person's dose kind counts; a later one is the same dose or a conflict.
        sql("""
                update dose_stage s set outcome = case when (s.given_on, s.product_code) = (f.given_on, f.product_code)
                                                       then 'UNCHANGED' else 'CONFLICT' end,
                       other_line = f.line, existing_on = f.given_on, existing_product = f.product_code
                from (select distinct on (person_id, dose_kind) person_id, dose_kind, line, given_on, product_code
                      from dose_stage where outcome is null order by person_id, dose_kind, line) f
                where s.outcome is null and s.person_id = f.person_id and s.dose_kind = f.dose_kind and s.line > f.line""", p);
        // Imported doses are facts: the platform recorded them as given, so no rule judges them here and broken_rules
        // stays empty. A dose breaking a rule was the vaccinator's call on the day; refusing it would only lose it.
        long candidates = jdbc.sql("select count(*) from dose_stage where outcome is null").query(Long.class).single();
        String insert = """
                insert into vaccine_dose (person_id, given_on, product_code, lot_number, dose_kind, point_id, given_at,
                                          source, recorded_by)
                select person_id, given_on, product_code, lot_number, dose_kind, point_id,
                       case when point_id is null then given_at end, 'IMPORT', :user
                from dose_stage where outcome is null
                order by person_id, dose_kind -- the indexes led by person_id written in their order, not at random
                on conflict (person_id, dose_kind) do nothing""";
        int inserted = isFirstLoad(candidates) ? firstLoad(insert, p) : sql(insert, p);
        // Every line left is a dose written (outcome null reads CREATED), unless another import wrote some of the same
        // doses a moment ago: then the lines of the doses this transaction wrote are marked, and the rest compared.
        if (inserted < candidates) {
            sql("""
                    update dose_stage s set outcome = 'CREATED' from vaccine_dose d
                    where s.outcome is null and d.person_id = s.person_id and d.dose_kind = s.dose_kind
                      and d.xmin = cast(pg_current_xact_id() as xid)""", p);
            compareWithRecorded(p);
        }
        int listed = sql("""
                insert into vaccine_import_unmatched (line_key, job_id, line, full_name, date_of_birth, sex, national_id, phone,
                    product_code, lot_number, given_on, dose_kind, point_id, given_at, commune_code, reason, created_by)
                select line_key, :job, line, full_name, date_of_birth, sex, national_id, phone, product_code, lot_number,
                       given_on, dose_kind, point_id, given_at, coalesce(point_commune, :owner), reason, :user
                from dose_stage where outcome = 'UNMATCHED' order by line
                on conflict (line_key) do nothing""", p);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select coalesce(outcome, 'CREATED'), count(*) from dose_stage group by 1").query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return new Summary(counts.getOrDefault("CREATED", 0L), counts.getOrDefault("UNCHANGED", 0L),
                counts.getOrDefault("UNMATCHED", 0L), listed, counts.getOrDefault("CONFLICT", 0L));
    }

    /**
     * A province's first import (more doses than the registry holds, and many): written without the secondary
     * indexes and the person's key, rebuilt after (decision 0002), and analysed so the next reads plan on the new rows.
     */
    private boolean isFirstLoad(long candidates) {
        long existing = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'vaccine_dose'::regclass")
                .query(Long.class).single();
        return candidates >= FIRST_LOAD && candidates > existing;
    }

    private int firstLoad(String insert, Map<String, Object> p) {
        try {
            int inserted = BulkLoad.withoutIndexesAndForeignKeys(DataSourceUtils.getConnection(dataSource), "vaccine_dose",
                    () -> sql(insert, p));
            sql("analyze vaccine_dose", p);
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dose kind the person has: the same day and product is this line's dose, another is a conflict, never overwritten. */
    private void compareWithRecorded(Map<String, Object> p) {
        sql("""
                update dose_stage s set outcome = case when (d.given_on, d.product_code) = (s.given_on, s.product_code)
                                                       then 'UNCHANGED' else 'CONFLICT' end,
                       existing_on = d.given_on, existing_product = d.product_code
                from vaccine_dose d
                where s.outcome is null and d.person_id = s.person_id and d.dose_kind = s.dose_kind""", p);
    }

    /** The conflicting lines, in line order, handed one by one. */
    void conflicts(java.util.function.Consumer<Conflict> each) {
        jdbc.sql("""
                        select s.line, s.dose_kind, s.existing_on, p.name, s.other_line from dose_stage s
                        join vaccine_product p on p.code = s.existing_product where s.outcome = 'CONFLICT' order by s.line""")
                .query(rs -> {
                    each.accept(new Conflict(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                            (Integer) rs.getObject(5)));
                });
    }

    /** Runs one statement of the import, timed at DEBUG (how the benchmark finds its slow step); the rows it wrote. */
    private int sql(String statement, Map<String, Object> params) {
        long start = System.nanoTime();
        int rows = jdbc.sql(statement).params(params).update();
        log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, statement.strip().lines().findFirst().orElse(""));
        return rows;
    }
}

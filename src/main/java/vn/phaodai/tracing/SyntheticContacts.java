package vn.phaodai.tracing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Contacts generated set-based for the load test of the demo module (bench/run): tracing owns the contact table
 * (docs/decisions/0011), so the SQL that fills it by the hundred thousand lives here. The random draws follow
 * the session's {@code setseed}, which the caller sets.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class SyntheticContacts {

    private final JdbcClient jdbc;

    SyntheticContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cases' contacts (F1), {@code per} a case, a few days around the confirmation; never the source itself. */
    public long aroundCases(int per) {
        return jdbc.sql("""
                with bounds as (select min(id) as lo, max(id) as hi from person_card)
                insert into contact (source_person_id, exposed_person_id, exposure_date, setting, proximity, duration_minutes, masked, recorded_by)
                select c.person_id, b.lo + (c.person_id - b.lo + 1 + floor(random() * (b.hi - b.lo))::bigint) % (b.hi - b.lo + 1), c.confirmed_on - floor(random() * 4)::int,
                       (array['HOUSEHOLD','WORKPLACE','SCHOOL','MARKET','VEHICLE','HEALTH_CARE','OTHER'])[1 + floor(random() * 7)::int],
                       (array['PHYSICAL','WITHIN_1M','WITHIN_2M','WITHIN_2M','SAME_CLOSED_SPACE'])[1 + floor(random() * 5)::int],
                       5 + floor(random() * 120)::int, random() < 0.5, 'benchmark'
                from case_card c cross join bounds b cross join generate_series(1, :per) g
                where c.status <> 'DISCARDED'
                on conflict do nothing""").param("per", per).update();
    }

    /** How many persons have been exposed to someone. */
    public long exposedPersons() {
        return jdbc.sql("select count(distinct exposed_person_id) from contact").query(Long.class).single();
    }

    /** The contacts of those exposed (F2), {@code per} an exposed person, on or after the exposure, at most {@code limit}. */
    public long aroundExposed(int per, long limit) {
        return jdbc.sql("""
                with bounds as (select min(id) as lo, max(id) as hi from person_card),
                     f1 as (select distinct on (exposed_person_id) exposed_person_id, exposure_date from contact order by exposed_person_id, exposure_date)
                insert into contact (source_person_id, exposed_person_id, exposure_date, setting, proximity, duration_minutes, masked, recorded_by)
                select f1.exposed_person_id, b.lo + (f1.exposed_person_id - b.lo + 1 + floor(random() * (b.hi - b.lo))::bigint) % (b.hi - b.lo + 1),
                       f1.exposure_date + floor(random() * 5)::int,
                       (array['HOUSEHOLD','WORKPLACE','SCHOOL','MARKET','VEHICLE','HEALTH_CARE','OTHER'])[1 + floor(random() * 7)::int],
                       (array['PHYSICAL','WITHIN_1M','WITHIN_2M','WITHIN_2M','SAME_CLOSED_SPACE'])[1 + floor(random() * 5)::int],
                       5 + floor(random() * 120)::int, random() < 0.5, 'benchmark'
                from f1 cross join bounds b cross join generate_series(1, :per) g
                limit :rest
                on conflict do nothing""").param("per", per).param("rest", limit).update();
    }

    /** Fresh statistics after a bulk insert, so the tier queries plan for the table's real size. */
    public void analyze() {
        jdbc.sql("analyze contact").update();
    }

    /** {@code n} exposed persons without a case, drawn by the seed: the next day's positives. */
    public List<Long> exposedWithoutCase(long seed, int n) {
        return jdbc.sql("""
                select k.exposed_person_id from (select distinct exposed_person_id from contact) k
                where not exists (select 1 from case_card c where c.person_id = k.exposed_person_id)
                order by hashint8(k.exposed_person_id + :seed) limit :n""").param("seed", seed).param("n", n)
                .query(Long.class).list();
    }
}

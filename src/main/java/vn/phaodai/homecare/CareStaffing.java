package vn.phaodai.homecare;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;

/**
 * A province's home-care staff set up in one go and their load read back, for the load test of the demo module
 * (bench/run). Home care owns the care-team tables (docs/decisions/0011), so the set-based SQL lives here.
 */
@Service
public class CareStaffing {

    /** How the cases assigned after a case id spread over the workers. */
    public record Load(long workers, long most, BigDecimal average, long assigned) {
    }

    private final JdbcClient jdbc;

    CareStaffing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A mobile station in every commune with villages and a worker for each of its villages; the workers in all. */
    public long staffEveryVillage() {
        jdbc.sql("""
                insert into care_team (commune_code, kind, name)
                select distinct commune_code, 'MOBILE_STATION', 'Trạm y tế lưu động' from village_card
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into care_worker (team_id, full_name, username)
                select t.id, 'Nhân viên y tế ' || v.name, 'bench-village-' || v.id
                from village_card v join care_team t on t.commune_code = v.commune_code""").update();
        jdbc.sql("""
                insert into care_worker_village (worker_id, village_id)
                select id, substring(username from 15)::bigint from care_worker where username like 'bench-village-%'""").update();
        return jdbc.sql("select count(*) from care_worker").query(Long.class).single();
    }

    /** The load of the cases with an id above {@code caseId}. */
    public Load assignedAfter(long caseId) {
        Object[] load = jdbc.sql("""
                select count(*), coalesce(max(n), 0), coalesce(round(avg(n), 1), 0) from (
                    select a.worker_id, count(*) as n from care_assignment a where a.case_id > ? group by a.worker_id) w""")
                .param(caseId).query((rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)}).single();
        long assigned = jdbc.sql("select count(*) from care_assignment where case_id > ?").param(caseId).query(Long.class).single();
        return new Load((Long) load[0], (Long) load[1], (BigDecimal) load[2], assigned);
    }
}

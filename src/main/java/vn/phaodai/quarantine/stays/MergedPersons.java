package vn.phaodai.quarantine.stays;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.population.Persons;
import vn.phaodai.shared.ApplicationClock;

/**
 * Stays and arrivals follow their person when two records of the same person are merged. Two open stays
 * of one person cannot both stay open: the loser's ends on the day of the merge, released by it.
 */
@Component
class MergedPersons {

    private final JdbcClient jdbc;
    private final ApplicationClock clock;

    MergedPersons(JdbcClient jdbc, ApplicationClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(Persons.PersonsMerged merged) {
        jdbc.sql("""
                update quarantine_stay l set status = 'RELEASED', ended_on = greatest(l.start_on, :today)
                where l.person_id = :loser and l.status = 'ACTIVE'
                  and exists (select 1 from quarantine_stay w where w.person_id = :winner and w.status = 'ACTIVE')""")
                .param("loser", merged.loserId()).param("winner", merged.winnerId()).param("today", clock.today()).update();
        jdbc.sql("update quarantine_stay set person_id = ? where person_id = ?").params(merged.winnerId(), merged.loserId()).update();
        // The same arrival registered for both records stays with the loser, as history.
        jdbc.sql("""
                update quarantine_arrival a set person_id = :winner where a.person_id = :loser and not exists (
                    select 1 from quarantine_arrival w where w.person_id = :winner and w.arrived_on = a.arrived_on and w.origin = a.origin)""")
                .param("loser", merged.loserId()).param("winner", merged.winnerId()).update();
    }
}

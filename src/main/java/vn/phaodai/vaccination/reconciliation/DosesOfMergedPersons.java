package vn.phaodai.vaccination.reconciliation;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.population.Persons;

/**
 * Doses follow their person when two records of the same person are merged. Where both records hold a dose of the
 * same kind (one per person and kind), the survivor keeps the one given earlier (the survivor's own on a tie) and the
 * other is set aside whole in vaccine_dose_set_aside: a DUPLICATE when day and product agree (one dose recorded
 * twice), else a CONFLICT for an officer to look at. Unmatched import lines matched to the merged-away record point
 * at the survivor, so the next run of the file matches them there. Certificates stay as issued: the code names the
 * merged-away record, so its verification says the certificate changed (Certificates.verify) and the survivor's
 * certificate is printed anew; nothing is re-signed behind anyone's back.
 */
@Component
class DosesOfMergedPersons {

    private final JdbcClient jdbc;

    DosesOfMergedPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(Persons.PersonsMerged merged) {
        long winner = merged.winnerId(), loser = merged.loserId();
        // The loser's dose is earlier: it takes the winner's place, the winner's is set aside.
        jdbc.sql("""
                create temp table merged_doses on commit drop as
                select l.id as loser_dose, w.id as winner_dose, (l.given_on < w.given_on) as loser_kept,
                       (l.given_on = w.given_on and l.product_code = w.product_code) as duplicate
                from vaccine_dose l join vaccine_dose w on w.person_id = :winner and w.dose_kind = l.dose_kind
                where l.person_id = :loser""").param("winner", winner).param("loser", loser).update();
        jdbc.sql("""
                insert into vaccine_dose_set_aside (dose_id, person_id, survivor_id, kept_dose_id, dose_kind, given_on, product_code,
                                                    lot_number, point_id, reason, dose)
                select d.id, :loser, :winner, case when m.loser_kept then m.loser_dose else m.winner_dose end, d.dose_kind, d.given_on,
                       d.product_code, d.lot_number, d.point_id, case when m.duplicate then 'DUPLICATE' else 'CONFLICT' end, to_jsonb(d)
                from merged_doses m join vaccine_dose d on d.id = case when m.loser_kept then m.winner_dose else m.loser_dose end
                """).param("winner", winner).param("loser", loser).update();
        // Unmatched lines that named the dose set aside name the one kept.
        jdbc.sql("""
                update vaccine_import_unmatched u set dose_id = case when m.loser_kept then m.loser_dose else m.winner_dose end
                from merged_doses m where u.dose_id = case when m.loser_kept then m.winner_dose else m.loser_dose end""").update();
        jdbc.sql("""
                delete from vaccine_dose d using merged_doses m
                where d.id = case when m.loser_kept then m.winner_dose else m.loser_dose end""").update();
        jdbc.sql("update vaccine_dose set person_id = ? where person_id = ?").params(winner, loser).update();
        jdbc.sql("update vaccine_import_unmatched set person_id = ? where person_id = ?").params(winner, loser).update();
        jdbc.sql("drop table merged_doses").update();
    }
}

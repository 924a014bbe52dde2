package vn.phaodai.vaccination.status;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.vaccination.VaccinationStatuses;
import vn.phaodai.vaccination.doses.Doses;
import vn.phaodai.vaccination.rules.DoseJudge;
import vn.phaodai.vaccination.rules.VaccinationRules;

import java.time.LocalDate;
import java.util.List;

/** A person's vaccination on a day, for the officers of the person's area: read, audited. */
@Service
public class PersonVaccination {

    /** The person, the status on the day, the doses given by then and the next dose due (null when none is). */
    public record View(long personId, String fullName, LocalDate birth, LocalDate on, VaccinationStatuses.Status status,
                       List<Doses.Dose> doses, DoseJudge.NextDose nextDose) {
    }

    private final Doses doses;
    private final VaccinationStatuses statuses;
    private final VaccinationRules rules;
    private final DoseJudge judge;
    private final AuditLog audit;
    private final ApplicationClock clock;

    PersonVaccination(Doses doses, VaccinationStatuses statuses, VaccinationRules rules, DoseJudge judge, AuditLog audit, ApplicationClock clock) {
        this.doses = doses;
        this.statuses = statuses;
        this.rules = rules;
        this.judge = judge;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public View of(long personId, LocalDate on) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Doses.Subject person = doses.subject(personId, user.scope());
        LocalDate day = on == null ? clock.today() : on;
        List<Doses.Dose> given = doses.ofPerson(personId).stream().filter(d -> !d.givenOn().isAfter(day)).toList();
        DoseJudge.NextDose next = judge.next(rules.now(), doses.facts(person, given), day).orElse(null);
        audit.recordShown("vaccine_dose", AuditLog.criteria("person", personId, "on", day.toString()), List.of(personId));
        return new View(person.id(), person.fullName(), person.birth(), day, statuses.of(personId, day), given, next);
    }
}

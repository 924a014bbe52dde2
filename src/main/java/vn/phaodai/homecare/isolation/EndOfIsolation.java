package vn.phaodai.homecare.isolation;

import vn.phaodai.vaccination.VaccinationStatuses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.CaseForms;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.cases.HomeCareRules;
import vn.phaodai.homecare.readings.Readings;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.testing.Sample;
import vn.phaodai.testing.Samples;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The end of isolation at home, by the rule of the confirmation day (home_care_rule): after the minimum
 * days, with a negative test taken from the last of those days on; without one, the rule's longer isolation
 * (10 days if fully vaccinated, 14 if not, from Feb 2022), or the wait for a test where the rule has none.
 */
@Service
public class EndOfIsolation {

    /** READY: a negative test allows the end; EXTENDED: no test, the longer isolation ends on its own; WAITING_FOR_TEST. */
    public record Proposal(long caseId, LocalDate confirmedOn, String rule, int minimumDays, LocalDate earliestEnd,
                           String negativeSample, LocalDate negativeOn, LocalDate proposedEnd, String status, String explanation) {
    }

    private record Rule(String document, int days, Integer extendedVaccinated, Integer extendedUnvaccinated) {
    }

    private final JdbcClient jdbc;
    private final Samples samples;
    private final Cases cases;
    private final HomeCareRules homeCareRules;
    private final ApplicationClock clock;
    private final Messages messages;

    private final VaccinationStatuses vaccinations;

    EndOfIsolation(JdbcClient jdbc, Samples samples, Cases cases, HomeCareRules homeCareRules, ApplicationClock clock, Messages messages,
                   VaccinationStatuses vaccinations) {
        this.vaccinations = vaccinations;
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.samples = samples;
        this.cases = cases;
        this.homeCareRules = homeCareRules;
    }

    public Proposal propose(long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("id", caseId);
        record Facts(long personId, LocalDate confirmedOn, String status) {
        }
        Facts c = jdbc.sql("select person_id, confirmed_on, status from case_card c where id = :id and "
                        + user.scope().condition("c.commune_code", "c.village_id")).params(p)
                .query((rs, i) -> new Facts(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .optional().orElseThrow(() -> new NotFoundException(messages.get("homecare.caseNotFound", String.valueOf(caseId))));
        Rule rule = homeCareRules.inForceOn(c.confirmedOn())
                .map(r -> new Rule(r.document(), r.isolationDays(), r.extendedDaysVaccinated(), r.extendedDaysUnvaccinated()))
                .orElseThrow(() -> new NotFoundException(messages.get("homecare.isolation.noRule", String.valueOf(c.confirmedOn()))));
        LocalDate earliest = c.confirmedOn().plusDays(rule.days());
        LocalDate testFrom = earliest.minusDays(1);
        Sample negative = samples.ofPerson(c.personId()).stream()
                .filter(s -> s.poolCode() == null && "NEGATIVE".equals(s.result()))
                .filter(s -> !s.sampledAt().atZoneSameInstant(Readings.VIETNAM).toLocalDate().isBefore(testFrom))
                .min(Comparator.comparing(Sample::sampledAt)).orElse(null);
        if (negative != null) {
            LocalDate on = negative.sampledAt().atZoneSameInstant(Readings.VIETNAM).toLocalDate();
            LocalDate end = on.isAfter(earliest) ? on : earliest;
            return new Proposal(caseId, c.confirmedOn(), rule.document(), rule.days(), earliest, negative.code(), on, end, "READY",
                    messages.get("homecare.isolation.ready", String.valueOf(rule.days()), on.toString()));
        }
        if (rule.extendedVaccinated() != null) {
            // Fully vaccinated on the confirmation day, by home care's definition of that day (registry of doses).
            boolean vaccinated = vaccinations.fullyVaccinated(c.personId(), c.confirmedOn(), VaccinationStatuses.Purpose.HOME_CARE).fully();
            int days = vaccinated ? rule.extendedVaccinated() : rule.extendedUnvaccinated();
            return new Proposal(caseId, c.confirmedOn(), rule.document(), rule.days(), earliest, null, null, c.confirmedOn().plusDays(days),
                    "EXTENDED", messages.get(vaccinated ? "homecare.isolation.extendedVaccinated" : "homecare.isolation.extendedUnvaccinated",
                            String.valueOf(days)));
        }
        return new Proposal(caseId, c.confirmedOn(), rule.document(), rule.days(), earliest, null, null, null, "WAITING_FOR_TEST",
                messages.get("homecare.isolation.waitingForTest", testFrom.toString()));
    }

    /** Ends the isolation as proposed: the case is closed as recovered on the proposed day (then its decision is issued). */
    @Transactional
    public CovidCase end(long caseId) {
        CurrentUser.require(Right.CASE_WRITE);
        Proposal proposal = propose(caseId);
        LocalDate today = clock.today();
        if (proposal.proposedEnd() == null || proposal.proposedEnd().isAfter(today)) {
            String why = proposal.proposedEnd() == null ? messages.get("homecare.isolation.tooEarly", proposal.explanation())
                    : messages.get("homecare.isolation.tooEarlyUntil", proposal.explanation(), proposal.proposedEnd().toString());
            throw new ConflictException(why, "caseId", Map.of());
        }
        // The closing note is a record: in Vietnamese, whatever the language of the officer ending it.
        String note = vn.phaodai.shared.Messages.inVietnamese(() -> propose(caseId)).explanation();
        return cases.close(caseId, new CaseForms.Outcome("RECOVERED", proposal.proposedEnd().toString(), note));
    }
}

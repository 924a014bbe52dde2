package vn.phaodai.homecare.isolation;

import vn.phaodai.vaccination.VaccinationStatuses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.homecare.readings.WarningSigns;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a case may be cared for at home on a day, by the rule in force that day
 * (home_care_eligibility_rule), with every reason it may not. Breathing rate and SpO2 are the case's latest
 * reading unless given; what the record cannot know (a comorbidity is stable, the patient can self-care or
 * has a carer) is asked.
 */
@Service
public class Eligibility {

    /** The answer: eligible or not, why not, and the rule applied. */
    public record Answer(boolean eligible, List<String> reasons, String rule, LocalDate on, Integer breathingRate, Integer spo2) {
    }

    /** What the officer tells beyond the record. */
    public record Facts(LocalDate on, Integer breathingRate, Integer spo2, Boolean comorbidityStable, Boolean canSelfCare,
                        Boolean hasCarer) {
    }

    private record Rule(String document, int maxBreathingRate, int minSpo2, Set<String> severities, Integer unvaccinatedMinAgeMonths,
                        Integer unvaccinatedMaxAgeYears, String comorbidity, boolean requiresCare, boolean childrenByBand,
                        Integer minAgeMonths) {
    }

    private record Patient(long personId, String communeCode, Long villageId, String severity, List<String> comorbidities,
                           boolean pregnant, LocalDate dateOfBirth, int birthYear) {
        int ageMonths(LocalDate on) {
            LocalDate born = dateOfBirth != null ? dateOfBirth : LocalDate.of(birthYear, 7, 1);
            return (int) Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(born, on));
        }
    }

    private final JdbcClient jdbc;
    private final WarningSigns warningSigns;
    private final vn.phaodai.security.AuditLog audit;
    private final ApplicationClock clock;
    private final Messages messages;

    private final VaccinationStatuses vaccinations;

    Eligibility(JdbcClient jdbc, WarningSigns warningSigns, vn.phaodai.security.AuditLog audit, ApplicationClock clock, Messages messages,
                VaccinationStatuses vaccinations) {
        this.vaccinations = vaccinations;
        this.messages = messages;
        this.clock = clock;
        this.audit = audit;
        this.jdbc = jdbc;
        this.warningSigns = warningSigns;
    }

    public Answer evaluate(long caseId, Facts facts) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        LocalDate on = facts.on() != null ? facts.on() : clock.today();
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("id", caseId);
        Patient patient = jdbc.sql("""
                select c.person_id, c.commune_code, c.village_id, c.severity, c.comorbidities, c.pregnant,
                       p.date_of_birth, p.birth_year
                from case_card c join person_card p on p.id = c.person_id
                where c.id = :id and""" + " " + user.scope().condition("c.commune_code", "c.village_id")).params(p)
                .query((rs, i) -> new Patient(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getBoolean(6),
                        rs.getObject(7, LocalDate.class), rs.getInt(8)))
                .optional().orElseThrow(() -> new NotFoundException(messages.get("homecare.caseNotFound", String.valueOf(caseId))));
        audit.record("VIEW", "home_care_eligibility", caseId, patient.personId(), null);
        Integer breathing = facts.breathingRate(), spo2 = facts.spo2();
        if (breathing == null || spo2 == null) {
            var last = jdbc.sql("""
                    select (select breathing_rate from reading where case_id = :id and breathing_rate is not null order by taken_at desc limit 1),
                           (select spo2 from reading where case_id = :id and spo2 is not null order by taken_at desc limit 1)""")
                    .param("id", caseId).query((rs, i) -> new Integer[]{(Integer) rs.getObject(1), (Integer) rs.getObject(2)}).single();
            if (breathing == null) breathing = last[0];
            if (spo2 == null) spo2 = last[1];
        }
        Rule rule = rule(on);
        List<String> reasons = reasons(rule, patient, facts, on, breathing, spo2);
        return new Answer(reasons.isEmpty(), reasons, rule.document(), on, breathing, spo2);
    }

    private List<String> reasons(Rule rule, Patient patient, Facts facts, LocalDate on, Integer breathing, Integer spo2) {
        List<String> reasons = new ArrayList<>();
        int age = patient.ageMonths(on);
        boolean child = rule.childrenByBand() && age < 144;
        if (!rule.severities().contains(patient.severity())) {
            reasons.add(messages.get("homecare.eligibility.severity", patient.severity()));
        }
        if (breathing == null) {
            reasons.add(messages.get("homecare.eligibility.noBreathingRate"));
        } else if (child) {
            Integer limit = warningSigns.rule(on, age).breathingRateMin();
            if (limit != null && breathing >= limit) {
                reasons.add(messages.get("homecare.eligibility.breathingRateForAge", String.valueOf(breathing), String.valueOf(limit)));
            }
        } else if (breathing > rule.maxBreathingRate()) {
            reasons.add(messages.get("homecare.eligibility.breathingRate", String.valueOf(breathing), String.valueOf(rule.maxBreathingRate())));
        }
        if (spo2 == null) reasons.add(messages.get("homecare.eligibility.noSpo2"));
        else if (spo2 < rule.minSpo2()) reasons.add(messages.get("homecare.eligibility.spo2", String.valueOf(spo2), String.valueOf(rule.minSpo2())));
        // Fully vaccinated as home care's definition of that day has it, from the registry of doses.
        boolean vaccinated = vaccinations.fullyVaccinated(patient.personId(), on, VaccinationStatuses.Purpose.HOME_CARE).fully();
        boolean comorbid = !patient.comorbidities().isEmpty();
        if (rule.unvaccinatedMinAgeMonths() != null && !vaccinated) {
            // 4038: without full vaccination, all of: older than 1, younger than 50, no comorbidity, not pregnant.
            if (age < rule.unvaccinatedMinAgeMonths()) reasons.add(messages.get("homecare.eligibility.unvaccinatedInfant"));
            if (age / 12 > rule.unvaccinatedMaxAgeYears()) reasons.add(messages.get("homecare.eligibility.unvaccinatedOlder"));
            if (comorbid) reasons.add(messages.get("homecare.eligibility.unvaccinatedComorbid"));
            if (patient.pregnant()) reasons.add(messages.get("homecare.eligibility.unvaccinatedPregnant"));
        }
        if (rule.comorbidity().equals("STABLE") && comorbid && !Boolean.TRUE.equals(facts.comorbidityStable())) {
            reasons.add(messages.get("homecare.eligibility.comorbidityNotStable"));
        }
        if ((rule.requiresCare() || child) && !Boolean.TRUE.equals(facts.hasCarer()) && (child || !Boolean.TRUE.equals(facts.canSelfCare()))) {
            reasons.add(messages.get(child ? "homecare.eligibility.childNeedsCarer" : "homecare.eligibility.noCare"));
        }
        if (rule.minAgeMonths() != null && age < rule.minAgeMonths()) {
            reasons.add(messages.get("homecare.eligibility.tooYoung", String.valueOf(rule.minAgeMonths())));
        }
        return reasons;
    }

    private Rule rule(LocalDate on) {
        return jdbc.sql("""
                select * from home_care_eligibility_rule where valid_from <= :on and (valid_to is null or valid_to >= :on)
                order by valid_from desc limit 1""").param("on", on)
                .query((rs, i) -> new Rule(rs.getString("document"), rs.getInt("max_breathing_rate"), rs.getInt("min_spo2"),
                        Set.of((String[]) rs.getArray("severities").getArray()), (Integer) rs.getObject("unvaccinated_min_age_months"),
                        (Integer) rs.getObject("unvaccinated_max_age_years"), rs.getString("comorbidity"), rs.getBoolean("requires_care"),
                        rs.getBoolean("children_by_band"), (Integer) rs.getObject("min_age_months")))
                .optional().orElseThrow(() -> new NotFoundException(messages.get("homecare.eligibility.noRule", on.toString())));
    }
}

package vn.phaodai.quarantine.admission;

import vn.phaodai.vaccination.VaccinationStatuses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.quarantine.facilities.Facilities.Facility;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.policies.Policies.Policy;
import vn.phaodai.quarantine.policies.Policies;
import vn.phaodai.quarantine.stays.Access;
import vn.phaodai.quarantine.stays.Stays.PersonPlace;
import vn.phaodai.quarantine.stays.Stays.Stay;
import vn.phaodai.quarantine.stays.Stays.StayDetail;
import vn.phaodai.quarantine.stays.Stays.StayForm;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.phaodai.quarantine.stays.Stays.DAY;
import static vn.phaodai.quarantine.stays.Stays.blank;

/**
 * Admission to quarantine: at a facility (within its capacity, or over it with a reason) or at home (with its
 * approval), the end day and test days set by the policy in force on the first day.
 */
@Service
public class Admissions {

    private final JdbcClient jdbc;
    private final Stays stays;
    private final Policies policies;
    private final Facilities facilities;
    private final AuditLog audit;
    private final Messages messages;

    private final VaccinationStatuses vaccinations;

    Admissions(JdbcClient jdbc, Stays stays, Policies policies, Facilities facilities, AuditLog audit, Messages messages,
               VaccinationStatuses vaccinations) {
        this.vaccinations = vaccinations;
        this.messages = messages;
        this.jdbc = jdbc;
        this.stays = stays;
        this.policies = policies;
        this.facilities = facilities;
        this.audit = audit;
    }

    /**
     * Admits a person. The same admission sent again (same person, start and place) gives back the stay; another
     * open stay of the person is a conflict. 404 for a person outside the jurisdiction; a facility manager admits
     * anybody, but only into its own facilities.
     */
    @Transactional
    public StayDetail admit(StayForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.personId() == null) errors.add(new FieldError("personId", messages.get("quarantine.admission.person.required")));
        if (form.start() == null) errors.add(new FieldError("start", messages.get("quarantine.admission.start.required")));
        boolean home = Boolean.TRUE.equals(form.home());
        if (home == (form.facilityId() != null)) {
            errors.add(new FieldError("facilityId", messages.get("quarantine.place.oneOf")));
        }
        if (home && blank(form.homeApprovedBy())) {
            errors.add(new FieldError("homeApprovedBy", messages.get("quarantine.home.approvedBy.required")));
        }
        String subject = form.subject() == null ? "F1" : form.subject();
        if (!Policies.SUBJECTS.contains(subject)) {
            errors.add(new FieldError("subject", messages.get("quarantine.subject.invalid")));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        Facility facility = null;
        if (home) {
            if (Access.facilityLevel(user)) throw new AccessDeniedException(messages.get("quarantine.admission.homeNotByFacility"));
        } else {
            facility = facilities.lock(form.facilityId())
                    .orElseThrow(() -> new InvalidInputException("facilityId",
                            messages.get("quarantine.facility.unknown", String.valueOf(form.facilityId()))));
            if (Access.facilityLevel(user) && !Facilities.manages(user, facility)) {
                throw new AccessDeniedException(messages.get("quarantine.facility.notYours", facility.name()));
            }
        }
        PersonPlace person = stays.person(form.personId(), form.nationalId(), user);
        // One admission at a time per person: a retry waits for the first and finds it.
        jdbc.sql("select pg_advisory_xact_lock(72010012, cast(? as integer))").param((int) (long) form.personId())
                .query(Object.class).list();
        Optional<Stay> open = stays.openOf(form.personId());
        if (open.isPresent()) {
            Stay o = open.get();
            if (o.start().equals(form.start()) && java.util.Objects.equals(o.facilityId(), form.facilityId())) {
                return stays.detail(o);
            }
            throw new ConflictException(messages.get("quarantine.admission.alreadyIn", o.start().format(DAY), String.valueOf(o.id())),
                    "personId", Map.of("stayId", o.id()));
        }
        // Vaccinated on the first day as quarantine's definition of that day has it (registry of doses), or recovered
        // recently enough by the rule of that day: the stay keeps the answer as the ground of its policy.
        var vaccination = vaccinations.fullyVaccinated(form.personId(), form.start(), VaccinationStatuses.Purpose.QUARANTINE);
        boolean vaccinated = vaccination.fully() || recovered(form.personId(), form.start());
        Policy policy = policies.applicable(subject, vaccinated, form.start())
                .orElseThrow(() -> new ConflictException(messages.get("quarantine.admission.noPolicy", stays.subjectLabel(subject),
                        form.start().format(DAY)), "start", Map.of()));
        if ("NONE".equals(policy.place())) {
            String from = policy.validFrom().format(DAY);
            throw new ConflictException(policy.note() == null
                    ? messages.get("quarantine.admission.notQuarantined", policy.document(), stays.subjectLabel(subject), from)
                    : messages.get("quarantine.admission.notQuarantinedWithNote", policy.document(), stays.subjectLabel(subject), from,
                    policy.note()),
                    "start", Map.of("policyId", policy.id(), "policyDocument", policy.document()));
        }
        String overReason = facility == null ? null : capacity(facility, form.overCapacityReason());
        LocalDate end = form.start().plusDays(policy.quarantineDays() - 1L);
        LocalDate homeUntil = policy.homeMonitoringDays() > 0 ? end.plusDays(policy.homeMonitoringDays()) : null;
        LocalDate selfUntil = policy.selfMonitoringDays() > 0
                ? (homeUntil == null ? end : homeUntil).plusDays(policy.selfMonitoringDays()) : null;
        Map<String, Object> p = new HashMap<>();
        p.put("person", form.personId());
        p.put("commune", person.communeCode());
        p.put("village", person.villageId());
        p.put("subject", subject);
        p.put("vaccinated", vaccinated);
        p.put("group", blank(form.group()) ? null : form.group().strip());
        p.put("arrival", form.arrivalId());
        p.put("facility", form.facilityId());
        p.put("approvedBy", home ? form.homeApprovedBy().strip() : null);
        p.put("start", form.start());
        p.put("end", end);
        p.put("homeUntil", homeUntil);
        p.put("selfUntil", selfUntil);
        p.put("tests", policy.testDays().toArray(Integer[]::new));
        p.put("policy", policy.id());
        p.put("document", policy.document());
        p.put("over", overReason);
        p.put("user", user.username());
        long id = jdbc.sql("""
                insert into quarantine_stay (person_id, commune_code, village_id, subject, vaccinated, group_name, arrival_id,
                    facility_id, home_approved_by, start_on, end_on, home_monitoring_until, self_monitoring_until, test_days,
                    policy_id, policy_document, over_capacity_reason, created_by)
                values (:person, :commune, :village, :subject, :vaccinated, :group, :arrival, :facility, :approvedBy, :start,
                    :end, :homeUntil, :selfUntil, :tests, :policy, :document, :over, :user)
                returning id""").params(p).query(Long.class).single();
        // The movement's reason is history kept in the register's language (Vietnamese), not a text of the UI.
        stays.move(id, form.facilityId(), form.start(), home ? "Cách ly tại nhà, phê duyệt: " + form.homeApprovedBy().strip() : "Tiếp nhận",
                overReason, user);
        audit.record("ADMIT", "quarantine_stay", id, form.personId(), Map.of("policy", policy.document(),
                "vaccinated", vaccinated + (vaccination.document() == null ? "" : " (" + vaccination.document() + ")"),
                "facilityId", String.valueOf(form.facilityId()), "start", form.start().toString(), "end", end.toString()));
        return stays.detail(stays.byId(id));
    }

    /** Recovered from a case within the days the recovery rule in force on the day allows (quarantine_recovery_rule). */
    boolean recovered(long personId, LocalDate day) {
        return jdbc.sql("""
                select exists (select from case_card c join quarantine_recovery_rule r
                                 on r.valid_from <= :day and (r.valid_to is null or r.valid_to >= :day)
                               where c.person_id = :person and c.status = 'RECOVERED'
                                 and c.outcome_on <= :day and c.outcome_on > :day - r.within_days)""")
                .param("person", personId).param("day", day).query(Boolean.class).single();
    }

    /** Refuses (409) a full facility unless a reason to go over its capacity is given; returns that reason. */
    String capacity(Facility f, String overReason) {
        if (!f.active()) {
            throw new ConflictException(messages.get("quarantine.facility.inactive", f.name()), "facilityId", Map.of("facilityId", f.id()));
        }
        if (f.occupied() < f.capacity()) return null;
        if (blank(overReason)) {
            throw new ConflictException(messages.get("quarantine.facility.full", f.name(), String.valueOf(f.occupied()),
                    String.valueOf(f.capacity())),
                    "facilityId", Map.of("facilityId", f.id(), "capacity", f.capacity(), "occupied", f.occupied()));
        }
        return overReason.strip();
    }
}

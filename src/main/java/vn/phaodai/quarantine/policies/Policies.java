package vn.phaodai.quarantine.policies;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quarantine policy table: who (F1, arrivals from abroad, from another province), on which vaccination
 * condition, from which start day, is quarantined how long, where, with which test days. Data, edited by the
 * provincial health department; a stay keeps the figures of the policy it started under.
 */
@Service
public class Policies {

    public static final Set<String> SUBJECTS = Set.of("F1", "ARRIVAL_ABROAD", "ARRIVAL_PROVINCE");
    static final Set<String> VACCINATIONS = Set.of("ANY", "VACCINATED", "UNVACCINATED");
    static final Set<String> PLACES = Set.of("FACILITY", "HOME", "NONE");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public record Policy(long id, String subject, String vaccination, LocalDate validFrom, LocalDate validTo, String place,
                         int quarantineDays, int homeMonitoringDays, int selfMonitoringDays, List<Integer> testDays,
                         String document, String note, String updatedBy) {
    }

    /** The body of POST and PUT /api/v1/quarantine/policies. */
    public record PolicyForm(String subject, String vaccination, LocalDate validFrom, LocalDate validTo, String place,
                             Integer quarantineDays, Integer homeMonitoringDays, Integer selfMonitoringDays,
                             List<Integer> testDays, String document, String note) {
    }

    static final RowMapper<Policy> POLICY = (rs, i) -> new Policy(rs.getLong("id"), rs.getString("subject"),
            rs.getString("vaccination"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
            rs.getString("place"), rs.getInt("quarantine_days"), rs.getInt("home_monitoring_days"),
            rs.getInt("self_monitoring_days"), Arrays.asList((Integer[]) rs.getArray("test_days").getArray()),
            rs.getString("document"), rs.getString("note"), rs.getString("updated_by"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    Policies(JdbcClient jdbc, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    /** Every policy, by subject and start: readable by whoever reads quarantine. */
    public List<Policy> list() {
        CurrentUser.require(Right.QUARANTINE_READ);
        return jdbc.sql("select * from quarantine_policy order by subject, valid_from, vaccination").query(POLICY).list();
    }

    public Policy get(long id) {
        CurrentUser.require(Right.QUARANTINE_READ);
        return find(id).orElseThrow(() -> new NotFoundException(messages.get("quarantine.policy.notFound", String.valueOf(id))));
    }

    /**
     * The policy for a stay of that subject starting that day: the one for the person's vaccination if the
     * period distinguishes it, else the one for everybody. Unknown vaccination counts as not vaccinated.
     */
    public Optional<Policy> applicable(String subject, boolean vaccinated, LocalDate start) {
        return jdbc.sql("""
                select * from quarantine_policy
                where subject = :subject and valid_from <= :day and (valid_to is null or valid_to >= :day)
                  and vaccination in ('ANY', :vaccination)
                order by valid_from desc, (vaccination = 'ANY') limit 1""")
                .param("subject", subject).param("day", start).param("vaccination", vaccinated ? "VACCINATED" : "UNVACCINATED")
                .query(POLICY).optional();
    }

    /**
     * A new policy from its effective day. The policy of the same subject and vaccination in force then ends
     * the day before: stays that started earlier keep theirs. A policy starting on or after the new one's
     * start is a conflict (edit it instead).
     */
    @Transactional
    public Policy create(PolicyForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_POLICY_ADMIN);
        validate(form);
        String vaccination = form.vaccination() == null ? "ANY" : form.vaccination();
        jdbc.sql("lock table quarantine_policy in share row exclusive mode").update();
        List<Long> later = jdbc.sql("""
                select id from quarantine_policy where subject = :subject and vaccination = :vaccination and valid_from >= :from
                  and (cast(:to as date) is null or valid_from <= :to)""")
                .param("subject", form.subject()).param("vaccination", vaccination).param("from", form.validFrom())
                .param("to", form.validTo())
                .query(Long.class).list();
        if (!later.isEmpty()) {
            throw new ConflictException(messages.get("quarantine.policy.overlap", form.validFrom().format(DAY),
                    String.valueOf(later.get(0))), "validFrom", Map.of("policyId", later.get(0)));
        }
        jdbc.sql("""
                update quarantine_policy set valid_to = :before, updated_by = :user, updated_at = now()
                where subject = :subject and vaccination = :vaccination and valid_from < :from
                  and (valid_to is null or valid_to >= :from)""")
                .param("before", form.validFrom().minusDays(1)).param("user", user.username())
                .param("subject", form.subject()).param("vaccination", vaccination).param("from", form.validFrom()).update();
        long id = jdbc.sql("""
                insert into quarantine_policy (subject, vaccination, valid_from, valid_to, place, quarantine_days,
                    home_monitoring_days, self_monitoring_days, test_days, document, note, updated_by)
                values (:subject, :vaccination, :from, :to, :place, :days, :home, :self, :tests, :document, :note, :user)
                returning id""").params(params(form, vaccination, user)).query(Long.class).single();
        audit.record("CREATE", "quarantine_policy", id, null, form);
        return find(id).orElseThrow();
    }

    /** Corrects a policy's figures; stays already started keep the figures they were given. */
    @Transactional
    public Policy update(long id, PolicyForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_POLICY_ADMIN);
        Policy before = find(id).orElseThrow(() -> new NotFoundException(messages.get("quarantine.policy.notFound", String.valueOf(id))));
        validate(form);
        String vaccination = form.vaccination() == null ? "ANY" : form.vaccination();
        Map<String, Object> p = params(form, vaccination, user);
        p.put("id", id);
        jdbc.sql("""
                update quarantine_policy set subject = :subject, vaccination = :vaccination, valid_from = :from, valid_to = :to,
                    place = :place, quarantine_days = :days, home_monitoring_days = :home, self_monitoring_days = :self,
                    test_days = :tests, document = :document, note = :note, updated_by = :user, updated_at = now()
                where id = :id""").params(p).update();
        audit.record("UPDATE", "quarantine_policy", id, null, Map.of("before", before, "after", form));
        return find(id).orElseThrow();
    }

    private Optional<Policy> find(long id) {
        return jdbc.sql("select * from quarantine_policy where id = ?").param(id).query(POLICY).optional();
    }

    private static Map<String, Object> params(PolicyForm form, String vaccination, PhaodaiUser user) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("subject", form.subject());
        p.put("vaccination", vaccination);
        p.put("from", form.validFrom());
        p.put("to", form.validTo());
        p.put("place", form.place());
        p.put("days", form.quarantineDays());
        p.put("home", form.homeMonitoringDays() == null ? 0 : form.homeMonitoringDays());
        p.put("self", form.selfMonitoringDays() == null ? 0 : form.selfMonitoringDays());
        p.put("tests", new TreeSet<>(form.testDays() == null ? List.of() : form.testDays()).toArray(Integer[]::new));
        p.put("document", form.document().strip());
        p.put("note", form.note() == null || form.note().isBlank() ? null : form.note().strip());
        p.put("user", user.username());
        return p;
    }

    private void validate(PolicyForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.subject() == null || !SUBJECTS.contains(f.subject())) {
            errors.add(new FieldError("subject", messages.get("quarantine.subject.invalid")));
        }
        if (f.vaccination() != null && !VACCINATIONS.contains(f.vaccination())) {
            errors.add(new FieldError("vaccination", messages.get("quarantine.policy.vaccination.invalid")));
        }
        if (f.validFrom() == null) errors.add(new FieldError("validFrom", messages.get("quarantine.policy.validFrom.required")));
        if (f.validFrom() != null && f.validTo() != null && f.validTo().isBefore(f.validFrom())) {
            errors.add(new FieldError("validTo", messages.get("quarantine.policy.validTo.beforeFrom")));
        }
        if (f.place() == null || !PLACES.contains(f.place())) {
            errors.add(new FieldError("place", messages.get("quarantine.policy.place.invalid")));
        }
        if (f.quarantineDays() == null || f.quarantineDays() < 0 || f.quarantineDays() > 60) {
            errors.add(new FieldError("quarantineDays", messages.get("quarantine.policy.quarantineDays.range")));
        } else if ("NONE".equals(f.place()) != (f.quarantineDays() == 0)) {
            errors.add(new FieldError("quarantineDays", messages.get("quarantine.policy.quarantineDays.none")));
        }
        for (String field : List.of("homeMonitoringDays", "selfMonitoringDays")) {
            Integer v = field.equals("homeMonitoringDays") ? f.homeMonitoringDays() : f.selfMonitoringDays();
            if (v != null && (v < 0 || v > 60)) errors.add(new FieldError(field, messages.get("quarantine.policy.monitoringDays.range")));
        }
        if (f.testDays() != null) {
            for (Integer d : f.testDays()) {
                if (d == null || d < 1 || (f.quarantineDays() != null && d > Math.max(1, f.quarantineDays()))) {
                    errors.add(new FieldError("testDays", messages.get("quarantine.policy.testDays.range")));
                    break;
                }
            }
        }
        if (f.document() == null || f.document().isBlank()) errors.add(new FieldError("document", messages.get("quarantine.policy.document.required")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
    }
}

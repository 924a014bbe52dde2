package vn.phaodai.homecare.isolation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.cases.CaseForms;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.homecare.readings.Readings;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Placing a case at home: eligibility by the rule in force that day, recorded with its reasons. An
 * ineligible case goes home only on an officer's override with a reason; the case's care setting changes
 * with the placement.
 */
@Service
public class Placements {

    /** What the officer states beyond the record, and the reason when overriding. */
    public record PlacementForm(String on, Integer breathingRate, Integer spo2, Boolean comorbidityStable, Boolean canSelfCare,
                                Boolean hasCarer, String overrideReason) {
    }

    public record Placement(long id, long caseId, LocalDate on, boolean eligible, List<String> reasons, String rule, String overrideReason,
                            String placedBy, OffsetDateTime placedAt) {
    }

    private final JdbcClient jdbc;
    private final Eligibility eligibility;
    private final Cases cases;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Readings readings;
    private final ApplicationClock clock;
    private final Messages messages;

    Placements(JdbcClient jdbc, Eligibility eligibility, Cases cases, AuditLog audit, JsonMapper json, Readings readings, ApplicationClock clock,
               Messages messages) {
        this.messages = messages;
        this.clock = clock;
        this.readings = readings;
        this.jdbc = jdbc;
        this.eligibility = eligibility;
        this.cases = cases;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public Placement place(long caseId, PlacementForm form) {
        CurrentUser.require(Right.HOME_CARE_WRITE);
        String placedBy = CurrentUser.require(Right.CASE_WRITE).username();
        LocalDate on = day(form.on());
        var implausible = readings.implausible(form.spo2(), form.breathingRate());
        if (!implausible.isEmpty()) throw new InvalidInputException(implausible);
        CovidCase c = cases.get(caseId); // 404 outside the jurisdiction
        if (!c.active()) throw new ConflictException(messages.get("homecare.caseEndedWithStatus", c.status()), "status", Map.of());
        Eligibility.Facts facts = new Eligibility.Facts(on, form.breathingRate(), form.spo2(), form.comorbidityStable(), form.canSelfCare(),
                form.hasCarer());
        Eligibility.Answer answer = eligibility.evaluate(caseId, facts);
        String reason = form.overrideReason() == null || form.overrideReason().isBlank() ? null : form.overrideReason().strip();
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("overrideReason", messages.get("homecare.placing.overrideTooLong"));
        }
        if (!answer.eligible() && reason == null) {
            throw new ConflictException(messages.get("homecare.placing.notEligible", answer.rule(), String.join("; ", answer.reasons())),
                    "overrideReason",
                    Map.of("reasons", answer.reasons(), "rule", answer.rule()));
        }
        String override = answer.eligible() ? null : reason;
        Map<String, Object> stated = new HashMap<>();
        stated.put("breathingRate", answer.breathingRate());
        stated.put("spo2", answer.spo2());
        stated.put("comorbidityStable", form.comorbidityStable());
        stated.put("canSelfCare", form.canSelfCare());
        stated.put("hasCarer", form.hasCarer());
        long id = jdbc.sql("""
                insert into home_placement (case_id, placed_on, rule, eligible, reasons, facts, override_reason, placed_by)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
                .params(caseId, on, answer.rule(), answer.eligible(), answer.reasons().toArray(String[]::new), json.writeValueAsString(stated),
                        override, placedBy).query(Long.class).single();
        if (!"HOME".equals(c.careSetting())) {
            String at = on.equals(clock.today()) ? null : on.atTime(12, 0).toString();
            cases.transfer(caseId, new CaseForms.Transfer("HOME", null, null, at,
                    override == null ? messages.recorded("homecare.placing.eligibleNote") : messages.recorded("homecare.placing.overrideNote", override)));
        }
        audit.record("HOME_PLACEMENT", "case", caseId, c.personId(), override == null ? Map.of("eligible", true)
                : Map.of("eligible", false, "override", override, "reasons", answer.reasons()));
        return jdbc.sql("select * from home_placement where id = ?").param(id).query(this::row).single();
    }

    /** The case's placements, newest first. */
    public List<Placement> ofCase(long caseId) {
        Readings.CaseAtHome c = readings.caseAtHome(caseId, CurrentUser.require(Right.HOME_CARE_READ).scope());
        audit.recordShown("home_placement", Map.of("case", caseId), List.of(c.personId()));
        return jdbc.sql("select * from home_placement where case_id = ? order by placed_at desc, id desc").param(caseId).query(this::row).list();
    }

    private Placement row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Placement(rs.getLong("id"), rs.getLong("case_id"), rs.getObject("placed_on", LocalDate.class), rs.getBoolean("eligible"),
                List.of((String[]) rs.getArray("reasons").getArray()), rs.getString("rule"), rs.getString("override_reason"),
                rs.getString("placed_by"), rs.getObject("placed_at", OffsetDateTime.class));
    }

    private LocalDate day(String on) {
        if (on == null || on.isBlank()) return clock.today();
        try {
            LocalDate d = LocalDate.parse(on.strip());
            if (d.isAfter(clock.today())) throw new InvalidInputException("on", messages.get("homecare.placing.futureDay"));
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("on", messages.get("homecare.placing.invalidDay", on));
        }
    }
}

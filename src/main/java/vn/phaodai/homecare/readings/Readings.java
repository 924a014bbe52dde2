package vn.phaodai.homecare.readings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring log of an F0: each reading is checked against the warning signs of the patient's age band
 * at once, and a reading with signs raises (or raises further) the case's open alert.
 */
@Service
public class Readings {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A body temperature a thermometer can plausibly read on a living patient: outside it, a typing slip (45 for 35). */
    /** The time of an HTML datetime-local field, as the form sends it back. */
    private static final java.time.format.DateTimeFormatter FORM_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static final BigDecimal MIN_TEMPERATURE = new BigDecimal("34.0");
    static final BigDecimal MAX_TEMPERATURE = new BigDecimal("42.0");

    /** A recorded reading and what it raised. */
    public record Recorded(long readingId, long caseId, OffsetDateTime takenAt, List<String> signs, int severity, String band,
                           String rule, Long alertId, boolean repeated) {
    }

    /** The case as the log needs it. */
    public record CaseAtHome(long id, long personId, String status, String communeCode, Long villageId, LocalDate dateOfBirth,
                      int birthYear) {
        int ageMonths(LocalDate on) {
            LocalDate born = dateOfBirth != null ? dateOfBirth : LocalDate.of(birthYear, 7, 1);
            return (int) Math.max(0, ChronoUnit.MONTHS.between(born, on));
        }
    }

    private final JdbcClient jdbc;
    private final WarningSigns warningSigns;
    private final AuditLog audit;
    private final ApplicationClock clock;
    private final Messages messages;

    Readings(JdbcClient jdbc, WarningSigns warningSigns, AuditLog audit, ApplicationClock clock, Messages messages) {
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.warningSigns = warningSigns;
        this.audit = audit;
    }

    @Transactional
    public Recorded record(long caseId, ReadingForm form) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        CaseAtHome c = caseAtHome(caseId, user.scope());
        return record(c, form, user.username());
    }

    /** Records for a case already checked (the patient's own link checks its token instead of a user). */
    public Recorded record(CaseAtHome c, ReadingForm form, String enteredBy) {
        if (!"ACTIVE".equals(c.status())) throw new ConflictException(messages.get("homecare.reading.caseEnded"), "caseId", Map.of());
        OffsetDateTime takenAt = validate(form);
        WarningSigns.Assessment a = warningSigns.assess(takenAt.atZoneSameInstant(VIETNAM).toLocalDate(),
                c.ageMonths(takenAt.atZoneSameInstant(VIETNAM).toLocalDate()), form);
        Long inserted = jdbc.sql("""
                insert into reading (case_id, commune_code, village_id, taken_at, temperature, spo2, breathing_rate, pulse, systolic,
                                     diastolic, symptoms, signs, entered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id, taken_at) do nothing returning id""")
                .params(c.id(), c.communeCode(), c.villageId(), takenAt, form.temperature(), form.spo2(), form.breathingRate(),
                        form.pulse(), form.systolic(), form.diastolic(), symptoms(form).toArray(String[]::new),
                        a.signs().toArray(String[]::new), enteredBy)
                .query(Long.class).optional().orElse(null);
        if (inserted == null) {
            // The same reading sent again (a retry from a phone on 3G): nothing new.
            long existing = jdbc.sql("select id from reading where case_id = ? and taken_at = ?").params(c.id(), takenAt)
                    .query(Long.class).single();
            Long alert = jdbc.sql("select id from alert where reading_id = ?").param(existing).query(Long.class).optional().orElse(null);
            return new Recorded(existing, c.id(), takenAt, a.signs(), a.severity(), a.band(), a.document(), alert, true);
        }
        long readingId = inserted;
        Long alertId = a.signs().isEmpty() ? null : raise(c, readingId, a);
        audit.record("READING", "case", c.id(), c.personId(), Map.of("signs", a.signs()));
        return new Recorded(readingId, c.id(), takenAt, a.signs(), a.severity(), a.band(), a.document(), alertId, false);
    }

    /** One open alert per case: a new reading with signs raises it further rather than adding another (one statement: two readings at once cannot open two). */
    private long raise(CaseAtHome c, long readingId, WarningSigns.Assessment a) {
        return jdbc.sql("""
                insert into alert (case_id, reading_id, commune_code, village_id, severity, signs)
                values (?, ?, ?, ?, ?, ?)
                on conflict (case_id) where status <> 'RESOLVED' do update
                    set reading_id = excluded.reading_id, severity = greatest(alert.severity, excluded.severity),
                        signs = array(select distinct unnest(alert.signs || excluded.signs))
                returning id""")
                .params(c.id(), readingId, c.communeCode(), c.villageId(), a.severity(), a.signs().toArray(String[]::new))
                .query(Long.class).single();
    }

    public CaseAtHome caseAtHome(long caseId, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", caseId);
        return jdbc.sql("""
                select c.id, c.person_id, c.status, c.commune_code, c.village_id, p.date_of_birth, p.birth_year
                from case_card c join person_card p on p.id = c.person_id
                where c.id = :id and """ + " " + scope.condition("c.commune_code", "c.village_id")).params(p)
                .query((rs, i) -> new CaseAtHome(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
                        rs.getObject(6, LocalDate.class), rs.getInt(7)))
                .optional().orElseThrow(() -> new NotFoundException(messages.get("homecare.caseNotFound", String.valueOf(caseId))));
    }

    /** Whose log a new reading goes to, and the time it is taken by default (now, on the application clock). */
    public record Whose(long caseId, String fullName, int birthYear, String now) {
    }

    /** For the reading form's heading: the case within the user's area (else 404), the person's name shown (audited). */
    public Whose whose(long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("id", caseId);
        Whose w = jdbc.sql("""
                select c.id, p.full_name, p.birth_year, c.person_id
                from case_card c join person_card p on p.id = c.person_id
                where c.id = :id and """ + " " + user.scope().condition("c.commune_code", "c.village_id")).params(p)
                .query((rs, i) -> {
                    audit.recordShown("reading", Map.of("case", caseId), List.of(rs.getLong(4)));
                    return new Whose(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            clock.now().atZoneSameInstant(VIETNAM).toLocalDateTime().format(FORM_TIME));
                })
                .optional().orElseThrow(() -> new NotFoundException(messages.get("homecare.caseNotFound", String.valueOf(caseId))));
        return w;
    }

    /** A reading as stored. */
    public record Reading(long id, OffsetDateTime takenAt, BigDecimal temperature, Integer spo2, Integer breathingRate, Integer pulse,
                          Integer systolic, Integer diastolic, List<String> symptoms, List<String> signs, String enteredBy) {
    }

    public List<Reading> ofCase(long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        CaseAtHome c = caseAtHome(caseId, user.scope());
        audit.recordShown("reading", Map.of("case", caseId), List.of(c.personId()));
        return jdbc.sql("select * from reading where case_id = ? order by taken_at desc").param(caseId)
                .query((rs, i) -> new Reading(rs.getLong("id"), rs.getObject("taken_at", OffsetDateTime.class),
                        rs.getBigDecimal("temperature"), (Integer) rs.getObject("spo2"), (Integer) rs.getObject("breathing_rate"),
                        (Integer) rs.getObject("pulse"), (Integer) rs.getObject("systolic"), (Integer) rs.getObject("diastolic"),
                        List.of((String[]) rs.getArray("symptoms").getArray()), List.of((String[]) rs.getArray("signs").getArray()),
                        rs.getString("entered_by"))).list();
    }

    private OffsetDateTime validate(ReadingForm f) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime at = null;
        if (f.takenAt() == null || f.takenAt().isBlank()) {
            at = clock.now().withNano(0);
        } else {
            try {
                at = OffsetDateTime.parse(f.takenAt());
            } catch (DateTimeParseException e) {
                try {
                    at = LocalDateTime.parse(f.takenAt()).atZone(VIETNAM).toOffsetDateTime();
                } catch (DateTimeParseException e2) {
                    errors.add(new FieldError("takenAt", messages.get("homecare.reading.invalidTime", f.takenAt())));
                }
            }
        }
        if (at != null && at.isAfter(clock.now().plusMinutes(10))) errors.add(new FieldError("takenAt", messages.get("homecare.reading.futureTime")));
        range(errors, "spo2", f.spo2(), 50, 100, "homecare.reading.label.spo2");
        range(errors, "breathingRate", f.breathingRate(), 5, 120, "homecare.reading.label.breathingRate");
        range(errors, "pulse", f.pulse(), 20, 250, "homecare.reading.label.pulse");
        range(errors, "systolic", f.systolic(), 40, 260, "homecare.reading.label.systolic");
        range(errors, "diastolic", f.diastolic(), 20, 180, "homecare.reading.label.diastolic");
        if (f.temperature() != null && (f.temperature().compareTo(MIN_TEMPERATURE) < 0 || f.temperature().compareTo(MAX_TEMPERATURE) > 0)) {
            errors.add(new FieldError("temperature", messages.get("homecare.reading.temperatureRange")));
        }
        if (f.symptoms() != null) {
            for (String s : f.symptoms()) {
                if (!ReadingForm.SYMPTOMS.contains(s)) errors.add(new FieldError("symptoms", messages.get("homecare.reading.invalidSymptom", s)));
            }
        }
        if (f.spo2() == null && f.breathingRate() == null && f.pulse() == null && f.temperature() == null && f.systolic() == null
                && (f.symptoms() == null || f.symptoms().isEmpty())) {
            errors.add(new FieldError("spo2", messages.get("homecare.reading.nothing")));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return at;
    }

    /** SpO2 and breathing rate typed elsewhere (the placement's facts) within the same plausible ranges as a reading's. */
    public List<FieldError> implausible(Integer spo2, Integer breathingRate) {
        List<FieldError> errors = new ArrayList<>();
        range(errors, "spo2", spo2, 50, 100, "homecare.reading.label.spo2");
        range(errors, "breathingRate", breathingRate, 5, 120, "homecare.reading.label.breathingRate");
        return errors;
    }

    private void range(List<FieldError> errors, String field, Integer v, int min, int max, String labelKey) {
        if (v != null && (v < min || v > max)) {
            errors.add(new FieldError(field, messages.get("homecare.reading.range", messages.get(labelKey), String.valueOf(min), String.valueOf(max))));
        }
    }

    private static List<String> symptoms(ReadingForm f) {
        return f.symptoms() == null ? List.of() : f.symptoms();
    }
}

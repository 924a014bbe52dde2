package vn.phaodai.tracing.contacts;

import vn.phaodai.tracing.Tiers;
import vn.phaodai.tracing.TracingChecks;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.phaodai.population.PersonForm;
import vn.phaodai.population.Persons;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contacts: who was close to whom, when and how. Recorded one at a time (idempotent on source, exposed and
 * day), as a case's quick list of lines (an existing person, or a new one registered through the registry
 * with its duplicate detection), or from a file. Each change recomputes the tiers it can reach.
 */
@Service
public class Contacts {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final List<String> SETTINGS = List.of("HOUSEHOLD", "WORKPLACE", "SCHOOL", "MARKET", "VEHICLE", "HEALTH_CARE", "OTHER");
    public static final List<String> PROXIMITIES = List.of("PHYSICAL", "WITHIN_1M", "WITHIN_2M", "SAME_CLOSED_SPACE", "CARE_WITHOUT_PROTECTION");

    /** A contact as sent by a client. Dates ISO or dd/MM/yyyy. */
    public record ContactForm(Long sourcePersonId, Long exposedPersonId, String exposureDate, String lastExposureDate, String setting,
                              Boolean masked, Integer durationMinutes, String proximity, String place, Long clusterId) {
    }

    /** A recorded contact; {@code created} false when the same contact was already there. */
    public record Contact(long id, long sourcePersonId, long exposedPersonId, LocalDate exposureDate, LocalDate lastExposureDate,
                          String setting, String proximity, Integer durationMinutes, boolean masked, String place, Long clusterId,
                          String recordedBy, boolean created) {
    }

    /** The details shared by the lines of a quick entry. */
    public record Details(String exposureDate, String lastExposureDate, String setting, Boolean masked, Integer durationMinutes,
                          String proximity, String place) {
    }

    /** One line of a quick entry: an existing person's id, or a new person. */
    public record Line(Long personId, String fullName, Integer birthYear, String sex, String phone, String communeCode, Long villageId,
                       String nationalId) {
    }

    /** The quick entry of a case: shared details and lines. */
    public record Batch(Details details, List<Line> lines) {
    }

    /**
     * What became of a line: its person (new or existing) and contact, or why it was refused; for a recorded one what
     * the person became (F1, F2, F0 or NONE) and, when not an F1 of the case, why ({@link F1Verdicts}).
     */
    public record LineOutcome(int line, Long personId, Long contactId, String status, String message, String became, String why) {

        LineOutcome(int line, Long personId, Long contactId, String status, String message) {
            this(line, personId, contactId, status, message, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final Tiers tiers;
    private final Persons persons;
    private final AuditLog audit;
    /** A savepoint per registered person: a refused one (a duplicate) must not doom the whole entry. */
    private final TransactionTemplate nested;
    private final ApplicationClock clock;
    private final TracingChecks checks;
    private final Messages messages;
    private final F1Verdicts verdicts;

    Contacts(JdbcClient jdbc, Tiers tiers, Persons persons, AuditLog audit, PlatformTransactionManager transactions, ApplicationClock clock,
             TracingChecks checks, Messages messages, F1Verdicts verdicts) {
        this.verdicts = verdicts;
        this.checks = checks;
        this.messages = messages;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.persons = persons;
        this.audit = audit;
    }

    @Transactional
    public Contact record(ContactForm form) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        Contact c = insert(form, user);
        tiers.recompute(List.of(c.exposedPersonId()), 1);
        return c;
    }

    /** The lines of a case's quick entry, each recorded or refused on its own; the tiers once at the end. */
    @Transactional
    public List<LineOutcome> recordLines(long caseId, Batch batch) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        long source = checks.requireCase(caseId, user.scope());
        String caseCommune = jdbc.sql("select commune_code from case_card where id = ?").param(caseId).query(String.class).single();
        if (batch.lines() == null || batch.lines().isEmpty()) throw new InvalidInputException("lines", messages.get("tracing.lines.none"));
        Details d = batch.details() == null ? new Details(null, null, null, null, null, null, null) : batch.details();
        // The shared details are checked once, before any person is registered.
        check(new ContactForm(source, -1L, d.exposureDate(), d.lastExposureDate(), d.setting(), d.masked(), d.durationMinutes(),
                d.proximity(), d.place(), null), true);
        List<LineOutcome> out = new ArrayList<>();
        Set<Long> exposed = new LinkedHashSet<>();
        for (int i = 0; i < batch.lines().size(); i++) {
            Line line = batch.lines().get(i);
            int n = i + 1;
            try {
                Long person = line.personId();
                String status = "EXISTING_PERSON";
                if (person == null) {
                    Long found = existingOrNew(line, caseCommune);
                    status = found < 0 ? "NEW_PERSON" : "EXISTING_PERSON";
                    person = Math.abs(found);
                }
                Contact c = insert(new ContactForm(source, person, d.exposureDate(), d.lastExposureDate(), d.setting(), d.masked(),
                        d.durationMinutes(), d.proximity(), d.place(), null), user);
                exposed.add(person);
                out.add(new LineOutcome(n, person, c.id(), c.created() ? status : "UNCHANGED", null));
            } catch (InvalidInputException e) {
                out.add(new LineOutcome(n, line.personId(), null, "REJECTED",
                        String.join("; ", e.errors().stream().map(FieldError::message).toList())));
            } catch (NotFoundException | ConflictException | AccessDeniedException e) {
                out.add(new LineOutcome(n, line.personId(), null, "REJECTED", e.getMessage()));
            }
        }
        tiers.recompute(exposed, 1);
        return out.stream().map(o -> {
            if (o.contactId() == null) return o;
            F1Verdicts.Verdict v = verdicts.of(caseId, o.personId(), o.contactId());
            return new LineOutcome(o.line(), o.personId(), o.contactId(), o.status(), o.message(), v.became(), v.why());
        }).toList();
    }

    /**
     * A new person's id as a negative number, or an existing person as positive: the same ID number, or (the ID number
     * is optional: a field F1 is a name, a birth year and a phone) the same name, birth year, commune and phone.
     */
    Long existingOrNew(Line line, String defaultCommune) {
        if (line.fullName() == null || line.fullName().isBlank()) throw new InvalidInputException("fullName", messages.get("tracing.lines.personOrName.required"));
        String sex = line.sex() == null ? null : switch (line.sex().strip().toLowerCase()) {
            case "nam", "male", "m" -> "MALE";
            case "nữ", "nu", "female", "f" -> "FEMALE";
            default -> line.sex();
        };
        PersonForm form = new PersonForm(line.fullName(), sex, null, line.birthYear(), blankToNull(line.nationalId()), line.phone(),
                line.communeCode() == null || line.communeCode().isBlank() ? defaultCommune : line.communeCode().strip(), line.villageId(), null, null, null, null, null, false, List.of(), null);
        try {
            return -nested.execute(status -> persons.create(form).person().id());
        } catch (ConflictException e) {
            Object existing = e.details().get("existingPersonId");
            if (existing instanceof Number id) return id.longValue();
            throw e;
        }
    }

    Contact insert(ContactForm form, PhaodaiUser user) {
        Checked c = check(form, false);
        Scope scope = user.scope();
        checks.requirePerson(form.sourcePersonId(), scope);
        // Both persons must be in the tracer's area: a contact makes its person an F1, a write on that person. A
        // person outside it is answered as a missing one; the tracer of the person's own commune records it.
        checks.requirePerson(form.exposedPersonId(), scope);
        if (form.clusterId() != null && jdbc.sql("select count(*) from cluster where id = ?").param(form.clusterId()).query(Long.class).single() == 0) {
            throw new InvalidInputException("clusterId", messages.get("tracing.cluster.notFound", String.valueOf(form.clusterId())));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("source", form.sourcePersonId());
        p.put("exposed", form.exposedPersonId());
        p.put("date", c.date);
        p.put("last", c.last);
        p.put("place", blankToNull(form.place()));
        p.put("setting", c.setting);
        p.put("proximity", c.proximity);
        p.put("minutes", form.durationMinutes());
        p.put("masked", Boolean.TRUE.equals(form.masked()));
        p.put("cluster", form.clusterId());
        p.put("user", user.username());
        Long created = jdbc.sql("""
                insert into contact (source_person_id, exposed_person_id, exposure_date, last_exposure_date, place, setting, proximity,
                                     duration_minutes, masked, cluster_id, recorded_by)
                values (:source, :exposed, :date, :last, :place, :setting, :proximity, :minutes, :masked, :cluster, :user)
                on conflict (source_person_id, exposed_person_id, exposure_date) do nothing
                returning id""").params(p).query(Long.class).optional().orElse(null);
        Contact contact = jdbc.sql("select * from contact where source_person_id = :source and exposed_person_id = :exposed and exposure_date = :date")
                .params(p).query((rs, i) -> new Contact(rs.getLong("id"), rs.getLong("source_person_id"), rs.getLong("exposed_person_id"),
                        rs.getObject("exposure_date", LocalDate.class), rs.getObject("last_exposure_date", LocalDate.class),
                        rs.getString("setting"), rs.getString("proximity"), (Integer) rs.getObject("duration_minutes"),
                        rs.getBoolean("masked"), rs.getString("place"), (Long) rs.getObject("cluster_id"), rs.getString("recorded_by"),
                        created != null)).single();
        if (created != null) {
            audit.record("CREATE", "contact", created, form.exposedPersonId(), Map.of("source", form.sourcePersonId(),
                    "exposureDate", c.date.toString(), "proximity", c.proximity));
        }
        return contact;
    }

    private record Checked(LocalDate date, LocalDate last, String setting, String proximity) {
    }

    private Checked check(ContactForm form, boolean detailsOnly) {
        List<FieldError> errors = new ArrayList<>();
        if (!detailsOnly) {
            if (form.sourcePersonId() == null) errors.add(new FieldError("sourcePersonId", messages.get("tracing.contact.source.required")));
            if (form.exposedPersonId() == null) errors.add(new FieldError("exposedPersonId", messages.get("tracing.contact.exposed.required")));
            if (form.sourcePersonId() != null && form.sourcePersonId().equals(form.exposedPersonId())) {
                errors.add(new FieldError("exposedPersonId", messages.get("tracing.contact.sameAsSource")));
            }
        }
        LocalDate date = checks.date(errors, "exposureDate", form.exposureDate(), true);
        LocalDate last = checks.date(errors, "lastExposureDate", form.lastExposureDate(), false);
        if (date != null && date.isAfter(clock.today())) errors.add(new FieldError("exposureDate", messages.get("tracing.contact.exposureDate.future")));
        if (date != null && last != null && last.isBefore(date)) errors.add(new FieldError("lastExposureDate", messages.get("tracing.contact.lastExposureDate.beforeFirst")));
        String setting = checks.oneOf(errors, "setting", form.setting(), SETTINGS, "OTHER");
        String proximity = checks.oneOf(errors, "proximity", form.proximity(), PROXIMITIES, "WITHIN_2M");
        if (form.durationMinutes() != null && form.durationMinutes() < 0) errors.add(new FieldError("durationMinutes", messages.get("tracing.contact.durationMinutes.negative")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Checked(date, last, setting, proximity);
    }

    /** Contacts follow their persons when two records of the same person are merged. */
    @EventListener
    void on(Persons.PersonsMerged merged) {
        jdbc.sql("""
                delete from contact k where (k.source_person_id = :loser and exists (select 1 from contact o where o.source_person_id = :winner
                    and o.exposed_person_id = k.exposed_person_id and o.exposure_date = k.exposure_date))
                 or (k.exposed_person_id = :loser and exists (select 1 from contact o where o.exposed_person_id = :winner
                    and o.source_person_id = k.source_person_id and o.exposure_date = k.exposure_date))
                 or (k.source_person_id = :loser and k.exposed_person_id = :winner) or (k.source_person_id = :winner and k.exposed_person_id = :loser)""")
                .param("winner", merged.winnerId()).param("loser", merged.loserId()).update();
        jdbc.sql("update contact set source_person_id = ? where source_person_id = ?").params(merged.winnerId(), merged.loserId()).update();
        jdbc.sql("update contact set exposed_person_id = ? where exposed_person_id = ?").params(merged.winnerId(), merged.loserId()).update();
        jdbc.sql("update follow_up f set person_id = ? where person_id = ? and not exists (select 1 from follow_up o where o.person_id = ? and o.day = f.day)")
                .params(merged.winnerId(), merged.loserId(), merged.winnerId()).update();
        jdbc.sql("delete from follow_up where person_id = ?").param(merged.loserId()).update();
        jdbc.sql("delete from person_tier where person_id = ?").param(merged.loserId()).update();
        tiers.recompute(List.of(merged.winnerId()), 2);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

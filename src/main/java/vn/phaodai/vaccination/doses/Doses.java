package vn.phaodai.vaccination.doses;

import org.springframework.jdbc.core.RowMapper;
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
import vn.phaodai.vaccination.rules.DoseJudge;
import vn.phaodai.vaccination.rules.VaccinationRules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records a dose: checked field by field (400), the person inside the user's area (404 otherwise, as if missing),
 * judged by the rules in force on the day it was given (409 listing each broken rule in words with its document,
 * unless a reason is given: then kept with the rules it breaks and the reason). One dose of a kind per person: the
 * same dose sent again is the stored one, a different one of the same kind is refused.
 */
@Service
public class Doses {

    public static final List<String> REACTIONS = List.of("NONE", "MILD", "SERIOUS");
    static final int MAX_TEXT = 200;
    static final int MAX_NOTE = 500;
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A dose as sent: dates ISO (yyyy-MM-dd) or dd/MM/yyyy. */
    public record DoseInput(Long personId, String givenOn, String product, String lot, String lotExpiry, String doseKind,
                            Long pointId, String givenAt, String vaccinator, String reaction, String reactionNote,
                            String overrideReason) {
    }

    /** A dose of the registry. */
    public record Dose(long id, long personId, LocalDate givenOn, String product, String productName, String lot,
                       LocalDate lotExpiry, String doseKind, Long pointId, String pointName, String givenAt, String vaccinator,
                       String reaction, String reactionNote, String source, List<String> brokenRules, String overrideReason,
                       String recordedBy, OffsetDateTime recordedAt) {
    }

    /** The dose stored, and whether it was there already (the same dose sent again). */
    public record Recorded(Dose dose, boolean repeated) {
    }

    /** What the judge needs of a person, as the user may see them. */
    public record Subject(long id, String fullName, LocalDate birth, String communeCode, Long villageId) {
    }

    private static final String SELECT = """
            select d.*, p.name as product_name, v.name as point_name from vaccine_dose d
            join vaccine_product p on p.code = d.product_code left join vaccination_point v on v.id = d.point_id
            """;
    private static final RowMapper<Dose> DOSE = (rs, i) -> new Dose(rs.getLong("id"), rs.getLong("person_id"),
            rs.getObject("given_on", LocalDate.class), rs.getString("product_code"), rs.getString("product_name"),
            rs.getString("lot_number"), rs.getObject("lot_expiry", LocalDate.class), rs.getString("dose_kind"),
            (Long) rs.getObject("point_id"), rs.getString("point_name"), rs.getString("given_at"), rs.getString("vaccinator"),
            rs.getString("reaction"), rs.getString("reaction_note"), rs.getString("source"),
            List.of((String[]) rs.getArray("broken_rules").getArray()), rs.getString("override_reason"), rs.getString("recorded_by"),
            rs.getObject("recorded_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationClock clock;
    private final VaccinationRules rules;
    private final DoseJudge judge;

    Doses(JdbcClient jdbc, AuditLog audit, Messages messages, ApplicationClock clock, VaccinationRules rules, DoseJudge judge) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.rules = rules;
        this.judge = judge;
    }

    /** Thrown when a dose breaks rules and no reason was given: a 409 whose body lists them. */
    public static class RulesBroken extends ConflictException {
        private final transient List<DoseJudge.BrokenRule> broken;

        RulesBroken(String message, List<DoseJudge.BrokenRule> broken) {
            super(message, "overrideReason", Map.of("brokenRules", broken));
            this.broken = broken;
        }

        public List<DoseJudge.BrokenRule> broken() {
            return broken;
        }
    }

    /** Recorded by hand or through the API (source MANUAL). */
    @Transactional
    public Recorded record(DoseInput in) {
        return record(in, "MANUAL");
    }

    /** Recorded from a source: MANUAL, SESSION (a session's helper) or IMPORT. */
    @Transactional
    public Recorded record(DoseInput in, String source) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        if (in == null) throw new InvalidInputException("personId", messages.get("vaccination.dose.personId.required"));
        List<FieldError> errors = new ArrayList<>();
        if (in.personId() == null) errors.add(new FieldError("personId", messages.get("vaccination.dose.personId.required")));
        LocalDate today = clock.today();
        LocalDate givenOn = date("givenOn", in.givenOn(), true, errors);
        if (givenOn != null && givenOn.isAfter(today)) errors.add(new FieldError("givenOn", messages.get("vaccination.dose.givenOn.future")));
        if (givenOn != null && givenOn.isBefore(FIRST_DAY)) errors.add(new FieldError("givenOn", messages.get("vaccination.dose.givenOn.tooEarly")));
        VaccinationRules.Snapshot now = rules.now();
        String product = text(in.product());
        if (product == null) errors.add(new FieldError("product", messages.get("vaccination.dose.product.required")));
        else if (!now.products().containsKey(product)) errors.add(new FieldError("product", messages.get("vaccination.dose.product.unknown", product)));
        String kind = text(in.doseKind());
        if (kind == null) errors.add(new FieldError("doseKind", messages.get("vaccination.dose.doseKind.required")));
        else if (!DoseJudge.DOSE_KINDS.contains(kind)) errors.add(new FieldError("doseKind", messages.get("vaccination.dose.doseKind.unknown", kind)));
        String lot = limited("lot", in.lot(), 50, errors);
        LocalDate expiry = date("lotExpiry", in.lotExpiry(), false, errors);
        if (expiry != null && givenOn != null && expiry.isBefore(givenOn)) {
            errors.add(new FieldError("lotExpiry", messages.get("vaccination.dose.lotExpiry.expired", expiry.format(VN), givenOn.format(VN))));
        }
        String reaction = text(in.reaction()) == null ? "NONE" : text(in.reaction());
        if (!REACTIONS.contains(reaction)) errors.add(new FieldError("reaction", messages.get("vaccination.dose.reaction.unknown", reaction)));
        String reactionNote = limited("reactionNote", in.reactionNote(), MAX_NOTE, errors);
        String vaccinator = limited("vaccinator", in.vaccinator(), MAX_TEXT, errors);
        String givenAt = limited("givenAt", in.givenAt(), MAX_TEXT, errors);
        String reason = limited("overrideReason", in.overrideReason(), MAX_NOTE, errors);
        if (in.pointId() != null && !pointInScope(in.pointId(), user.scope())) {
            errors.add(new FieldError("pointId", messages.get("vaccination.dose.pointId.unknown", in.pointId())));
        }
        Subject person = in.personId() == null ? null : subject(in.personId(), user.scope());
        if (person != null && givenOn != null && givenOn.isBefore(person.birth())) {
            errors.add(new FieldError("givenOn", messages.get("vaccination.dose.givenOn.beforeBirth")));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        List<Dose> existing = ofPerson(person.id());
        for (Dose d : existing) {
            if (!d.doseKind().equals(kind)) continue;
            if (d.givenOn().equals(givenOn) && d.product().equals(product) && Objects.equals(d.lot(), lot)) return new Recorded(d, true);
            throw new ConflictException(messages.get("vaccination.dose.kindTaken", label(kind), d.givenOn().format(VN), d.productName()),
                    "doseKind", Map.of("existingDoseId", d.id()));
        }
        List<DoseJudge.BrokenRule> broken = judge.judge(now, facts(person, existing), product, kind, givenOn);
        if (!broken.isEmpty() && reason == null) {
            throw new RulesBroken(messages.get("vaccination.dose.rulesBroken", broken.size()), broken);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("person", person.id());
        p.put("givenOn", givenOn);
        p.put("product", product);
        p.put("lot", lot);
        p.put("expiry", expiry);
        p.put("kind", kind);
        p.put("point", in.pointId());
        p.put("givenAt", givenAt);
        p.put("vaccinator", vaccinator);
        p.put("reaction", reaction);
        p.put("reactionNote", reactionNote);
        p.put("source", source);
        p.put("broken", broken.stream().map(DoseJudge.BrokenRule::rule).distinct().toArray(String[]::new));
        p.put("reason", broken.isEmpty() ? null : reason);
        p.put("by", user.username());
        var id = jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, lot_number, lot_expiry, dose_kind, point_id, given_at,
                    vaccinator, reaction, reaction_note, source, broken_rules, override_reason, recorded_by)
                values (:person, :givenOn, :product, :lot, :expiry, :kind, :point, :givenAt, :vaccinator, :reaction, :reactionNote,
                    :source, :broken, :reason, :by)
                on conflict (person_id, dose_kind) do nothing returning id""").params(p).query(Long.class).optional();
        if (id.isEmpty()) return record(in, source); // a twin request stored it first: answered as a retry or a conflict
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("doseKind", kind);
        details.put("product", product);
        details.put("givenOn", givenOn.toString());
        if (!broken.isEmpty()) {
            details.put("brokenRules", p.get("broken"));
            details.put("overrideReason", reason);
        }
        audit.record("CREATE", "vaccine_dose", id.get(), person.id(), details);
        return new Recorded(find(id.get()), false);
    }

    /** A person's doses in the order given (no check: the callers have checked the person). */
    public List<Dose> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where d.person_id = ? order by d.given_on, d.dose_kind").param(personId).query(DOSE).list();
    }

    private Dose find(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(DOSE).single();
    }

    /** The person as the user may see them; missing and outside the area alike: 404. */
    public Subject subject(long personId, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", personId);
        return jdbc.sql("""
                select id, full_name, coalesce(date_of_birth, make_date(birth_year, 1, 1)) as birth, commune_code, village_id
                from person_card where id = :id and %s""".formatted(scope.condition("commune_code", "village_id")))
                .params(p).query((rs, i) -> new Subject(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), (Long) rs.getObject(5))).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("vaccination.person.notFound", String.valueOf(personId))));
    }

    /** The person's doses and infections (the confirmation days of cases not discarded), as the rules read them. */
    public DoseJudge.Facts facts(Subject person, List<Dose> doses) {
        List<LocalDate> infections = jdbc.sql("""
                select confirmed_on from case_card where person_id = ? and status <> 'DISCARDED' and confirmed_on is not null
                order by confirmed_on""").param(person.id()).query(LocalDate.class).list();
        return new DoseJudge.Facts(person.birth(), doses.stream().map(d -> new DoseJudge.GivenDose(d.doseKind(), d.product(), d.givenOn())).toList(),
                infections);
    }

    /** The vaccination points of the user's area, active ones, by commune and name. */
    public record Point(long id, String communeCode, String name, String kind) {
    }

    public List<Point> points(Scope scope) {
        return jdbc.sql("select id, commune_code, name, kind from vaccination_point where active and %s order by commune_code, name"
                        .formatted(scope.condition("commune_code", "null::bigint")))
                .params(scope.params()).query((rs, i) -> new Point(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private boolean pointInScope(long pointId, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", pointId);
        return jdbc.sql("select count(*) from vaccination_point where id = :id and %s".formatted(scope.condition("commune_code", "null::bigint")))
                .params(p).query(Long.class).single() > 0;
    }

    private String label(String kind) {
        return messages.get("vaccination.doseKind." + kind);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String limited(String field, String value, int max, List<FieldError> errors) {
        String t = text(value);
        if (t != null && t.length() > max) {
            errors.add(new FieldError(field, messages.get("vaccination.dose.tooLong", max)));
            return null;
        }
        return t;
    }

    /** ISO or dd/MM/yyyy; a missing required or unreadable date is an error of the field. */
    private LocalDate date(String field, String value, boolean required, List<FieldError> errors) {
        String t = text(value);
        if (t == null) {
            if (required) errors.add(new FieldError(field, messages.get("vaccination.dose.date.required")));
            return null;
        }
        try {
            return t.contains("/") ? LocalDate.parse(t, VN) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, messages.get("vaccination.dose.date.unreadable", t)));
            return null;
        }
    }
}

package vn.phaodai.cases;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import vn.phaodai.shared.PageResult;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Confirmed cases: the directory, a case and its changes of care, its outcome. */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Cases {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final String SELECT = """
            select c.*, p.full_name, p.sex, p.birth_year, p.date_of_birth, p.national_id, p.phone, p.address,
                   s.code as confirming_sample_code
            from covid_case c join person_card p on p.id = c.person_id
            left join sample_card s on s.id = c.confirming_sample_id
            """;
    static final RowMapper<CovidCase> CASE = (rs, i) -> new CovidCase(rs.getLong("id"), rs.getInt("version"),
            rs.getLong("person_id"), rs.getString("full_name"), rs.getString("sex"), rs.getInt("birth_year"),
            rs.getObject("date_of_birth", LocalDate.class), rs.getString("national_id"), rs.getString("phone"),
            rs.getString("address"), rs.getString("commune_code"), (Long) rs.getObject("village_id"), rs.getString("status"),
            rs.getObject("confirmed_on", LocalDate.class), rs.getString("confirming_sample_code"), rs.getString("basis"),
            rs.getString("rule_document"), rs.getString("evidence"), rs.getString("source"), rs.getBoolean("symptomatic"),
            rs.getObject("onset_date", LocalDate.class), rs.getString("severity"), rs.getString("care_setting"),
            rs.getString("facility"), strings(rs.getArray("comorbidities")), rs.getBoolean("pregnant"),
            rs.getObject("outcome_on", LocalDate.class), rs.getString("discarded_reason"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<HomeCareGate> homeCareGate;
    private final ApplicationClock clock;
    private final org.springframework.beans.factory.ObjectProvider<CareWorkers> careWorkers;
    private final Messages messages;

    Cases(JdbcClient jdbc, AuditLog audit, org.springframework.context.ApplicationEventPublisher events,
          org.springframework.beans.factory.ObjectProvider<HomeCareGate> homeCareGate,
          org.springframework.beans.factory.ObjectProvider<CareWorkers> careWorkers, ApplicationClock clock, Messages messages) {
        this.messages = messages;
        this.clock = clock;
        this.homeCareGate = homeCareGate;
        this.careWorkers = careWorkers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** The directory: filtered, newest confirmation first, one page with its total. */
    public PageResult<CovidCase> search(CaseCriteria criteria, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_READ);
        CaseCriteria.Where where = criteria.where(user.scope());
        long total = jdbc.sql("select count(*) from covid_case c join person_card p on p.id = c.person_id where " + where.sql())
                .params(where.params()).query(Long.class).single();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<CovidCase> items = jdbc.sql(SELECT + " where " + where.sql() + " order by c.confirmed_on desc, c.id desc limit :limit offset :offset")
                .params(params).query(CASE).list();
        audit.recordShown("case", criteria, items, CovidCase::personId);
        return new PageResult<>(items, total, page, size);
    }

    /** Every case matching, for the Excel export (streamed by the caller). */
    public void forEach(CaseCriteria criteria, java.util.function.Consumer<CovidCase> each) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_READ);
        CaseCriteria.Where where = criteria.where(user.scope());
        audit.record("EXPORT", "case", null, null, Map.of("criteria", criteria));
        int[] row = {0};
        jdbc.sql(SELECT + " where " + where.sql() + " order by c.confirmed_on desc, c.id desc").params(where.params())
                .query(rs -> {
                    each.accept(CASE.mapRow(rs, row[0]++));
                });
    }

    /** The care worker assigned to each of the cases that has one (home care's, when it runs). */
    public Map<Long, String> careWorkers(java.util.Collection<Long> caseIds) {
        CareWorkers workers = careWorkers.getIfAvailable();
        return workers == null || caseIds.isEmpty() ? Map.of() : workers.of(caseIds);
    }

    public CovidCase get(long id) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_READ);
        CovidCase c = find(id, user.scope()).orElseThrow(() -> notFound(id));
        audit.record("VIEW", "case", id, c.personId(), null);
        return c;
    }

    Optional<CovidCase> find(long id, Scope scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql(SELECT + " where c.id = :id and " + scope.condition("c.commune_code", "c.village_id"))
                .params(params).query(CASE).optional();
    }

    /** A person's cases, newest first (404 for a person outside the jurisdiction). */
    public List<CovidCase> ofPerson(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_READ);
        person(personId, user.scope());
        Map<String, Object> params = new HashMap<>(user.scope().params());
        params.put("person", personId);
        return audit.recordShown("case", Map.of("person", personId),
                jdbc.sql(SELECT + " where c.person_id = :person and " + user.scope().condition("c.commune_code", "c.village_id")
                        + " order by c.confirmed_on desc").params(params).query(CASE).list(), CovidCase::personId);
    }

    /** A case entered by hand with its evidence; refused (409) while the person has an open case. */
    @Transactional
    public CovidCase create(CaseForms.NewCase form) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.personId() == null) errors.add(new FieldError("personId", messages.get("cases.personId.required")));
        LocalDate confirmed = date(errors, "confirmedOn", form.confirmedOn(), true);
        LocalDate onset = date(errors, "onsetDate", form.onsetDate(), false);
        if (form.evidence() == null || form.evidence().isBlank()) {
            errors.add(new FieldError("evidence", messages.get("cases.evidence.required")));
        }
        String source = oneOf(errors, "source", form.source(), CovidCase.SOURCES, "COMMUNITY");
        String severity = oneOf(errors, "severity", form.severity(), CovidCase.SEVERITIES, "ASYMPTOMATIC");
        String care = oneOf(errors, "careSetting", form.careSetting(), CovidCase.CARE_SETTINGS, "HOME");
        if (confirmed != null && confirmed.isAfter(clock.today())) errors.add(new FieldError("confirmedOn", messages.get("cases.confirmedOn.future")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Map<String, Object> person = person(form.personId(), user.scope());
        jdbc.sql("select id from covid_case where person_id = ? and status = 'ACTIVE'").param(form.personId()).query(Long.class)
                .optional().ifPresent(open -> {
                    throw new ConflictException(messages.get("cases.person.openCase", String.valueOf(open)), "personId",
                            Map.of("caseId", open));
                });
        Map<String, Object> p = new HashMap<>(person);
        p.put("confirmed", confirmed);
        p.put("evidence", form.evidence().strip());
        p.put("source", source);
        p.put("symptomatic", Boolean.TRUE.equals(form.symptomatic()));
        p.put("onset", onset);
        p.put("severity", severity);
        p.put("care", care);
        p.put("facility", blankToNull(form.facility()));
        p.put("user", user.username());
        long id;
        try {
            id = jdbc.sql("""
                    insert into covid_case (person_id, commune_code, village_id, confirmed_on, basis, evidence, source, symptomatic,
                                            onset_date, severity, care_setting, facility, comorbidities, pregnant, created_by)
                    values (:id, :commune_code, :village_id, :confirmed, 'MANUAL', :evidence, :source, :symptomatic, :onset, :severity,
                            :care, :facility, :comorbidities, :pregnant, :user)
                    returning id""").params(p).query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            // Another request opened a case for the person a moment ago: the unique index refuses a second.
            throw new ConflictException(messages.get("cases.person.justOpened"), "personId", Map.of());
        }
        jdbc.sql("""
                insert into case_state (case_id, valid_from, care_setting, facility, severity, changed_by, note)
                values (?, ?, ?, ?, ?, ?, 'Nhập ca bệnh')""")
                .params(id, confirmed.atStartOfDay(VIETNAM).toOffsetDateTime(), care, p.get("facility"), severity, user.username()).update();
        CovidCase created = find(id, user.scope()).orElseThrow();
        audit.record("CREATE", "case", id, created.personId(), Map.of("after", created));
        events.publishEvent(new CasesChanged(List.of(new CasesChanged.Change(id, created.personId(), confirmed)), List.of()));
        return created;
    }

    /**
     * Changes the details, with the version read (409 when someone changed it meanwhile). A field left out
     * (null) keeps its value; an empty text clears it.
     */
    @Transactional
    public CovidCase update(long id, CaseForms.Details form) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_WRITE);
        CovidCase before = find(id, user.scope()).orElseThrow(() -> notFound(id));
        List<FieldError> errors = new ArrayList<>();
        if (form.version() == null) errors.add(new FieldError("version", messages.get("cases.version.required")));
        String source = oneOf(errors, "source", form.source(), CovidCase.SOURCES, before.source());
        LocalDate onset = date(errors, "onsetDate", form.onsetDate(), false);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("version", form.version());
        p.put("source", source);
        p.put("symptomatic", form.symptomatic() == null ? before.symptomatic() : form.symptomatic());
        p.put("onset", form.onsetDate() == null ? before.onsetDate() : onset);
        p.put("comorbidities", (form.comorbidities() == null ? before.comorbidities() : form.comorbidities()).toArray(String[]::new));
        p.put("pregnant", form.pregnant() == null ? before.pregnant() : form.pregnant());
        p.put("evidence", form.evidence() == null ? before.evidence() : blankToNull(form.evidence()));
        int changed = jdbc.sql("""
                update covid_case set source = :source, symptomatic = :symptomatic, onset_date = :onset, comorbidities = :comorbidities,
                       pregnant = :pregnant, evidence = :evidence,
                       version = version + 1, updated_at = now()
                where id = :id and version = :version""").params(p).update();
        if (changed == 0) throw stale(before, form.version());
        CovidCase after = find(id, user.scope()).orElseThrow();
        audit.record("UPDATE", "case", id, after.personId(), Map.of("before", before, "after", after));
        return after;
    }

    /** A transfer to another care setting (or a change of severity), kept in the case's history. */
    @Transactional
    public CovidCase transfer(long id, CaseForms.Transfer form) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_WRITE);
        CovidCase before = find(id, user.scope()).orElseThrow(() -> notFound(id));
        if (!before.active()) throw new ConflictException(messages.get("cases.ended", before.status()), "status", Map.of());
        List<FieldError> errors = new ArrayList<>();
        String care = oneOf(errors, "careSetting", form.careSetting(), CovidCase.CARE_SETTINGS, before.careSetting());
        String severity = oneOf(errors, "severity", form.severity(), CovidCase.SEVERITIES, before.severity());
        OffsetDateTime at = clock.now();
        if (form.at() != null && !form.at().isBlank()) {
            try {
                at = java.time.LocalDateTime.parse(form.at()).atZone(VIETNAM).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", messages.get("cases.at.invalid", form.at())));
            }
        }
        if (at.toLocalDate().isBefore(before.confirmedOn())) errors.add(new FieldError("at", messages.get("cases.beforeConfirmation")));
        // Anywhere but home is a place: a transfer that does not say which facility leaves the patient nowhere.
        String facility = "HOME".equals(care) ? null : blankToNull(form.facility());
        if (!"HOME".equals(care) && facility == null) errors.add(new FieldError("facility", messages.get("cases.transfer.facilityNeeded")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        LocalDate day = at.toLocalDate();
        if ("HOME".equals(care) && !"HOME".equals(before.careSetting())) homeCareGate.ifAvailable(g -> g.admit(id, day));
        jdbc.sql("""
                insert into case_state (case_id, valid_from, care_setting, facility, severity, note, changed_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(id, at, care, facility, severity, blankToNull(form.note()), user.username()).update();
        jdbc.sql("""
                update covid_case set care_setting = ?, facility = ?, severity = ?, version = version + 1, updated_at = now()
                where id = ?""").params(care, facility, severity, id).update();
        CovidCase after = find(id, user.scope()).orElseThrow();
        audit.record("TRANSFER", "case", id, after.personId(), Map.of("before", before.careSetting() + "/" + before.severity(),
                "after", care + "/" + severity));
        return after;
    }

    /** Ends a case: recovered, died or transferred out of the province, on a date. */
    @Transactional
    public CovidCase close(long id, CaseForms.Outcome form) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_WRITE);
        CovidCase before = find(id, user.scope()).orElseThrow(() -> notFound(id));
        if (!before.active()) throw new ConflictException(messages.get("cases.ended", before.status()), "status", Map.of());
        List<FieldError> errors = new ArrayList<>();
        String outcome = oneOf(errors, "outcome", form.outcome(), CovidCase.OUTCOMES, null);
        if (outcome == null && errors.isEmpty()) errors.add(new FieldError("outcome", messages.get("cases.outcome.required")));
        LocalDate on = date(errors, "on", form.on(), true);
        if (on != null && on.isBefore(before.confirmedOn())) errors.add(new FieldError("on", messages.get("cases.beforeConfirmation")));
        if (on != null && on.isAfter(clock.today())) errors.add(new FieldError("on", messages.get("cases.on.future")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        jdbc.sql("update covid_case set status = ?, outcome_on = ?, version = version + 1, updated_at = now() where id = ?")
                .params(outcome, on, id).update();
        CovidCase after = find(id, user.scope()).orElseThrow();
        audit.record("CLOSE", "case", id, after.personId(), Map.of("outcome", outcome, "on", on.toString(),
                "note", form.note() == null ? "" : form.note()));
        return after;
    }

    /** One step of a case's history. */
    public record State(OffsetDateTime from, String careSetting, String facility, String severity, String note, String changedBy) {
    }

    public List<State> states(long id) {
        get(id);
        return jdbc.sql("select valid_from, care_setting, facility, severity, note, changed_by from case_state where case_id = ? order by valid_from, id")
                .param(id).query((rs, i) -> new State(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    /** Cases follow their person when two records of the same person are merged. */
    @EventListener
    void on(Persons.PersonsMerged merged) {
        // Two open cases of one person: the loser's tests join the winner's case, and its own case is discarded.
        jdbc.sql("""
                with dup as (select l.id as loser_case, w.id as winner_case from covid_case l join covid_case w
                             on w.person_id = :winner and w.status = 'ACTIVE' where l.person_id = :loser and l.status = 'ACTIVE'),
                moved as (update case_test ct set case_id = dup.winner_case from dup where ct.case_id = dup.loser_case)
                update covid_case c set status = 'DISCARDED', discarded_reason = 'Trùng ca khi gộp hồ sơ người ' || :winner
                from dup where c.id = dup.loser_case""").param("winner", merged.winnerId()).param("loser", merged.loserId()).update();
        jdbc.sql("update covid_case set person_id = ? where person_id = ?").params(merged.winnerId(), merged.loserId()).update();
    }

    private Map<String, Object> person(long personId, Scope scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", personId);
        return jdbc.sql("select id, commune_code, village_id, comorbidities, pregnant from person_card p where id = :id and "
                        + scope.condition("p.commune_code", "p.village_id"))
                .params(params).query((rs, i) -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("commune_code", rs.getString(2));
                    m.put("village_id", rs.getObject(3));
                    m.put("comorbidities", rs.getArray(4));
                    m.put("pregnant", rs.getBoolean(5));
                    return m;
                }).optional().orElseThrow(() -> new NotFoundException(messages.get("cases.person.notFound", String.valueOf(personId))));
    }

    private ConflictException stale(CovidCase before, int sent) {
        return new ConflictException(messages.get("cases.stale", String.valueOf(before.version()), String.valueOf(sent)),
                "version", Map.of("currentVersion", before.version()));
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("cases.notFound", String.valueOf(id)));
    }

    private LocalDate date(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) errors.add(new FieldError(field, messages.get("cases.date.required")));
            return null;
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                return LocalDate.parse(value.strip(), f);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        errors.add(new FieldError(field, messages.get("cases.date.invalid", value)));
        return null;
    }

    private String oneOf(List<FieldError> errors, String field, String value, List<String> allowed, String fallback) {
        if (value == null || value.isBlank()) return fallback;
        if (!allowed.contains(value)) {
            errors.add(new FieldError(field, messages.get("cases.value.invalid", value, String.join(", ", allowed))));
            return fallback;
        }
        return value;
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

package vn.phaodai.tracing.followups;

import vn.phaodai.tracing.TracingChecks;
import vn.phaodai.tracing.contacts.Contacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily follow-up of F1 by the community teams and the commune: who to call or visit on a day (F1
 * whose exposure is within the follow-up days of the definition in force then), and who was due the day
 * before and has no call or visit recorded. One call or visit per person and day.
 */
@Service
public class FollowUps {

    public static final List<String> KINDS = List.of("CALL", "VISIT");
    public static final List<String> OUTCOMES = List.of("WELL", "SYMPTOMS", "NOT_REACHED");

    public record FollowUpForm(Long personId, String date, String kind, String outcome, String note) {
    }

    public record Due(long personId, String fullName, int birthYear, String phone, String address, String communeCode, Long villageId,
                      LocalDate exposureDate, LocalDate until, long rootCaseId, String kind, String outcome) {
        public boolean done() {
            return kind != null;
        }
    }

    public record Lists(LocalDate date, PageResult<Due> due, PageResult<Due> missedYesterday) {
    }

    public record FollowUp(long personId, LocalDate day, String kind, String outcome, String note, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationClock clock;
    private final TracingChecks checks;
    private final Messages messages;

    FollowUps(JdbcClient jdbc, AuditLog audit, ApplicationClock clock, TracingChecks checks, Messages messages) {
        this.checks = checks;
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Lists lists(String commune, Long village, LocalDate date, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_READ);
        LocalDate day = date == null ? clock.today() : date;
        PageResult<Due> due = due(user.scope(), commune, village, day, false, page, size);
        PageResult<Due> missed = due(user.scope(), commune, village, day.minusDays(1), true, 0, size);
        List<Long> shown = new java.util.ArrayList<>(due.items().stream().map(Due::personId).toList());
        missed.items().forEach(m -> shown.add(m.personId()));
        audit.recordShown("person_tier", AuditLog.criteria("list", "follow-ups", "commune", commune, "village", village,
                "day", day.toString()), shown);
        return new Lists(day, due, missed);
    }

    private PageResult<Due> due(Scope scope, String commune, Long village, LocalDate day, boolean missedOnly, int page, int size) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("day", day);
        StringBuilder where = new StringBuilder(scope.condition("p.commune_code", "p.village_id"));
        if (commune != null && !commune.isBlank()) {
            where.append(" and p.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (village != null) {
            where.append(" and p.village_id = :village");
            p.put("village", village);
        }
        if (missedOnly) where.append(" and f.person_id is null");
        String from = """
                from (select distinct on (t.person_id) t.person_id, t.exposure_date, t.root_case_id, t.exposure_date + d.follow_up_days as until
                      from person_tier t
                      join f1_definition d on t.exposure_date >= d.valid_from and (d.valid_to is null or t.exposure_date <= d.valid_to)
                      where t.tier = 1 and t.exposure_date <= :day
                        and t.exposure_date >= cast(:day as date) - (select max(follow_up_days) from f1_definition)
                        and t.exposure_date + d.follow_up_days >= :day
                      order by t.person_id, t.exposure_date desc, t.root_case_id) due
                join person_card p on p.id = due.person_id
                left join follow_up f on f.person_id = due.person_id and f.day = :day
                """ + " where " + where;
        long total = jdbc.sql("select count(*) " + from).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Due> items = jdbc.sql("""
                select due.person_id, p.full_name, p.birth_year, p.phone, p.address, p.commune_code, p.village_id, due.exposure_date,
                       due.until, due.root_case_id, f.kind, f.outcome
                """ + from + " order by p.commune_code, p.village_id nulls last, p.search_name, due.person_id limit :limit offset :offset")
                .params(p).query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Long) rs.getObject(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getLong(10), rs.getString(11), rs.getString(12))).list();
        return new PageResult<>(items, total, page, size);
    }

    /** Records the day's call or visit (a second one the same day replaces the first). */
    @Transactional
    public FollowUp record(FollowUpForm form) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.personId() == null) errors.add(new FieldError("personId", messages.get("tracing.followUp.personId.required")));
        LocalDate day = form.date() == null || form.date().isBlank() ? clock.today()
                : checks.date(errors, "date", form.date(), true);
        if (day != null && day.isAfter(clock.today())) errors.add(new FieldError("date", messages.get("tracing.date.future")));
        String kind = checks.oneOf(errors, "kind", form.kind(), KINDS, "CALL");
        String outcome = checks.oneOf(errors, "outcome", form.outcome(), OUTCOMES, "WELL");
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        checks.requirePerson(form.personId(), user.scope());
        jdbc.sql("""
                insert into follow_up (person_id, day, kind, outcome, note, recorded_by) values (?, ?, ?, ?, ?, ?)
                on conflict (person_id, day) do update set kind = excluded.kind, outcome = excluded.outcome, note = excluded.note,
                    recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(form.personId(), day, kind, outcome, Contacts.blankToNull(form.note()), user.username()).update();
        audit.record("FOLLOW_UP", "person", form.personId(), form.personId(), Map.of("day", day.toString(), "kind", kind, "outcome", outcome));
        return new FollowUp(form.personId(), day, kind, outcome, Contacts.blankToNull(form.note()), user.username());
    }
}

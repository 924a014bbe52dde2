package vn.phaodai.vaccination.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;
import vn.phaodai.vaccination.doses.Doses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A resident who refused vaccination: the day, a reason from the list and the words said, who talked to them. The
 * list shows each person's last refusal until a dose is given on or after its day: the person accepted.
 */
@Service
public class Refusals {

    public static final List<String> REASONS = List.of("SIDE_EFFECTS", "HEALTH", "DISTRUST", "BELIEF", "WAITING", "OTHER");
    static final int MAX_ROWS = 100_000;

    public record RefusalInput(String refusedOn, String reason, String reasonText, String note) {
    }

    public record Refusal(long id, long personId, LocalDate refusedOn, String reason, String reasonText, String talkedBy, String note) {
    }

    public record Row(long personId, String fullName, int birthYear, String villageName, String address, String phone,
                      LocalDate refusedOn, String reason, String reasonText, String talkedBy, String note) {
        public String phoneDisplay() {
            return vn.phaodai.shared.Display.phone(phone);
        }
    }

    private final JdbcClient jdbc;
    private final Doses doses;
    private final Geography geography;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationClock clock;

    Refusals(JdbcClient jdbc, Doses doses, Geography geography, AuditLog audit, Messages messages, ApplicationClock clock) {
        this.jdbc = jdbc;
        this.doses = doses;
        this.geography = geography;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Records a refusal; the same person and day again changes it (a retry adds nothing). */
    @Transactional
    public Refusal record(long personId, RefusalInput in) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Doses.Subject person = doses.subject(personId, user.scope());
        List<FieldError> errors = new ArrayList<>();
        RefusalInput i = in == null ? new RefusalInput(null, null, null, null) : in;
        LocalDate on = Texts.date("refusedOn", i.refusedOn(), clock.today(), errors, messages);
        String reason = Texts.text(i.reason());
        if (reason == null) errors.add(new FieldError("reason", messages.get("vaccination.refusal.reason.required")));
        else if (!REASONS.contains(reason)) errors.add(new FieldError("reason", messages.get("vaccination.refusal.reason.unknown", reason)));
        String reasonText = Texts.limited("reasonText", i.reasonText(), errors, messages);
        if ("OTHER".equals(reason) && reasonText == null) errors.add(new FieldError("reasonText", messages.get("vaccination.refusal.reasonText.required")));
        String note = Texts.limited("note", i.note(), errors, messages);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Refusal r = jdbc.sql("""
                insert into vaccination_refusal (person_id, refused_on, reason, reason_text, talked_by, note)
                values (?, ?, ?, ?, ?, ?)
                on conflict (person_id, refused_on) do update set reason = excluded.reason, reason_text = excluded.reason_text,
                    talked_by = excluded.talked_by, note = excluded.note
                returning id, person_id, refused_on, reason, reason_text, talked_by, note""")
                .params(person.id(), on, reason, reasonText, user.username(), note)
                .query((rs, n) -> new Refusal(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).single();
        audit.record("CREATE", "vaccination_refusal", r.id(), person.id(), Map.of("reason", reason, "refusedOn", on.toString()));
        return r;
    }

    @Transactional // not read-only: the list writes its audit entry
    public PageResult<Row> list(PeopleCriteria c, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Map<String, Object> p = c.params(user.scope(), geography, messages);
        String sql = query(user.scope());
        long total = jdbc.sql("select count(*) from (" + sql + ") t").params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Row> items = jdbc.sql(sql + ORDER + " limit :limit offset :offset").params(p).query((rs, n) -> row(rs)).list();
        audit.recordShown("vaccination_coverage", AuditLog.criteria(c.audited("refused")), items, Row::personId);
        return new PageResult<>(items, total, page, size);
    }

    /** The whole list (up to MAX_ROWS): the printed sheet and the workbook. */
    @Transactional
    public void all(PeopleCriteria c, String list, Consumer<Row> sink) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Map<String, Object> p = c.params(user.scope(), geography, messages);
        p.put("limit", MAX_ROWS);
        List<Long> shown = new ArrayList<>();
        jdbc.sql(query(user.scope()) + ORDER + " limit :limit").params(p).query(rs -> {
            Row r = row(rs);
            shown.add(r.personId());
            sink.accept(r);
        });
        audit.recordShown("vaccination_coverage", AuditLog.criteria(c.audited(list)), shown);
    }

    private static String query(vn.phaodai.security.Scope scope) {
        return """
                select p.id, p.full_name, p.birth_year, v.name as village_name, p.address, p.phone,
                       f.refused_on, f.reason, f.reason_text, f.talked_by, f.note
                from (select distinct on (person_id) * from vaccination_refusal order by person_id, refused_on desc) f
                join person_card p on p.id = f.person_id left join village_card v on v.id = p.village_id
                where %s
                  and not exists (select 1 from vaccine_dose d where d.person_id = f.person_id and d.given_on >= f.refused_on)"""
                .formatted(PeopleCriteria.where(scope));
    }

    private static final String ORDER = "\norder by v.name nulls last, p.village_id, p.search_name, p.id";

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String village = rs.getString("village_name");
        return new Row(rs.getLong("id"), rs.getString("full_name"), rs.getInt("birth_year"),
                village == null ? messages.get("vaccination.coverage.noVillage") : village, rs.getString("address"), rs.getString("phone"),
                rs.getObject("refused_on", LocalDate.class), rs.getString("reason"), rs.getString("reason_text"),
                rs.getString("talked_by"), rs.getString("note"));
    }
}

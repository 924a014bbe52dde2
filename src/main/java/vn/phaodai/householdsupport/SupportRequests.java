package vn.phaodai.householdsupport;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Support to F0 households (seed 001 §4): a need (food and necessities, medicine, waste collection) raised by the
 * health worker or through the patient's own link, taken by one of the commune's mass organisations, then done, or
 * cancelled. Those who handle it see who, where, the phone and the need: never the health data of the case.
 */
@Service
public class SupportRequests {

    public static final List<String> KINDS = List.of("FOOD", "MEDICINE", "WASTE", "OTHER");
    static final List<String> STATUSES = List.of("OPEN", "TAKEN", "DONE", "CANCELLED");
    static final int MAX_TEXT = 500;
    static final String PATIENT_LINK = "patient-link";

    /** A request with the household it serves. */
    public record SupportRequest(long id, long caseId, long personId, String fullName, String phone, String address,
                                 String villageName, String communeCode, Long villageId, String kind, String detail,
                                 String raisedBy, OffsetDateTime raisedAt, String status, String handledBy,
                                 OffsetDateTime takenAt, OffsetDateTime doneAt, OffsetDateTime cancelledAt, String note) {
        public boolean byPatient() {
            return PATIENT_LINK.equals(raisedBy);
        }
    }

    /** A request just raised, or the same open one found again (a form sent twice). */
    public record Raised(SupportRequest request, boolean repeated) {
    }

    /** The household of a case, as a request needs it. */
    public record Household(long caseId, long personId, String status, String communeCode, Long villageId, String fullName) {
    }

    /** What a list holds: one commune, a status (ACTIVE by default: OPEN and TAKEN; ALL), a kind, one case. */
    public record Filter(String commune, String status, String kind, Long caseId) {
    }

    private static final String SELECT = """
            select s.*, c.person_id, p.full_name, p.phone, p.address, v.name as village_name
            from support_request s join case_card c on c.id = s.case_id join person_card p on p.id = c.person_id
            left join village_card v on v.id = s.village_id
            """;
    private static final RowMapper<SupportRequest> REQUEST = (rs, i) -> new SupportRequest(rs.getLong("id"), rs.getLong("case_id"),
            rs.getLong("person_id"), rs.getString("full_name"), rs.getString("phone"), rs.getString("address"),
            rs.getString("village_name"), rs.getString("commune_code"), (Long) rs.getObject("village_id"), rs.getString("kind"),
            rs.getString("detail"), rs.getString("raised_by"), rs.getObject("raised_at", OffsetDateTime.class), rs.getString("status"),
            rs.getString("handled_by"), rs.getObject("taken_at", OffsetDateTime.class), rs.getObject("done_at", OffsetDateTime.class),
            rs.getObject("cancelled_at", OffsetDateTime.class), rs.getString("note"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    SupportRequests(JdbcClient jdbc, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    /** Raised by the health worker for a case of the jurisdiction. */
    @Transactional
    public Raised raise(long caseId, String kind, String detail) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        return raise(household(caseId, user.scope()), kind, detail, user.username());
    }

    /**
     * Raised through the patient's own link, on the link's case: the caller (home care's patient page) has opened
     * the link (410 once it is revoked or the isolation ended), which is the household's only credential.
     */
    @Transactional
    public Raised raiseByLink(long linkCaseId, String kind, String detail) {
        return raise(household(linkCaseId, Scope.EVERYTHING), kind, detail, PATIENT_LINK);
    }

    /** The requests of the link's own case (opened by the caller), the newest first: what the household asked for and where it stands. */
    public List<SupportRequest> ofLink(long linkCaseId) {
        return jdbc.sql(SELECT + " where s.case_id = ? order by s.raised_at desc, s.id desc").param(linkCaseId).query(REQUEST).list();
    }

    /** The household of a case the worker may raise a request for. */
    public Household household(long caseId) {
        return household(caseId, CurrentUser.require(Right.HOME_CARE_WRITE).scope());
    }

    private Raised raise(Household h, String kind, String detail, String raisedBy) {
        if (!"ACTIVE".equals(h.status())) throw new ConflictException(messages.get("householdsupport.case.ended"), "caseId", Map.of());
        String text = validate(kind, detail);
        var id = jdbc.sql("""
                insert into support_request (case_id, commune_code, village_id, kind, detail, raised_by) values (?, ?, ?, ?, ?, ?)
                on conflict (case_id, kind, (coalesce(detail, ''))) where status = 'OPEN' do nothing returning id""")
                .params(h.caseId(), h.communeCode(), h.villageId(), kind, text, raisedBy).query(Long.class).optional();
        if (id.isEmpty()) {
            long same = jdbc.sql("""
                    select id from support_request where case_id = ? and kind = ? and coalesce(detail, '') = coalesce(?, '')
                    and status = 'OPEN'""").params(h.caseId(), kind, text).query(Long.class).single();
            return new Raised(find(same, Scope.EVERYTHING), true);
        }
        audit.record("RAISE", "support_request", id.get(), h.personId(), Map.of("kind", kind, "raisedBy", raisedBy));
        return new Raised(find(id.get(), Scope.EVERYTHING), false);
    }

    /** The requests of the jurisdiction: open first, then taken, the longest waiting first. */
    public PageResult<SupportRequest> list(Filter f, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.SUPPORT_READ);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        StringBuilder where = new StringBuilder(user.scope().condition("s.commune_code", "s.village_id"));
        if (f.commune() != null && !f.commune().isBlank()) {
            where.append(" and s.commune_code = :commune");
            p.put("commune", f.commune());
        }
        if (f.status() == null || f.status().isBlank() || f.status().equals("ACTIVE")) {
            where.append(" and s.status in ('OPEN', 'TAKEN')");
        } else if (STATUSES.contains(f.status())) {
            where.append(" and s.status = :status");
            p.put("status", f.status());
        } else if (!f.status().equals("ALL")) {
            throw new InvalidInputException("status", messages.get("householdsupport.status.invalid", f.status()));
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            if (!KINDS.contains(f.kind())) throw new InvalidInputException("kind", messages.get("householdsupport.kind.unknown", f.kind()));
            where.append(" and s.kind = :kind");
            p.put("kind", f.kind());
        }
        if (f.caseId() != null) {
            where.append(" and s.case_id = :case");
            p.put("case", f.caseId());
        }
        long total = jdbc.sql("select count(*) from support_request s where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<SupportRequest> items = jdbc.sql(SELECT + " where " + where
                        + " order by case s.status when 'OPEN' then 0 when 'TAKEN' then 1 else 2 end, s.raised_at, s.id limit :limit offset :offset")
                .params(p).query(REQUEST).list();
        audit.recordShown("support_request", f, items, SupportRequest::personId);
        return new PageResult<>(items, total, page, size);
    }

    /** An organisation (or a person) takes an open request. */
    @Transactional
    public SupportRequest take(long id, String handledBy) {
        PhaodaiUser user = CurrentUser.require(Right.SUPPORT_HANDLE);
        SupportRequest r = find(id, user.scope());
        String by = text("handledBy", handledBy, 200);
        if (by == null) throw new InvalidInputException("handledBy", messages.get("householdsupport.handledBy.required"));
        return move(r, user, "TAKE", "status = 'TAKEN', handled_by = :text, taken_at = now()", by, "OPEN");
    }

    /** The household got what it needed. */
    @Transactional
    public SupportRequest done(long id, String note) {
        PhaodaiUser user = CurrentUser.require(Right.SUPPORT_HANDLE);
        SupportRequest r = find(id, user.scope());
        return move(r, user, "DONE", "status = 'DONE', done_at = now(), note = coalesce(:text, note)", text("note", note, MAX_TEXT), "TAKEN");
    }

    /** No longer needed (or asked by mistake): an open or taken request is cancelled. */
    @Transactional
    public SupportRequest cancel(long id, String note) {
        PhaodaiUser user = CurrentUser.require(Right.SUPPORT_HANDLE);
        SupportRequest r = find(id, user.scope());
        return move(r, user, "CANCEL", "status = 'CANCELLED', cancelled_at = now(), note = coalesce(:text, note)",
                text("note", note, MAX_TEXT), "OPEN", "TAKEN");
    }

    private SupportRequest move(SupportRequest r, PhaodaiUser user, String action, String set, String text, String... from) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", r.id());
        p.put("text", text);
        p.put("from", from);
        int changed = jdbc.sql("update support_request set " + set + " where id = :id and status = any(:from)").params(p).update();
        if (changed == 0) throw new ConflictException(refusal(find(r.id(), user.scope())), "status", Map.of());
        audit.record(action, "support_request", r.id(), r.personId(), text == null ? null : Map.of("text", text));
        return find(r.id(), user.scope());
    }

    private String refusal(SupportRequest now) {
        return switch (now.status()) {
            case "OPEN", "DONE" -> messages.get("householdsupport.refusal." + now.status());
            case "TAKEN" -> messages.get("householdsupport.refusal.TAKEN", now.handledBy());
            default -> messages.get("householdsupport.refusal.CANCELLED");
        };
    }

    private SupportRequest find(long id, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where s.id = :id and " + scope.condition("s.commune_code", "s.village_id")).params(p)
                .query(REQUEST).optional().orElseThrow(() -> new NotFoundException(messages.get("householdsupport.request.notFound", String.valueOf(id))));
    }

    private Household household(long caseId, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", caseId);
        return jdbc.sql("""
                select c.id, c.person_id, c.status, c.commune_code, c.village_id, p.full_name
                from case_card c join person_card p on p.id = c.person_id
                where c.id = :id and """ + " " + scope.condition("c.commune_code", "c.village_id")).params(p)
                .query((rs, i) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
                        rs.getString(6)))
                .optional().orElseThrow(() -> new NotFoundException(messages.get("householdsupport.case.notFound", String.valueOf(caseId))));
    }

    /** The detail, stripped (null when blank); a request of kind OTHER must say what is needed. */
    private String validate(String kind, String detail) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", messages.get("householdsupport.kind.required")));
        }
        String text = detail == null || detail.isBlank() ? null : detail.strip();
        if (text != null && text.length() > MAX_TEXT) errors.add(new FieldError("detail", messages.get("householdsupport.detail.tooLong", String.valueOf(MAX_TEXT))));
        if (text == null && "OTHER".equals(kind)) errors.add(new FieldError("detail", messages.get("householdsupport.detail.required")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return text;
    }

    private String text(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        if (text.length() > max) throw new InvalidInputException(field, messages.get("householdsupport.text.tooLong", String.valueOf(max)));
        return text;
    }
}

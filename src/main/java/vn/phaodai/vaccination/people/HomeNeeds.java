package vn.phaodai.vaccination.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.vaccination.doses.Doses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A resident who cannot come to a point (bedridden, elderly, a disability): vaccinated at home by a team, a
 * vaccination point of kind HOME or MOBILE. On the list until a dose is given on or after the day it was noted.
 */
@Service
public class HomeNeeds {

    public static final List<String> REASONS = List.of("BEDRIDDEN", "ELDERLY", "DISABILITY", "OTHER");
    public static final List<String> TEAM_KINDS = List.of("HOME", "MOBILE");

    public record NeedInput(String notedOn, String reason, String note) {
    }

    public record Need(long id, long personId, LocalDate notedOn, String reason, String note, Long pointId) {
    }

    public record Assignment(Long pointId, List<Long> personIds) {
    }

    public record Row(long personId, String fullName, int birthYear, String villageName, String address, String phone,
                      LocalDate notedOn, String reason, String note, Long pointId, String pointName) {
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

    HomeNeeds(JdbcClient jdbc, Doses doses, Geography geography, AuditLog audit, Messages messages, ApplicationClock clock) {
        this.jdbc = jdbc;
        this.doses = doses;
        this.geography = geography;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Notes the need; one a person, so a retry (or a second visit) changes the reason and keeps the team. */
    @Transactional
    public Need record(long personId, NeedInput in) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Doses.Subject person = doses.subject(personId, user.scope());
        NeedInput i = in == null ? new NeedInput(null, null, null) : in;
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = Texts.date("notedOn", i.notedOn(), clock.today(), errors, messages);
        String reason = Texts.text(i.reason());
        if (reason == null) errors.add(new FieldError("reason", messages.get("vaccination.homeNeed.reason.required")));
        else if (!REASONS.contains(reason)) errors.add(new FieldError("reason", messages.get("vaccination.homeNeed.reason.unknown", reason)));
        String note = Texts.limited("note", i.note(), errors, messages);
        if ("OTHER".equals(reason) && note == null) errors.add(new FieldError("note", messages.get("vaccination.homeNeed.note.required")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Need n = jdbc.sql("""
                insert into vaccination_home_need (person_id, noted_on, reason, note, recorded_by) values (?, ?, ?, ?, ?)
                on conflict (person_id) do update set noted_on = excluded.noted_on, reason = excluded.reason, note = excluded.note,
                    recorded_by = excluded.recorded_by
                returning id, person_id, noted_on, reason, note, point_id""")
                .params(person.id(), on, reason, note, user.username())
                .query((rs, k) -> new Need(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6))).single();
        audit.record("CREATE", "vaccination_home_need", n.id(), person.id(), Map.of("reason", reason, "notedOn", on.toString()));
        return n;
    }

    /** Gives persons with an open need to a team; a person without one (or outside the area) is refused at personIds. */
    @Transactional
    public int assign(Assignment a) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        if (a == null || a.pointId() == null) throw new InvalidInputException("pointId", messages.get("vaccination.homeNeed.pointId.required"));
        if (doses.points(user.scope()).stream().noneMatch(x -> x.id() == a.pointId())) { // missing or outside the area
            throw new NotFoundException(messages.get("vaccination.homeNeed.pointId.unknown", a.pointId()));
        }
        if (!team(a.pointId(), user.scope())) {
            throw new InvalidInputException("pointId", messages.get("vaccination.homeNeed.pointId.unknown", a.pointId()));
        }
        if (a.personIds() == null || a.personIds().isEmpty()) {
            throw new InvalidInputException("personIds", messages.get("vaccination.homeNeed.personIds.required"));
        }
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("point", a.pointId());
        int done = 0;
        for (Long id : a.personIds().stream().distinct().toList()) {
            p.put("person", id);
            Long need = jdbc.sql("""
                    update vaccination_home_need n set point_id = :point, assigned_at = now()
                    from person_card p where p.id = n.person_id and n.person_id = :person and %s returning n.id"""
                    .formatted(PeopleCriteria.scopeOnly(user.scope()))).params(p).query(Long.class).optional().orElse(null);
            if (need == null) throw new InvalidInputException("personIds", messages.get("vaccination.homeNeed.personIds.noNeed", id));
            audit.record("UPDATE", "vaccination_home_need", need, id, Map.of("pointId", a.pointId()));
            done++;
        }
        return done;
    }

    @Transactional // not read-only: the list writes its audit entry
    public PageResult<Row> list(PeopleCriteria c, Long point, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Map<String, Object> p = params(c, point, user.scope());
        String sql = query(user.scope());
        long total = jdbc.sql("select count(*) from (" + sql + ") t").params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Row> items = jdbc.sql(sql + ORDER + " limit :limit offset :offset").params(p).query((rs, n) -> row(rs)).list();
        audit.recordShown("vaccination_coverage", AuditLog.criteria(c.audited("home-needs")), items, Row::personId);
        return new PageResult<>(items, total, page, size);
    }

    @Transactional
    public void all(PeopleCriteria c, Long point, String list, Consumer<Row> sink) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Map<String, Object> p = params(c, point, user.scope());
        p.put("limit", Refusals.MAX_ROWS);
        List<Long> shown = new ArrayList<>();
        jdbc.sql(query(user.scope()) + ORDER + " limit :limit").params(p).query(rs -> {
            Row r = row(rs);
            shown.add(r.personId());
            sink.accept(r);
        });
        audit.recordShown("vaccination_coverage", AuditLog.criteria(c.audited(list)), shown);
    }

    /** The teams (points of kind HOME or MOBILE) the user may give persons to. */
    public List<Doses.Point> teams(Scope scope) {
        return doses.points(scope).stream().filter(x -> TEAM_KINDS.contains(x.kind())).toList();
    }

    private boolean team(long pointId, Scope scope) {
        return teams(scope).stream().anyMatch(x -> x.id() == pointId);
    }

    private Map<String, Object> params(PeopleCriteria c, Long point, Scope scope) {
        if (point != null && doses.points(scope).stream().noneMatch(x -> x.id() == point)) {
            throw new NotFoundException(messages.get("vaccination.homeNeed.pointId.unknown", point));
        }
        Map<String, Object> p = c.params(scope, geography, messages);
        p.put("point", point);
        return p;
    }

    private static String query(Scope scope) {
        return """
                select p.id, p.full_name, p.birth_year, v.name as village_name, p.address, p.phone,
                       n.noted_on, n.reason, n.note, n.point_id, vp.name as point_name
                from vaccination_home_need n join person_card p on p.id = n.person_id
                left join village_card v on v.id = p.village_id left join vaccination_point vp on vp.id = n.point_id
                where %s and (cast(:point as bigint) is null or n.point_id = :point)
                  and not exists (select 1 from vaccine_dose d where d.person_id = n.person_id and d.given_on >= n.noted_on)"""
                .formatted(PeopleCriteria.where(scope));
    }

    private static final String ORDER = "\norder by v.name nulls last, p.village_id, p.search_name, p.id";

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String village = rs.getString("village_name");
        return new Row(rs.getLong("id"), rs.getString("full_name"), rs.getInt("birth_year"),
                village == null ? messages.get("vaccination.coverage.noVillage") : village, rs.getString("address"), rs.getString("phone"),
                rs.getObject("noted_on", LocalDate.class), rs.getString("reason"), rs.getString("note"),
                (Long) rs.getObject("point_id"), rs.getString("point_name"));
    }
}

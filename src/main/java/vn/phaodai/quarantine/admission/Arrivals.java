package vn.phaodai.quarantine.admission;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.quarantine.stays.Access;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
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
 * People entering from abroad or from another province (seed 000), registered with origin and arrival by
 * checkpoint officers and communes, and quarantined under the rule that applies to them.
 */
@Service
public class Arrivals {

    public record Arrival(long id, long personId, String fullName, String communeCode, String originKind, String origin,
                          boolean outbreakArea, LocalDate arrivedOn, String checkpoint, String note, Long stayId) {
    }

    /**
     * The body of POST /api/v1/quarantine/arrivals; with {@code quarantine} true the person is admitted at once
     * (a facility, or home with its approval) from the day of arrival.
     */
    public record ArrivalForm(Long personId, String originKind, String origin, Boolean outbreakArea, LocalDate arrivedOn,
                              String checkpoint, String note, Boolean quarantine, Long facilityId,
                              Boolean home, String homeApprovedBy, String overCapacityReason, String nationalId) {
    }

    public record Registered(Arrival arrival, Stays.StayDetail stay) {
    }

    private static final String SELECT = """
            select a.*, p.full_name,
                   (select max(s.id) from quarantine_stay s where s.arrival_id = a.id) as stay_id
            from quarantine_arrival a join person_card p on p.id = a.person_id
            """;
    private static final RowMapper<Arrival> ARRIVAL = (rs, i) -> new Arrival(rs.getLong("id"), rs.getLong("person_id"),
            rs.getString("full_name"), rs.getString("commune_code"), rs.getString("origin_kind"), rs.getString("origin"),
            rs.getBoolean("outbreak_area"), rs.getObject("arrived_on", LocalDate.class), rs.getString("checkpoint"),
            rs.getString("note"), (Long) rs.getObject("stay_id"));

    private final JdbcClient jdbc;
    private final Stays stays;
    private final Admissions admissions;
    private final AuditLog audit;
    private final Messages messages;

    Arrivals(JdbcClient jdbc, Stays stays, Admissions admissions, AuditLog audit, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.stays = stays;
        this.admissions = admissions;
        this.audit = audit;
    }

    /** Registers an arrival; the same person, day and origin again gives back the first registration. */
    @Transactional
    public Registered register(ArrivalForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.personId() == null) errors.add(new FieldError("personId", messages.get("quarantine.arrival.person.required")));
        if (form.originKind() == null || !List.of("ABROAD", "PROVINCE").contains(form.originKind())) {
            errors.add(new FieldError("originKind", messages.get("quarantine.arrival.originKind.invalid")));
        }
        if (Stays.blank(form.origin())) errors.add(new FieldError("origin", messages.get("quarantine.arrival.origin.required")));
        if (form.arrivedOn() == null) errors.add(new FieldError("arrivedOn", messages.get("quarantine.arrival.arrivedOn.required")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Stays.PersonPlace person = stays.person(form.personId(), form.nationalId(), user);
        String checkpoint = Stays.blank(form.checkpoint()) ? null : form.checkpoint().strip();
        if (Access.facilityLevel(user)) {
            if (checkpoint == null && !user.jurisdictionCodes().isEmpty()) checkpoint = user.jurisdictionCodes().get(0);
            if (!user.jurisdictionCodes().contains(checkpoint)) {
                throw new AccessDeniedException(messages.get("quarantine.arrival.checkpoint.notYours", checkpoint));
            }
        }
        Map<String, Object> p = new HashMap<>();
        p.put("person", person.id());
        p.put("commune", person.communeCode());
        p.put("village", person.villageId());
        p.put("kind", form.originKind());
        p.put("origin", form.origin().strip());
        p.put("outbreak", Boolean.TRUE.equals(form.outbreakArea()));
        p.put("arrived", form.arrivedOn());
        p.put("checkpoint", checkpoint);
        p.put("note", Stays.blank(form.note()) ? null : form.note().strip());
        p.put("user", user.username());
        Long id = jdbc.sql("""
                insert into quarantine_arrival (person_id, commune_code, village_id, origin_kind, origin, outbreak_area, arrived_on,
                    checkpoint, note, created_by)
                values (:person, :commune, :village, :kind, :origin, :outbreak, :arrived, :checkpoint, :note, :user)
                on conflict (person_id, arrived_on, origin) do nothing returning id""").params(p).query(Long.class).optional()
                .orElse(null);
        boolean fresh = id != null;
        if (!fresh) {
            id = jdbc.sql("select id from quarantine_arrival where person_id = ? and arrived_on = ? and origin = ?")
                    .params(person.id(), form.arrivedOn(), form.origin().strip()).query(Long.class).single();
        } else {
            audit.record("CREATE", "quarantine_arrival", id, person.id(), Map.of("origin", form.origin(), "arrivedOn",
                    form.arrivedOn().toString()));
        }
        Stays.StayDetail stay = null;
        if (Boolean.TRUE.equals(form.quarantine())) {
            String subject = "ABROAD".equals(form.originKind()) ? "ARRIVAL_ABROAD" : "ARRIVAL_PROVINCE";
            stay = admissions.admit(new Stays.StayForm(person.id(), form.facilityId(), form.home(), form.homeApprovedBy(),
                    form.arrivedOn(), null, subject, form.overCapacityReason(), id, form.nationalId()));
        }
        return new Registered(get(id, user), stay);
    }

    /** Arrivals of the jurisdiction (or registered at the user's checkpoint), newest first. */
    public PageResult<Arrival> search(String commune, LocalDate from, LocalDate to, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Access access = Access.arrivals(user, "a");
        StringBuilder where = new StringBuilder(access.condition());
        Map<String, Object> p = new HashMap<>(access.params());
        if (!Stays.blank(commune)) {
            where.append(" and a.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (from != null) {
            where.append(" and a.arrived_on >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.append(" and a.arrived_on <= :to");
            p.put("to", to);
        }
        long total = jdbc.sql("select count(*) from quarantine_arrival a where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Arrival> items = jdbc.sql(SELECT + "where " + where + " order by a.arrived_on desc, a.id desc limit :limit offset :offset")
                .params(p).query(ARRIVAL).list();
        audit.recordShown("quarantine_arrival", AuditLog.criteria("commune", commune, "from", from == null ? null : from.toString(),
                "to", to == null ? null : to.toString()), items, Arrival::personId);
        return new PageResult<>(items, total, page, size);
    }

    private Arrival get(long id, PhaodaiUser user) {
        return jdbc.sql(SELECT + "where a.id = ?").param(id).query(ARRIVAL).single();
    }
}

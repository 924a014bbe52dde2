package vn.phaodai.homecare.alerts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.CaseForms;
import vn.phaodai.cases.Cases;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import static vn.phaodai.security.AuditLog.criteria;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts raised by warning signs: listed most severe first (then the longest waiting), acknowledged by the
 * worker, resolved by an action (a visit, a phone call, or a transfer, which moves the case to another care
 * setting). An alert nobody acknowledged within the configured minutes escalates to the district.
 */
@Service
public class Alerts {

    /** An alert with the patient and the reading that raised it. */
    public record Alert(long id, long caseId, long personId, String fullName, int birthYear, String communeCode, Long villageId,
                        int severity, List<String> signs, String status, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                        String acknowledgedBy, OffsetDateTime escalatedAt, OffsetDateTime resolvedAt, String action,
                        Integer spo2, Integer breathingRate, Integer pulse, java.math.BigDecimal temperature, OffsetDateTime takenAt) {
    }

    private static final RowMapper<Alert> ALERT = (rs, i) -> new Alert(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("person_id"),
            rs.getString("full_name"), rs.getInt("birth_year"), rs.getString("commune_code"), (Long) rs.getObject("village_id"),
            rs.getInt("severity"), List.of((String[]) rs.getArray("signs").getArray()), rs.getString("status"),
            rs.getObject("raised_at", OffsetDateTime.class), rs.getObject("acknowledged_at", OffsetDateTime.class),
            rs.getString("acknowledged_by"), rs.getObject("escalated_at", OffsetDateTime.class),
            rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("action"), (Integer) rs.getObject("spo2"),
            (Integer) rs.getObject("breathing_rate"), (Integer) rs.getObject("pulse"), rs.getBigDecimal("temperature"),
            rs.getObject("taken_at", OffsetDateTime.class));

    private static final String SELECT = """
            select a.*, c.person_id, p.full_name, p.birth_year, r.spo2, r.breathing_rate, r.pulse, r.temperature, r.taken_at
            from alert a join case_card c on c.id = a.case_id join person_card p on p.id = c.person_id
            join reading r on r.id = a.reading_id
            """;
    private static final Set<String> ACTIONS = Set.of("VISIT", "PHONE_CALL", "TRANSFER");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final AuditLog audit;
    private final int escalateAfterMinutes;
    private final Messages messages;

    Alerts(JdbcClient jdbc, Cases cases, AuditLog audit, @Value("${phaodai.home-care.escalate-after-minutes:30}") int escalateAfterMinutes,
           Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.escalateAfterMinutes = escalateAfterMinutes;
    }

    /** The alert list of the jurisdiction (or one commune); status ACTIVE (default) means not yet resolved. */
    /** The jurisdiction's alerts; {@code mine}: only those of the F0 the user follows as their responsible worker. */
    public PageResult<Alert> list(String commune, String status, boolean escalatedOnly, boolean mine, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        StringBuilder where = new StringBuilder(user.scope().condition("a.commune_code", "a.village_id"));
        if (commune != null && !commune.isBlank()) {
            where.append(" and a.commune_code = :commune");
            p.put("commune", commune);
        }
        if (status == null || status.isBlank() || status.equals("ACTIVE")) {
            where.append(" and a.status <> 'RESOLVED'");
        } else if (Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status)) {
            where.append(" and a.status = :status");
            p.put("status", status);
        } else {
            throw new InvalidInputException("status", messages.get("homecare.alert.invalidStatus", status));
        }
        if (escalatedOnly) where.append(" and a.escalated_at is not null");
        if (mine) {
            where.append(" and exists (select 1 from care_assignment ca join care_worker cw on cw.id = ca.worker_id"
                    + " where ca.case_id = a.case_id and cw.username = :me)");
            p.put("me", user.username());
        }
        long total = jdbc.sql("select count(*) from alert a where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Alert> items = jdbc.sql(SELECT + " where " + where + " order by a.severity desc, a.raised_at, a.id limit :limit offset :offset")
                .params(p).query(ALERT).list();
        audit.recordShown("alert", criteria("commune", commune, "status", status, "escalatedOnly", escalatedOnly, "mine", mine),
                items, Alert::personId);
        return new PageResult<>(items, total, page, size);
    }

    @Transactional
    public Alert acknowledge(long id) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Alert a = find(id, user);
        if (!a.status().equals("OPEN")) throw new ConflictException(messages.get("homecare.alert.alreadyAcknowledged"), "status", Map.of());
        jdbc.sql("update alert set status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = ? where id = ?")
                .params(user.username(), id).update();
        audit.record("ACKNOWLEDGE", "alert", id, a.personId(), null);
        return find(id, user);
    }

    /** Resolves by an action; a transfer moves the case to the care setting given (a facility, a hospital). */
    @Transactional
    public Alert resolve(long id, String action, String careSetting, String facility, String note) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Alert a = find(id, user);
        if (a.status().equals("RESOLVED")) throw new ConflictException(messages.get("homecare.alert.alreadyResolved"), "status", Map.of());
        if (action == null || !ACTIONS.contains(action)) {
            throw new InvalidInputException("action", messages.get("homecare.alert.actionNeeded"));
        }
        if (action.equals("TRANSFER")) {
            if (careSetting == null || careSetting.isBlank() || careSetting.equals("HOME")) {
                throw new InvalidInputException("careSetting", messages.get("homecare.alert.transferWhere"));
            }
            cases.transfer(a.caseId(), new CaseForms.Transfer(careSetting, facility, null, null,
                    messages.recorded("homecare.alert.transferNote", String.valueOf(id))));
        }
        jdbc.sql("""
                update alert set status = 'RESOLVED', resolved_at = now(), resolved_by = ?, action = ?, note = ?,
                       acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, ?)
                where id = ?""").params(user.username(), action, note, user.username(), id).update();
        audit.record("RESOLVE", "alert", id, a.personId(), Map.of("action", action));
        return find(id, user);
    }

    /** Alerts still open after the configured minutes go to the district; returns how many escalated now. */
    @Transactional
    public int escalateDue(OffsetDateTime now) {
        return jdbc.sql("""
                update alert set escalated_at = :now
                where status = 'OPEN' and escalated_at is null and raised_at <= :now - make_interval(mins => :minutes)""")
                .param("now", now).param("minutes", escalateAfterMinutes).update();
    }

    @Scheduled(fixedDelayString = "${phaodai.home-care.escalation-check-ms:60000}")
    void escalate() {
        escalateDue(OffsetDateTime.now());
    }

    private Alert find(long id, PhaodaiUser user) {
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where a.id = :id and " + user.scope().condition("a.commune_code", "a.village_id")).params(p)
                .query(ALERT).optional().orElseThrow(() -> new NotFoundException(messages.get("homecare.alert.notFound", String.valueOf(id))));
    }
}

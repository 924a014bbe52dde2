package vn.phaodai.quarantine.lists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.stays.Access;
import vn.phaodai.quarantine.stays.Stays.Stay;
import vn.phaodai.quarantine.stays.Stays.StayDetail;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.phaodai.quarantine.stays.Stays.SELECT;
import static vn.phaodai.quarantine.stays.Stays.STAY;
import static vn.phaodai.quarantine.stays.Stays.blank;

/** Reading stays: one stay, those of the jurisdiction, of a person, of a facility now. Every list is audited. */
@Service
public class StaySearch {

    private final JdbcClient jdbc;
    private final Stays stays;
    private final Facilities facilities;
    private final AuditLog audit;
    private final Messages messages;

    StaySearch(JdbcClient jdbc, Stays stays, Facilities facilities, AuditLog audit, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.stays = stays;
        this.facilities = facilities;
        this.audit = audit;
    }

    public StayDetail get(long id) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Stay s = stays.find(id, user).orElseThrow(() -> stays.notFound(id));
        audit.record("VIEW", "quarantine_stay", id, s.personId(), null);
        return stays.detail(s);
    }

    /** Stays of the jurisdiction, newest first, optionally of a commune, a facility and a status. */
    public PageResult<Stay> search(String commune, Long facility, String status, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Access access = Access.stays(user, "s");
        StringBuilder where = new StringBuilder(access.condition());
        Map<String, Object> p = new HashMap<>(access.params());
        if (!blank(commune)) {
            where.append(" and s.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (facility != null) {
            where.append(" and s.facility_id = :facility");
            p.put("facility", facility);
        }
        if (!blank(status)) {
            if (!List.of("ACTIVE", "RELEASED", "TURNED_CASE").contains(status.strip())) {
                throw new vn.phaodai.shared.InvalidInputException("status", messages.get("quarantine.stay.status.invalid", status));
            }
            where.append(" and s.status = :status");
            p.put("status", status.strip());
        }
        long total = jdbc.sql("select count(*) from quarantine_stay s where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Stay> items = jdbc.sql(SELECT + "where " + where + " order by s.start_on desc, s.id desc limit :limit offset :offset")
                .params(p).query(STAY).list();
        audit.recordShown("quarantine_stay", AuditLog.criteria("commune", commune, "facility", facility, "status", status), items, Stay::personId);
        return new PageResult<>(items, total, page, size);
    }

    /** A person's stays, newest first; 404 for a person outside the jurisdiction. */
    public List<Stay> ofPerson(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("person", personId);
        List<Stay> stays = jdbc.sql(SELECT + "where s.person_id = :person and " + access.condition()
                + " order by s.start_on desc, s.id desc").params(p).query(STAY).list();
        if (stays.isEmpty()) {
            Map<String, Object> q = new HashMap<>(user.scope().params());
            q.put("id", personId);
            boolean visible = jdbc.sql("select count(*) from person_card p where p.id = :id and "
                    + user.scope().condition("p.commune_code", "p.village_id")).params(q).query(Long.class).single() > 0;
            if (!visible) throw new NotFoundException(messages.get("quarantine.person.notFound", String.valueOf(personId)));
        }
        audit.recordShown("quarantine_stay", Map.of("person", personId), List.of(personId));
        return stays;
    }

    /** The open stays of a facility that the user may see. */
    public List<Stay> current(long facilityId) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        facilities.find(facilityId).orElseThrow(() -> facilities.notFound(facilityId));
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("facility", facilityId);
        return audit.recordShown("quarantine_stay", Map.of("facility", facilityId),
                jdbc.sql(SELECT + "where s.facility_id = :facility and s.status = 'ACTIVE' and " + access.condition()
                        + " order by s.start_on, s.id").params(p).query(STAY).list(), Stay::personId);
    }
}

package vn.phaodai.quarantine.admission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.quarantine.facilities.Facilities.Facility;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.stays.Stays.Stay;
import vn.phaodai.quarantine.stays.Stays.StayDetail;
import vn.phaodai.quarantine.stays.Stays.TransferForm;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.util.Map;

import static vn.phaodai.quarantine.stays.Stays.blank;

/** Moves between facilities, or to and from home; the stay's movements keep where it was. */
@Service
public class Transfers {

    private final JdbcClient jdbc;
    private final Stays stays;
    private final Facilities facilities;
    private final AuditLog audit;
    private final Admissions admissions;
    private final Messages messages;

    Transfers(JdbcClient jdbc, Stays stays, Facilities facilities, AuditLog audit, Admissions admissions, Messages messages) {
        this.admissions = admissions;
        this.messages = messages;
        this.jdbc = jdbc;
        this.stays = stays;
        this.facilities = facilities;
        this.audit = audit;
    }

    /** Moves an open stay to another facility or home; the history keeps where it was. */
    @Transactional
    public StayDetail transfer(long id, TransferForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        Stay s = stays.lockOpen(id, user);
        boolean home = Boolean.TRUE.equals(form.home());
        if (home == (form.facilityId() != null)) {
            throw new InvalidInputException("facilityId", messages.get("quarantine.place.oneOf"));
        }
        if (home && blank(form.homeApprovedBy())) {
            throw new InvalidInputException("homeApprovedBy", messages.get("quarantine.home.approvedBy.required"));
        }
        LocalDate on = form.on() == null ? stays.today() : form.on();
        if (on.isBefore(s.start())) throw new InvalidInputException("on", messages.get("quarantine.transfer.beforeStart"));
        String overReason = null;
        if (!home) {
            if (form.facilityId().equals(s.facilityId())) throw new InvalidInputException("facilityId", messages.get("quarantine.transfer.sameFacility"));
            Facility f = facilities.lock(form.facilityId())
                    .orElseThrow(() -> new InvalidInputException("facilityId",
                            messages.get("quarantine.facility.unknown", String.valueOf(form.facilityId()))));
            overReason = admissions.capacity(f, form.overCapacityReason());
        } else if (s.home()) {
            throw new InvalidInputException("home", messages.get("quarantine.transfer.alreadyHome"));
        }
        jdbc.sql("update quarantine_stay set facility_id = :facility, home_approved_by = :approvedBy where id = :id")
                .param("facility", form.facilityId()).param("approvedBy", home ? form.homeApprovedBy().strip() : null)
                .param("id", id).update();
        String reason = blank(form.reason()) ? null : form.reason().strip();
        // The movement's reason is history kept in the register's language (Vietnamese), not a text of the UI.
        if (home) reason = (reason == null ? "" : reason + "; ") + "phê duyệt: " + form.homeApprovedBy().strip();
        stays.move(id, form.facilityId(), on, reason, overReason, user);
        audit.record("TRANSFER", "quarantine_stay", id, s.personId(), Map.of("from", String.valueOf(s.facilityId()),
                "to", String.valueOf(form.facilityId()), "on", on.toString()));
        // A facility manager who sends a person elsewhere sees the stay one last time.
        return stays.detail(stays.byId(id));
    }
}

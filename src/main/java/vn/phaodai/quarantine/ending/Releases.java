package vn.phaodai.quarantine.ending;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.CasesChanged;
import vn.phaodai.quarantine.stays.Stays.Stay;
import vn.phaodai.quarantine.stays.Stays.StayDetail;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.util.Map;

import static vn.phaodai.quarantine.stays.Stays.DAY;

/**
 * How a stay ends: released once its quarantine is over, or early when the person becomes a case (F0), given
 * back when that case is discarded.
 */
@Service
public class Releases {

    private final JdbcClient jdbc;
    private final Stays stays;
    private final AuditLog audit;
    private final Messages messages;

    Releases(JdbcClient jdbc, Stays stays, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.stays = stays;
        this.audit = audit;
        this.messages = messages;
    }

    /** Ends a stay whose quarantine is over (on or after its last day); its decision can then be printed. */
    @Transactional
    public StayDetail release(long id, LocalDate on) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        Stay s = stays.lockOpen(id, user);
        LocalDate day = on == null ? stays.today() : on;
        if (day.isAfter(stays.today())) throw new vn.phaodai.shared.InvalidInputException("on", messages.get("quarantine.release.future"));
        if (day.isBefore(s.end())) {
            throw new ConflictException(messages.get("quarantine.release.tooEarly", s.end().format(DAY)),
                    "on", Map.of("end", s.end().toString()));
        }
        jdbc.sql("update quarantine_stay set status = 'RELEASED', ended_on = ? where id = ?").params(day, id).update();
        audit.record("RELEASE", "quarantine_stay", id, s.personId(), Map.of("on", day.toString()));
        return stays.detail(stays.find(id, user).orElseThrow());
    }

    /**
     * A person who becomes a case (F0) leaves quarantine for isolation: the open stay ends that day, marked as
     * turned into case isolation. A case discarded (the positive corrected) gives the stay back. Runs in the
     * transaction that opened or discarded the cases.
     */
    @EventListener
    void onCasesChanged(CasesChanged changed) {
        // Set-based: a laboratory file can open thousands of cases in one transaction.
        if (!changed.opened().isEmpty()) {
            jdbc.sql("""
                    update quarantine_stay s set status = 'TURNED_CASE', ended_on = greatest(s.start_on, c.day), case_id = c.case_id
                    from unnest(cast(:persons as bigint[]), cast(:cases as bigint[]), cast(cast(:days as text[]) as date[]))
                         as c(person_id, case_id, day)
                    where s.person_id = c.person_id and s.status = 'ACTIVE'
                    returning s.id, s.person_id, c.case_id""")
                    .param("persons", changed.opened().stream().map(CasesChanged.Change::personId).toArray(Long[]::new))
                    .param("cases", changed.opened().stream().map(CasesChanged.Change::caseId).toArray(Long[]::new))
                    .param("days", changed.opened().stream().map(c -> c.confirmedOn().toString()).toArray(String[]::new))
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list()
                    .forEach(r -> audit.record("TURNED_CASE", "quarantine_stay", r[0], r[1], Map.of("caseId", r[2])));
        }
        if (!changed.discarded().isEmpty()) {
            jdbc.sql("""
                    update quarantine_stay s set status = 'ACTIVE', ended_on = null, case_id = null
                    where s.case_id = any(cast(:cases as bigint[])) and s.status = 'TURNED_CASE'
                      and not exists (select 1 from quarantine_stay o where o.person_id = s.person_id and o.status = 'ACTIVE')
                    returning s.id, s.person_id""")
                    .param("cases", changed.discarded().stream().map(CasesChanged.Change::caseId).toArray(Long[]::new))
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                    .forEach(r -> audit.record("CASE_DISCARDED", "quarantine_stay", r[0], r[1], null));
        }
    }
}

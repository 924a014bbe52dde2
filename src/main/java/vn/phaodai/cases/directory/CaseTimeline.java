package vn.phaodai.cases.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.testing.Sample;
import vn.phaodai.testing.Samples;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A case's history in one list: the person's tests, the confirmation, care settings, decisions and the outcome. */
@Service
public class CaseTimeline {

    /** One thing that happened; kind is TEST, CONFIRMED, CARE, DECISION, OUTCOME or DISCARDED. */
    public record Event(OffsetDateTime at, String kind, String what, String detail) {
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Cases cases;
    private final Samples samples;
    private final JdbcClient jdbc;
    private final ApplicationClock clock;

    CaseTimeline(Cases cases, Samples samples, JdbcClient jdbc, ApplicationClock clock) {
        this.clock = clock;
        this.cases = cases;
        this.samples = samples;
        this.jdbc = jdbc;
    }

    public List<Event> of(long caseId) {
        CovidCase c = cases.get(caseId);
        List<Event> events = new ArrayList<>();
        if (CurrentUser.get().can(Right.TESTING_READ)) {
            for (Sample s : samples.ofPerson(c.personId())) {
                events.add(new Event(s.sampledAt(), "TEST", s.testType() + " " + s.code(),
                        s.conclusion() + (s.ct() == null ? "" : " Ct " + s.ct()) + (s.poolCode() == null ? "" : " (mẫu gộp " + s.poolCode() + ")")
                                + (s.revision() > 0 ? " — đã đính chính " + s.revision() + " lần" : "")));
            }
        }
        events.add(new Event(c.confirmedOn().atStartOfDay(VIETNAM).toOffsetDateTime(), "CONFIRMED",
                "Xác định ca bệnh (" + c.basis() + ")", c.ruleDocument() != null ? c.ruleDocument() : c.evidence()));
        for (Cases.State s : cases.states(caseId)) {
            events.add(new Event(s.from(), "CARE", s.careSetting() + " / " + s.severity(),
                    (s.facility() == null ? "" : s.facility() + " ") + (s.note() == null ? "" : s.note()) + " — " + s.changedBy()));
        }
        jdbc.sql("select kind, number, year, created_at, issued_by from case_decision where case_id = ? order by id").param(caseId)
                .query(rs -> {
                    events.add(new Event(rs.getObject(4, OffsetDateTime.class), "DECISION", rs.getString(1),
                            "Số " + rs.getInt(2) + "/" + rs.getInt(3) + " — " + rs.getString(5)));
                });
        if (c.outcomeOn() != null) {
            events.add(new Event(c.outcomeOn().atStartOfDay(VIETNAM).toOffsetDateTime(), "OUTCOME", c.status(), ""));
        }
        if ("DISCARDED".equals(c.status())) {
            events.add(new Event(clock.now(), "DISCARDED", "Loại bỏ ca bệnh", c.discardedReason()));
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }
}

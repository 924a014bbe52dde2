package vn.phaodai.cases.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Messages;
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

    /** One thing that happened; kind is TEST, CONFIRMED, CARE, DECISION, OUTCOME or DISCARDED; what and detail are for reading. */
    public record Event(OffsetDateTime at, String kind, String what, String detail) {
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Cases cases;
    private final Samples samples;
    private final JdbcClient jdbc;
    private final ApplicationClock clock;
    private final Messages messages;

    CaseTimeline(Cases cases, Samples samples, JdbcClient jdbc, ApplicationClock clock, Messages messages) {
        this.messages = messages;
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
                StringBuilder detail = new StringBuilder(messages.get("test.conclusion." + s.conclusion()));
                // The Ct value as a number of the user's language (38,5); the pool and the count of amendments as they are.
                if (s.ct() != null) detail.append(' ').append(messages.get("cases.timeline.test.ct", s.ct()));
                if (s.poolCode() != null) detail.append(' ').append(messages.get("cases.timeline.test.pool", s.poolCode()));
                if (s.revision() > 0) detail.append(' ').append(messages.get("cases.timeline.test.amended", String.valueOf(s.revision())));
                events.add(new Event(s.sampledAt(), "TEST", messages.get("test.type." + s.testType()) + " " + s.code(), detail.toString()));
            }
        }
        events.add(new Event(c.confirmedOn().atStartOfDay(VIETNAM).toOffsetDateTime(), "CONFIRMED",
                messages.get("cases.timeline.confirmed", messages.get("case.basis." + c.basis())), c.ruleDocument() != null ? c.ruleDocument() : c.evidence()));
        for (Cases.State s : cases.states(caseId)) {
            events.add(new Event(s.from(), "CARE",
                    messages.get("case.careSetting." + s.careSetting()) + " / " + messages.get("case.severity." + s.severity()),
                    (s.facility() == null ? "" : s.facility() + " ") + (s.note() == null ? "" : s.note()) + " — " + s.changedBy()));
        }
        jdbc.sql("select kind, number, year, created_at, issued_by from case_decision where case_id = ? order by id").param(caseId)
                .query(rs -> {
                    events.add(new Event(rs.getObject(4, OffsetDateTime.class), "DECISION",
                            messages.get("cases.timeline.decision." + rs.getString(1)),
                            messages.get("cases.timeline.decision.number", String.valueOf(rs.getInt(2)), String.valueOf(rs.getInt(3)),
                                    rs.getString(5))));
                });
        if (c.outcomeOn() != null) {
            events.add(new Event(c.outcomeOn().atStartOfDay(VIETNAM).toOffsetDateTime(), "OUTCOME", messages.get("case.status." + c.status()), ""));
        }
        if ("DISCARDED".equals(c.status())) {
            events.add(new Event(clock.now(), "DISCARDED", messages.get("cases.timeline.discarded"), c.discardedReason()));
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }
}

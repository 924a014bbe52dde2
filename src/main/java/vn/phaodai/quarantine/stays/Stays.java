package vn.phaodai.quarantine.stays;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stays in quarantine: what a stay is and how one is read and locked, shared by the jobs on stays in the
 * sibling packages: admission and transfers ({@code admission}), the end and its decision ({@code ending}), lists
 * and tests due or missed ({@code lists}).
 *
 * <p>Days are calendar days in Asia/Ho_Chi_Minh; day 1 is the first day of the stay, and {@code end} is its
 * last day of quarantine (day N of an N-day quarantine).
 */
@Service
public class Stays {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public record Stay(long id, long personId, String fullName, Integer birthYear, String communeCode, Long villageId,
                       String subject, boolean vaccinated, String group, Long arrivalId, Long facilityId, String facilityName,
                       boolean home, String homeApprovedBy, LocalDate start, LocalDate end, LocalDate homeMonitoringUntil,
                       LocalDate selfMonitoringUntil, List<Integer> testDays, long policyId, String policyDocument,
                       String status, LocalDate endedOn, Long caseId, String overCapacityReason, String decisionNumber,
                       LocalDate decisionIssuedOn) {
    }

    /** Where the stay was from a day on: a facility, or home. */
    public record Movement(Long facilityId, String facilityName, LocalDate from, String reason, String overCapacityReason,
                           String movedBy) {
    }

    /** A test day of the stay and the person's test taken on or around it (the day before to the day after). */
    public record TestDay(int day, LocalDate date, String sampleCode, String testType, OffsetDateTime sampledAt,
                          String result) {
    }

    /** A stay (its fields at the top of the JSON), where it was, and its test days with the tests taken. */
    public record StayDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped Stay stay, List<Movement> movements,
                             List<TestDay> tests) {
    }

    /** The body of POST /api/v1/quarantine/stays. */
    public record StayForm(Long personId, Long facilityId, Boolean home, String homeApprovedBy, LocalDate start, String group, String subject, String overCapacityReason, Long arrivalId,
                           String nationalId) {
    }

    /** The body of POST /api/v1/quarantine/stays/{id}/transfers. */
    public record TransferForm(Long facilityId, Boolean home, String homeApprovedBy, LocalDate on, String reason,
                               String overCapacityReason) {
    }

    /** A test due on a day, or one missed. */
    public record DueTest(long stayId, long personId, String fullName, Integer birthYear, String phone, String communeCode,
                          Long facilityId, String facilityName, int day, LocalDate date, String sampleCode, String result) {
    }

    public record DecisionFile(String fileName, byte[] content) {
    }

    public static final String SELECT = """
            select s.*, p.full_name, p.birth_year, f.name as facility_name
            from quarantine_stay s join person_card p on p.id = s.person_id
                 left join quarantine_facility f on f.id = s.facility_id
            """;
    public static final RowMapper<Stay> STAY = (rs, i) -> new Stay(rs.getLong("id"), rs.getLong("person_id"),
            rs.getString("full_name"), (Integer) rs.getObject("birth_year"), rs.getString("commune_code"),
            (Long) rs.getObject("village_id"), rs.getString("subject"), rs.getBoolean("vaccinated"), rs.getString("group_name"),
            (Long) rs.getObject("arrival_id"), (Long) rs.getObject("facility_id"), rs.getString("facility_name"),
            rs.getObject("facility_id") == null, rs.getString("home_approved_by"), rs.getObject("start_on", LocalDate.class),
            rs.getObject("end_on", LocalDate.class), rs.getObject("home_monitoring_until", LocalDate.class),
            rs.getObject("self_monitoring_until", LocalDate.class), Arrays.asList((Integer[]) rs.getArray("test_days").getArray()),
            rs.getLong("policy_id"), rs.getString("policy_document"), rs.getString("status"),
            rs.getObject("ended_on", LocalDate.class), (Long) rs.getObject("case_id"), rs.getString("over_capacity_reason"),
            rs.getObject("decision_number") == null ? null : rs.getInt("decision_number") + "/QĐ-UBND",
            rs.getObject("decision_issued_on", LocalDate.class));

    private final JdbcClient jdbc;
    private final ApplicationClock clock;
    private final Messages messages;

    Stays(JdbcClient jdbc, ApplicationClock clock, Messages messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    public LocalDate today() {
        return clock.today();
    }

    /** The days a test of a test day may be taken: the day before to the day after. */
    public static final String WINDOW = "x.sampled_at >= cast(s.start_on + t.day - 2 as timestamp) at time zone 'Asia/Ho_Chi_Minh' "
            + "and x.sampled_at < cast(s.start_on + t.day + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'";

    public StayDetail detail(Stay s) {
        List<Movement> movements = jdbc.sql("""
                select m.facility_id, f.name, m.from_on, m.reason, m.over_capacity_reason, m.moved_by
                from quarantine_movement m left join quarantine_facility f on f.id = m.facility_id
                where m.stay_id = ? order by m.from_on, m.id""").param(s.id())
                .query((rs, i) -> new Movement((Long) rs.getObject(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
        List<TestDay> tests = jdbc.sql("""
                select t.day, s.start_on + t.day - 1 as on_day, x.code, x.test_type, x.sampled_at, x.result
                from quarantine_stay s cross join lateral unnest(s.test_days) as t(day)
                     left join lateral (select x.code, x.test_type, x.sampled_at, x.result from sample_card x
                                        where x.person_id = s.person_id and %s
                                        order by abs(extract(epoch from x.sampled_at
                                                 - (cast(s.start_on + t.day - 1 as timestamp) + interval '12 hours') at time zone 'Asia/Ho_Chi_Minh'))
                                        limit 1) x on true
                where s.id = ? order by t.day""".formatted(WINDOW)).param(s.id())
                .query((rs, i) -> new TestDay(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6))).list();
        return new StayDetail(s, movements, tests);
    }

    /** A stay by id, whoever may see it (a facility manager who sends a person elsewhere sees the stay one last time). */
    public Stay byId(long id) {
        return jdbc.sql(SELECT + "where s.id = ?").param(id).query(STAY).single();
    }

    /** The person's open stay, if any. */
    public Optional<Stay> openOf(long personId) {
        return jdbc.sql(SELECT + "where s.person_id = ? and s.status = 'ACTIVE'").param(personId).query(STAY).optional();
    }

    // ---------------------------------------------------------------- helpers

    public record PersonPlace(long id, String communeCode, Long villageId) {
    }

    /**
     * The person as the user may see them. A facility manager or checkpoint admits and registers people from
     * anywhere, but must name them by id and ID number together, so that ids cannot be tried to read names.
     */
    public PersonPlace person(long personId, String nationalId, PhaodaiUser user) {
        boolean anybody = Access.facilityLevel(user);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("id", personId);
        p.put("nationalId", nationalId == null ? "" : nationalId.strip());
        return jdbc.sql("select id, commune_code, village_id from person_card p where p.id = :id and "
                        + (anybody ? "p.national_id = :nationalId" : user.scope().condition("p.commune_code", "p.village_id"))).params(p)
                .query((rs, i) -> new PersonPlace(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("quarantine.person.notFound", String.valueOf(personId))));
    }

    public Optional<Stay> find(long id, PhaodaiUser user) {
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("id", id);
        return jdbc.sql(SELECT + "where s.id = :id and " + access.condition()).params(p).query(STAY).optional();
    }

    public Stay lockOpen(long id, PhaodaiUser user) {
        find(id, user).orElseThrow(() -> notFound(id));
        jdbc.sql("select id from quarantine_stay where id = ? for update").param(id).query(Long.class).single();
        Stay s = find(id, user).orElseThrow(() -> notFound(id));
        if (!"ACTIVE".equals(s.status())) {
            throw new ConflictException(messages.get("quarantine.stay.ended", String.valueOf(id), statusLabel(s.status())), null,
                    Map.of("stayStatus", s.status()));
        }
        return s;
    }

    public void move(long stayId, Long facilityId, LocalDate from, String reason, String overReason, PhaodaiUser user) {
        jdbc.sql("""
                insert into quarantine_movement (stay_id, facility_id, from_on, reason, over_capacity_reason, moved_by)
                values (?, ?, ?, ?, ?, ?)""").params(stayId, facilityId, from, reason, overReason, user.username()).update();
    }

    /** The subject inside a sentence, in the user's language ("người nhập cảnh"). */
    public String subjectLabel(String subject) {
        return messages.get("quarantine.subject.inText." + (List.of("ARRIVAL_ABROAD", "ARRIVAL_PROVINCE").contains(subject) ? subject : "F1"));
    }

    /** The status inside a sentence, in the user's language ("đang cách ly"); an unknown one as it is. */
    public String statusLabel(String status) {
        return List.of("ACTIVE", "RELEASED", "TURNED_CASE").contains(status) ? messages.get("quarantine.status." + status) : status;
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("quarantine.stay.notFound", String.valueOf(id)));
    }
}


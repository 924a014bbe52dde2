package vn.phaodai.quarantine;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.phaodai.cases.CasesChanged;
import vn.phaodai.decisions.OfficialDocuments;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.quarantine.Facilities.Facility;
import vn.phaodai.quarantine.Policies.Policy;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stays in quarantine: admission at a facility (within its capacity, or over it with a reason) or at home
 * (with its approval), the end day and test days set by the policy in force on the first day, transfers
 * with their history, the tests that arrive on the test days, the early end when the person becomes a case,
 * and the release with its end-of-quarantine decision.
 *
 * <p>Days are calendar days in Asia/Ho_Chi_Minh; day 1 is the first day of the stay, and {@code end} is its
 * last day of quarantine (day N of an N-day quarantine).
 */
@Service
public class Stays {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    public record StayForm(Long personId, Long facilityId, Boolean home, String homeApprovedBy, LocalDate start,
                           Boolean vaccinated, String group, String subject, String overCapacityReason, Long arrivalId,
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

    private static final String SELECT = """
            select s.*, p.full_name, p.birth_year, f.name as facility_name
            from quarantine_stay s join person_card p on p.id = s.person_id
                 left join quarantine_facility f on f.id = s.facility_id
            """;
    private static final RowMapper<Stay> STAY = (rs, i) -> new Stay(rs.getLong("id"), rs.getLong("person_id"),
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
    private final Policies policies;
    private final Facilities facilities;
    private final OfficialDocuments documents;
    private final Geography geography;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Stays(JdbcClient jdbc, Policies policies, Facilities facilities, OfficialDocuments documents, Geography geography,
          AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.facilities = facilities;
        this.documents = documents;
        this.geography = geography;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    // ---------------------------------------------------------------- admission

    /**
     * Admits a person. The same admission sent again (same person, start and place) gives back the stay; another
     * open stay of the person is a conflict. 404 for a person outside the jurisdiction; a facility manager admits
     * anybody, but only into its own facilities.
     */
    @Transactional
    public StayDetail admit(StayForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.personId() == null) errors.add(new FieldError("personId", "Cần chọn người cách ly"));
        if (form.start() == null) errors.add(new FieldError("start", "Ngày bắt đầu cách ly là bắt buộc"));
        boolean home = Boolean.TRUE.equals(form.home());
        if (home == (form.facilityId() != null)) {
            errors.add(new FieldError("facilityId", "Chọn một cơ sở cách ly (facilityId) hoặc cách ly tại nhà (home)"));
        }
        if (home && blank(form.homeApprovedBy())) {
            errors.add(new FieldError("homeApprovedBy", "Cách ly tại nhà cần ghi người/cơ quan phê duyệt"));
        }
        String subject = form.subject() == null ? "F1" : form.subject();
        if (!Policies.SUBJECTS.contains(subject)) {
            errors.add(new FieldError("subject", "Đối tượng phải là F1, ARRIVAL_ABROAD hoặc ARRIVAL_PROVINCE"));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        Facility facility = null;
        if (home) {
            if (Access.facilityLevel(user)) throw new AccessDeniedException("Cơ sở cách ly không phê duyệt cách ly tại nhà");
        } else {
            facility = facilities.lock(form.facilityId())
                    .orElseThrow(() -> new InvalidInputException("facilityId", "Không có cơ sở cách ly mã " + form.facilityId()));
            if (Access.facilityLevel(user) && !Facilities.manages(user, facility)) {
                throw new AccessDeniedException("Cơ sở " + facility.name() + " không do bạn quản lý");
            }
        }
        PersonPlace person = person(form.personId(), form.nationalId(), user);
        // One admission at a time per person: a retry waits for the first and finds it.
        jdbc.sql("select pg_advisory_xact_lock(72010012, cast(? as integer))").param((int) (long) form.personId())
                .query(Object.class).list();
        Optional<Stay> open = jdbc.sql(SELECT + "where s.person_id = ? and s.status = 'ACTIVE'").param(form.personId())
                .query(STAY).optional();
        if (open.isPresent()) {
            Stay o = open.get();
            if (o.start().equals(form.start()) && java.util.Objects.equals(o.facilityId(), form.facilityId())) {
                return detail(o);
            }
            throw new ConflictException("Người này đang cách ly từ ngày " + o.start().format(DAY) + " (lượt cách ly mã "
                    + o.id() + "); hãy chuyển nơi cách ly thay vì tiếp nhận lại", "personId", Map.of("stayId", o.id()));
        }
        boolean vaccinated = Boolean.TRUE.equals(form.vaccinated());
        Policy policy = policies.applicable(subject, vaccinated, form.start())
                .orElseThrow(() -> new ConflictException("Không có quy định cách ly nào cho " + subjectLabel(subject)
                        + " bắt đầu ngày " + form.start().format(DAY), "start", Map.of()));
        if ("NONE".equals(policy.place())) {
            throw new ConflictException("Theo " + policy.document() + ", " + subjectLabel(subject) + " từ ngày "
                    + policy.validFrom().format(DAY) + " không phải cách ly" + (policy.note() == null ? "" : " (" + policy.note() + ")"),
                    "start", Map.of("policyId", policy.id(), "policyDocument", policy.document()));
        }
        String overReason = facility == null ? null : capacity(facility, form.overCapacityReason());
        LocalDate end = form.start().plusDays(policy.quarantineDays() - 1L);
        LocalDate homeUntil = policy.homeMonitoringDays() > 0 ? end.plusDays(policy.homeMonitoringDays()) : null;
        LocalDate selfUntil = policy.selfMonitoringDays() > 0
                ? (homeUntil == null ? end : homeUntil).plusDays(policy.selfMonitoringDays()) : null;
        Map<String, Object> p = new HashMap<>();
        p.put("person", form.personId());
        p.put("commune", person.communeCode());
        p.put("village", person.villageId());
        p.put("subject", subject);
        p.put("vaccinated", vaccinated);
        p.put("group", blank(form.group()) ? null : form.group().strip());
        p.put("arrival", form.arrivalId());
        p.put("facility", form.facilityId());
        p.put("approvedBy", home ? form.homeApprovedBy().strip() : null);
        p.put("start", form.start());
        p.put("end", end);
        p.put("homeUntil", homeUntil);
        p.put("selfUntil", selfUntil);
        p.put("tests", policy.testDays().toArray(Integer[]::new));
        p.put("policy", policy.id());
        p.put("document", policy.document());
        p.put("over", overReason);
        p.put("user", user.username());
        long id = jdbc.sql("""
                insert into quarantine_stay (person_id, commune_code, village_id, subject, vaccinated, group_name, arrival_id,
                    facility_id, home_approved_by, start_on, end_on, home_monitoring_until, self_monitoring_until, test_days,
                    policy_id, policy_document, over_capacity_reason, created_by)
                values (:person, :commune, :village, :subject, :vaccinated, :group, :arrival, :facility, :approvedBy, :start,
                    :end, :homeUntil, :selfUntil, :tests, :policy, :document, :over, :user)
                returning id""").params(p).query(Long.class).single();
        move(id, form.facilityId(), form.start(), home ? "Cách ly tại nhà, phê duyệt: " + form.homeApprovedBy().strip() : "Tiếp nhận",
                overReason, user);
        audit.record("ADMIT", "quarantine_stay", id, form.personId(), Map.of("policy", policy.document(),
                "facilityId", String.valueOf(form.facilityId()), "start", form.start().toString(), "end", end.toString()));
        return detail(jdbc.sql(SELECT + "where s.id = ?").param(id).query(STAY).single());
    }

    /** Refuses (409) a full facility unless a reason to go over its capacity is given; returns that reason. */
    private static String capacity(Facility f, String overReason) {
        if (!f.active()) {
            throw new ConflictException("Cơ sở " + f.name() + " đã ngừng hoạt động", "facilityId", Map.of("facilityId", f.id()));
        }
        if (f.occupied() < f.capacity()) return null;
        if (blank(overReason)) {
            throw new ConflictException("Cơ sở " + f.name() + " đã hết giường: " + f.occupied() + "/" + f.capacity()
                    + " giường đang có người. Chọn cơ sở khác, hoặc ghi lý do tiếp nhận vượt công suất (overCapacityReason)",
                    "facilityId", Map.of("facilityId", f.id(), "capacity", f.capacity(), "occupied", f.occupied()));
        }
        return overReason.strip();
    }

    // ---------------------------------------------------------------- transfer, release, isolation

    /** Moves an open stay to another facility or home; the history keeps where it was. */
    @Transactional
    public StayDetail transfer(long id, TransferForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        Stay s = lockOpen(id, user);
        boolean home = Boolean.TRUE.equals(form.home());
        if (home == (form.facilityId() != null)) {
            throw new InvalidInputException("facilityId", "Chọn một cơ sở cách ly (facilityId) hoặc cách ly tại nhà (home)");
        }
        if (home && blank(form.homeApprovedBy())) {
            throw new InvalidInputException("homeApprovedBy", "Cách ly tại nhà cần ghi người/cơ quan phê duyệt");
        }
        LocalDate on = form.on() == null ? today() : form.on();
        if (on.isBefore(s.start())) throw new InvalidInputException("on", "Ngày chuyển trước ngày bắt đầu cách ly");
        String overReason = null;
        if (!home) {
            if (form.facilityId().equals(s.facilityId())) throw new InvalidInputException("facilityId", "Người này đang ở cơ sở này");
            Facility f = facilities.lock(form.facilityId())
                    .orElseThrow(() -> new InvalidInputException("facilityId", "Không có cơ sở cách ly mã " + form.facilityId()));
            overReason = capacity(f, form.overCapacityReason());
        } else if (s.home()) {
            throw new InvalidInputException("home", "Người này đang cách ly tại nhà");
        }
        jdbc.sql("update quarantine_stay set facility_id = :facility, home_approved_by = :approvedBy where id = :id")
                .param("facility", form.facilityId()).param("approvedBy", home ? form.homeApprovedBy().strip() : null)
                .param("id", id).update();
        String reason = blank(form.reason()) ? null : form.reason().strip();
        if (home) reason = (reason == null ? "" : reason + "; ") + "phê duyệt: " + form.homeApprovedBy().strip();
        move(id, form.facilityId(), on, reason, overReason, user);
        audit.record("TRANSFER", "quarantine_stay", id, s.personId(), Map.of("from", String.valueOf(s.facilityId()),
                "to", String.valueOf(form.facilityId()), "on", on.toString()));
        // A facility manager who sends a person elsewhere sees the stay one last time.
        return detail(jdbc.sql(SELECT + "where s.id = ?").param(id).query(STAY).single());
    }

    /** Ends a stay whose quarantine is over (on or after its last day); its decision can then be printed. */
    @Transactional
    public StayDetail release(long id, LocalDate on) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        Stay s = lockOpen(id, user);
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today())) throw new vn.phaodai.shared.InvalidInputException("on", "Ngày kết thúc ở tương lai");
        if (day.isBefore(s.end())) {
            throw new ConflictException("Chưa hết thời gian cách ly: lượt cách ly này kết thúc ngày " + s.end().format(DAY),
                    "on", Map.of("end", s.end().toString()));
        }
        jdbc.sql("update quarantine_stay set status = 'RELEASED', ended_on = ? where id = ?").params(day, id).update();
        audit.record("RELEASE", "quarantine_stay", id, s.personId(), Map.of("on", day.toString()));
        return detail(find(id, user).orElseThrow());
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

    // ---------------------------------------------------------------- end-of-quarantine decision

    /**
     * The end-of-quarantine decision of a released stay as PDF. {@code issue}: issued with the next number of
     * the commune's register if it has none yet (QUARANTINE_WRITE; a POST only, never a link); otherwise an issued
     * decision printed again (QUARANTINE_READ), and 404 while there is none.
     */
    public DecisionFile decision(long id, boolean issue) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Stay s = transaction.execute(t -> {
            Stay stay = find(id, user).orElseThrow(() -> notFound(id));
            if (!"RELEASED".equals(stay.status())) {
                throw new ConflictException("Chỉ ra quyết định kết thúc cách ly khi lượt cách ly đã kết thúc (trạng thái hiện tại: "
                        + statusLabel(stay.status()) + ")", null, Map.of("stayStatus", stay.status()));
            }
            if (stay.decisionNumber() != null) {
                audit.record("VIEW_DECISION", "quarantine_stay", id, stay.personId(), Map.of("number", stay.decisionNumber()));
                return stay;
            }
            if (!issue) throw new NotFoundException("Quyết định kết thúc cách ly của lượt " + id + " chưa được ban hành");
            CurrentUser.require(Right.QUARANTINE_WRITE);
            jdbc.sql("select id from quarantine_stay where id = ? for update").param(id).query(Long.class).single();
            Stay locked = find(id, user).orElseThrow();
            if (locked.decisionNumber() != null) return locked;
            LocalDate today = today();
            int number = documents.nextNumber(locked.communeCode(), today.getYear());
            jdbc.sql("""
                    update quarantine_stay set decision_commune = commune_code, decision_year = :year, decision_number = :number,
                        decision_issued_on = :today, decision_issued_by = :user where id = :id""")
                    .param("year", today.getYear()).param("number", number).param("today", today)
                    .param("user", user.username()).param("id", id).update();
            audit.record("ISSUE_DECISION", "quarantine_stay", id, locked.personId(), Map.of("number", number));
            return find(id, user).orElseThrow();
        });
        int number = Integer.parseInt(s.decisionNumber().substring(0, s.decisionNumber().indexOf('/')));
        byte[] pdf = documents.pdf(List.of(document(s, number)));
        return new DecisionFile("QD-ket-thuc-cach-ly-y-te-" + number + "-" + s.decisionIssuedOn().getYear() + ".pdf", pdf);
    }

    private OfficialDocuments.Decision document(Stay s, int number) {
        var person = jdbc.sql("""
                select full_name, sex, date_of_birth, birth_year, national_id, address, commune_code, village_id
                from person_card where id = ?""").param(s.personId()).query((rs, i) -> Map.<String, Object>of(
                "name", rs.getString("full_name"), "sex", rs.getString("sex"),
                "birth", rs.getObject("date_of_birth") != null ? "Ngày sinh: " + rs.getObject("date_of_birth", LocalDate.class).format(DAY)
                        : "Năm sinh: " + rs.getInt("birth_year"),
                "nationalId", String.valueOf(rs.getString("national_id")), "address", String.valueOf(rs.getString("address")),
                "commune", rs.getString("commune_code"), "village", rs.getObject("village_id") == null ? 0L : rs.getLong("village_id")))
                .single();
        String name = (String) person.get("name");
        String honorific = "MALE".equals(person.get("sex")) ? "Ông" : "Bà";
        StringBuilder residence = new StringBuilder();
        if (!"null".equals(person.get("address")) && !((String) person.get("address")).isBlank()) {
            residence.append(((String) person.get("address")).strip()).append(", ");
        }
        long village = (Long) person.get("village");
        if (village != 0) geography.village(village).map(Village::name).ifPresent(v -> residence.append(v).append(", "));
        residence.append(geography.placeName((String) person.get("commune")));
        String place = s.home() ? "tại nhà" : "tại " + s.facilityName();
        String inText = documents.communeInText(s.communeCode());
        String document = s.policyDocument().replace("[check]", "").strip();
        List<String> identity = new ArrayList<>();
        identity.add("Họ và tên: " + name + "; giới tính: " + ("MALE".equals(person.get("sex")) ? "Nam" : "Nữ"));
        identity.add(person.get("birth") + ("null".equals(person.get("nationalId")) ? "" : "; số CCCD/CMND: " + person.get("nationalId")));
        identity.add("Nơi cư trú: " + residence);
        identity.add("Nơi cách ly: " + (s.home() ? "tại nhà (nơi cư trú nêu trên)" : s.facilityName()));
        identity.add("Thời gian cách ly: từ ngày " + s.start().format(DAY) + " đến ngày " + s.end().format(DAY)
                + "; đã hoàn thành thời gian cách ly y tế theo quy định.");
        String after;
        if (s.homeMonitoringUntil() != null) {
            after = "tiếp tục theo dõi sức khỏe tại nhà đến hết ngày " + s.homeMonitoringUntil().format(DAY);
        } else if (s.selfMonitoringUntil() != null) {
            after = "tiếp tục tự theo dõi sức khỏe đến hết ngày " + s.selfMonitoringUntil().format(DAY);
        } else {
            after = "tiếp tục tự theo dõi sức khỏe";
        }
        List<OfficialDocuments.Article> articles = List.of(
                new OfficialDocuments.Article("Kết thúc cách ly y tế " + place + " đối với:", identity),
                new OfficialDocuments.Article("Sau khi kết thúc cách ly, " + honorific + " " + name + " " + after
                        + ", thực hiện thông điệp 5K; khi có dấu hiệu sốt, ho, khó thở phải báo ngay cho Trạm Y tế " + inText + ".", List.of()),
                new OfficialDocuments.Article("Quyết định này có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê, Trạm trưởng Trạm Y tế "
                        + inText + ", Trưởng Công an " + inText + ", " + honorific + " " + name
                        + " và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.", List.of()));
        return new OfficialDocuments.Decision(OfficialDocuments.Kind.END_OF_QUARANTINE, s.communeCode(), number,
                s.decisionIssuedOn(), "Về việc kết thúc cách ly y tế " + place,
                List.of("văn bản " + document + " của Bộ Y tế hướng dẫn cách ly y tế phòng, chống dịch COVID-19"), articles);
    }

    // ---------------------------------------------------------------- reading

    public StayDetail get(long id) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Stay s = find(id, user).orElseThrow(() -> notFound(id));
        audit.record("VIEW", "quarantine_stay", id, s.personId(), null);
        return detail(s);
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
                throw new vn.phaodai.shared.InvalidInputException("status", "Trạng thái không hợp lệ: " + status
                        + " (ACTIVE, RELEASED, TURNED_CASE)");
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
            if (!visible) throw new NotFoundException("Không có người mã " + personId);
        }
        audit.recordShown("quarantine_stay", Map.of("person", personId), List.of(personId));
        return stays;
    }

    /** The open stays of a facility that the user may see. */
    public List<Stay> current(long facilityId) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        facilities.find(facilityId).orElseThrow(() -> Facilities.notFound(facilityId));
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("facility", facilityId);
        return audit.recordShown("quarantine_stay", Map.of("facility", facilityId),
                jdbc.sql(SELECT + "where s.facility_id = :facility and s.status = 'ACTIVE' and " + access.condition()
                        + " order by s.start_on, s.id").params(p).query(STAY).list(), Stay::personId);
    }

    /**
     * Tests due on a day: open stays for which the day is a test day, with the test already taken that day, if
     * any. Optionally of a commune and a facility.
     */
    public PageResult<DueTest> due(LocalDate day, String commune, Long facility, int page, int size) {
        LocalDate d = day == null ? today() : day;
        return dueOrMissed("""
                s.status = 'ACTIVE' and s.start_on <= :day and s.end_on >= :day and t.day = (:day - s.start_on) + 1""",
                "x.sampled_at >= cast(:day as timestamp) at time zone 'Asia/Ho_Chi_Minh' "
                        + "and x.sampled_at < cast(:day + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'",
                false, d, commune, facility, page, size);
    }

    /**
     * Test days missed before a day: open stays with a test day earlier than the day and no test of the person
     * from the day before it to the day after it.
     */
    public PageResult<DueTest> missed(LocalDate day, String commune, Long facility, int page, int size) {
        LocalDate d = day == null ? today() : day;
        return dueOrMissed("s.status = 'ACTIVE' and s.start_on + t.day - 1 < :day", WINDOW, true, d, commune, facility, page, size);
    }

    private static final String WINDOW = "x.sampled_at >= cast(s.start_on + t.day - 2 as timestamp) at time zone 'Asia/Ho_Chi_Minh' "
            + "and x.sampled_at < cast(s.start_on + t.day + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'";

    private PageResult<DueTest> dueOrMissed(String when, String sampleWindow, boolean missingOnly, LocalDate day, String commune,
                                            Long facility, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("day", day);
        StringBuilder where = new StringBuilder(access.condition()).append(" and ").append(when);
        if (!blank(commune)) {
            where.append(" and s.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (facility != null) {
            where.append(" and s.facility_id = :facility");
            p.put("facility", facility);
        }
        if (missingOnly) where.append(" and x.code is null");
        String from = """
                from quarantine_stay s cross join lateral unnest(s.test_days) as t(day)
                     join person_card p on p.id = s.person_id
                     left join quarantine_facility f on f.id = s.facility_id
                     left join lateral (select x.code, x.result from sample x where x.person_id = s.person_id and %s
                                        order by x.sampled_at desc limit 1) x on true
                where %s""".formatted(sampleWindow, where);
        long total = jdbc.sql("select count(*) " + from).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<DueTest> items = jdbc.sql("""
                select s.id, s.person_id, p.full_name, p.birth_year, p.phone, s.commune_code, s.facility_id, f.name as facility_name,
                       t.day, s.start_on + t.day - 1 as on_day, x.code, x.result
                """ + from + " order by s.commune_code, f.name nulls first, p.full_name, s.id, t.day limit :limit offset :offset")
                .params(p).query((rs, i) -> new DueTest(rs.getLong(1), rs.getLong(2), rs.getString(3), (Integer) rs.getObject(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getInt(9),
                        rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12))).list();
        audit.recordShown("quarantine_stay", AuditLog.criteria("list", missingOnly ? "tests-missed" : "tests-due", "day", day.toString(),
                "commune", commune, "facility", facility), items, DueTest::personId);
        return new PageResult<>(items, total, page, size);
    }

    private StayDetail detail(Stay s) {
        List<Movement> movements = jdbc.sql("""
                select m.facility_id, f.name, m.from_on, m.reason, m.over_capacity_reason, m.moved_by
                from quarantine_movement m left join quarantine_facility f on f.id = m.facility_id
                where m.stay_id = ? order by m.from_on, m.id""").param(s.id())
                .query((rs, i) -> new Movement((Long) rs.getObject(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
        List<TestDay> tests = jdbc.sql("""
                select t.day, s.start_on + t.day - 1 as on_day, x.code, x.test_type, x.sampled_at, x.result
                from quarantine_stay s cross join lateral unnest(s.test_days) as t(day)
                     left join lateral (select x.code, x.test_type, x.sampled_at, x.result from sample x
                                        where x.person_id = s.person_id and %s
                                        order by abs(extract(epoch from x.sampled_at
                                                 - (cast(s.start_on + t.day - 1 as timestamp) + interval '12 hours') at time zone 'Asia/Ho_Chi_Minh'))
                                        limit 1) x on true
                where s.id = ? order by t.day""".formatted(WINDOW)).param(s.id())
                .query((rs, i) -> new TestDay(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6))).list();
        return new StayDetail(s, movements, tests);
    }

    // ---------------------------------------------------------------- helpers

    record PersonPlace(long id, String communeCode, Long villageId) {
    }

    /**
     * The person as the user may see them. A facility manager or checkpoint admits and registers people from
     * anywhere, but must name them by id and ID number together, so that ids cannot be tried to read names.
     */
    PersonPlace person(long personId, String nationalId, PhaodaiUser user) {
        boolean anybody = Access.facilityLevel(user);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("id", personId);
        p.put("nationalId", nationalId == null ? "" : nationalId.strip());
        return jdbc.sql("select id, commune_code, village_id from person_card p where p.id = :id and "
                        + (anybody ? "p.national_id = :nationalId" : user.scope().condition("p.commune_code", "p.village_id"))).params(p)
                .query((rs, i) -> new PersonPlace(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).optional()
                .orElseThrow(() -> new NotFoundException("Không có người mã " + personId));
    }

    Optional<Stay> find(long id, PhaodaiUser user) {
        Access access = Access.stays(user, "s");
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("id", id);
        return jdbc.sql(SELECT + "where s.id = :id and " + access.condition()).params(p).query(STAY).optional();
    }

    private Stay lockOpen(long id, PhaodaiUser user) {
        find(id, user).orElseThrow(() -> notFound(id));
        jdbc.sql("select id from quarantine_stay where id = ? for update").param(id).query(Long.class).single();
        Stay s = find(id, user).orElseThrow(() -> notFound(id));
        if (!"ACTIVE".equals(s.status())) {
            throw new ConflictException("Lượt cách ly mã " + id + " đã kết thúc (" + statusLabel(s.status()) + ")", null,
                    Map.of("stayStatus", s.status()));
        }
        return s;
    }

    private void move(long stayId, Long facilityId, LocalDate from, String reason, String overReason, PhaodaiUser user) {
        jdbc.sql("""
                insert into quarantine_movement (stay_id, facility_id, from_on, reason, over_capacity_reason, moved_by)
                values (?, ?, ?, ?, ?, ?)""").params(stayId, facilityId, from, reason, overReason, user.username()).update();
    }

    static String subjectLabel(String subject) {
        return switch (subject) {
            case "ARRIVAL_ABROAD" -> "người nhập cảnh";
            case "ARRIVAL_PROVINCE" -> "người đến từ tỉnh khác, vùng có dịch";
            default -> "F1";
        };
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "ACTIVE" -> "đang cách ly";
            case "RELEASED" -> "đã kết thúc cách ly";
            case "TURNED_CASE" -> "đã chuyển cách ly điều trị F0";
            default -> status;
        };
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("Không có lượt cách ly mã " + id);
    }
}

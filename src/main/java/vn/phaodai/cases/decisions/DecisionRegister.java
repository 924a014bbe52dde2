package vn.phaodai.cases.decisions;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.cases.Decisions.Decision;
import vn.phaodai.cases.Decisions.Kind;
import vn.phaodai.cases.HomeCareRules;
import vn.phaodai.decisions.OfficialDocuments;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case decisions in the register of decisions (sổ đăng ký văn bản, module decisions): each takes the issuing
 * commune's next number of the year, without gaps even under concurrent requests, and never twice for the same
 * case and kind.
 */
@Service
public class DecisionRegister {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final String CASE = """
            select c.id, c.person_id, c.commune_code, c.village_id, c.status, c.confirmed_on, c.care_setting, c.facility,
                   c.outcome_on, p.full_name, p.sex, p.date_of_birth, p.birth_year, p.national_id, p.address,
                   p.commune_code as person_commune, p.village_id as person_village
            from covid_case c join person_card p on p.id = c.person_id
            """;
    private static final RowMapper<CaseFacts> FACTS = (rs, i) -> new CaseFacts(rs.getLong("id"), rs.getLong("person_id"),
            rs.getString("commune_code"), (Long) rs.getObject("village_id"), rs.getString("status"),
            rs.getObject("confirmed_on", LocalDate.class), rs.getString("care_setting"), rs.getString("facility"),
            rs.getObject("outcome_on", LocalDate.class), rs.getString("full_name"), rs.getString("sex"),
            rs.getObject("date_of_birth", LocalDate.class), (Integer) rs.getObject("birth_year"), rs.getString("national_id"),
            rs.getString("address"), rs.getString("person_commune"), (Long) rs.getObject("person_village"));
    private static final RowMapper<Decision> DECISION = (rs, i) -> new Decision(rs.getLong("id"), rs.getLong("case_id"),
            Kind.valueOf(rs.getString("kind")), rs.getString("commune_code"), rs.getInt("year"), rs.getInt("number"),
            rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by"));

    public record Issued(Decision decision, CaseFacts facts) {
    }

    /** The home-care guidance in force on a day, cited by the decision, with the minimum isolation it states. */
    public record HomeCareRule(String document, int isolationDays) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OfficialDocuments documents;
    private final HomeCareRules homeCareRules;
    private final ApplicationClock clock;
    private final Messages messages;

    DecisionRegister(JdbcClient jdbc, AuditLog audit, OfficialDocuments documents, HomeCareRules homeCareRules, ApplicationClock clock,
                     Messages messages) {
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.documents = documents;
        this.homeCareRules = homeCareRules;
    }

    /**
     * The case's decision of that kind: the one already issued (CASE_READ), or a new one (DECISION_ISSUE too).
     * Everyone who may issue may read; reading first keeps a reprint from taking the case's lock.
     */
    @Transactional
    public Issued issue(long caseId, Kind kind) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_READ);
        CaseFacts facts = find(caseId, user.scope(), false).orElseThrow(() -> notFound(caseId));
        Optional<Decision> existing = existing(caseId, kind);
        if (existing.isPresent()) return reprint(existing.get(), facts);
        CurrentUser.require(Right.DECISION_ISSUE);
        // A concurrent request for the same case and kind waits here, then finds the decision and takes no number.
        facts = find(caseId, user.scope(), true).orElseThrow(() -> notFound(caseId));
        existing = existing(caseId, kind);
        if (existing.isPresent()) return reprint(existing.get(), facts);
        return new Issued(issueNew(facts, kind, user), facts);
    }

    /** The case's decision of that kind if it has been issued (CASE_READ): reading never takes a number. */
    @Transactional
    public Optional<Issued> issued(long caseId, Kind kind) {
        PhaodaiUser user = CurrentUser.require(Right.CASE_READ);
        CaseFacts facts = find(caseId, user.scope(), false).orElseThrow(() -> notFound(caseId));
        return existing(caseId, kind).map(d -> reprint(d, facts));
    }

    /** Isolation decisions for every case of the commune confirmed that day (not discarded), in id order. */
    @Transactional
    public List<Issued> issueAll(String communeCode, LocalDate confirmedOn) {
        PhaodaiUser user = CurrentUser.require(Right.DECISION_ISSUE);
        CurrentUser.require(Right.CASE_READ);
        Scope scope = user.scope();
        if (!scope.everything() && !scope.communes().contains(communeCode) && !scope.villageCommunes().contains(communeCode)) {
            throw new NotFoundException(messages.get("cases.decision.commune.notFound", communeCode));
        }
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("commune", communeCode);
        p.put("day", confirmedOn);
        // Every case locked first, in id order: numbers follow that order, and a single request (one case,
        // then the counter) can never hold what the batch waits for while waiting for the batch.
        List<CaseFacts> cases = jdbc.sql(CASE + """
                where c.commune_code = :commune and c.confirmed_on = :day and c.status <> 'DISCARDED' and %s
                order by c.id for no key update of c""".formatted(scope.condition("c.commune_code", "c.village_id")))
                .params(p).query(FACTS).list();
        if (cases.isEmpty()) {
            throw new NotFoundException(messages.get("cases.decision.batch.none", communeCode, confirmedOn.format(DAY)));
        }
        List<Issued> issued = new ArrayList<>();
        for (CaseFacts c : cases) {
            Optional<Decision> existing = existing(c.caseId(), Kind.ISOLATION);
            issued.add(existing.isPresent() ? reprint(existing.get(), c) : new Issued(issueNew(c, Kind.ISOLATION, user), c));
        }
        return issued;
    }

    public Optional<HomeCareRule> homeCareRule(LocalDate day) {
        return homeCareRules.inForceOn(day).map(r -> new HomeCareRule(r.document(), r.isolationDays()));
    }

    // "caseStatus", not "status": that member of problem+json is the HTTP status.
    private Decision issueNew(CaseFacts c, Kind kind, PhaodaiUser user) {
        if ("DISCARDED".equals(c.status())) {
            throw new ConflictException(messages.get("cases.decision.discarded", String.valueOf(c.caseId())), null, Map.of("caseStatus", c.status()));
        }
        if (kind == Kind.END_OF_ISOLATION && !"RECOVERED".equals(c.status())) {
            throw new ConflictException(messages.get("cases.decision.endOfIsolation.notRecovered", String.valueOf(c.caseId()),
                    statusLabel(c.status())), null, Map.of("caseStatus", c.status()));
        }
        LocalDate today = clock.today();
        // The counter row is locked until commit: concurrent issues of the commune take their numbers in turn,
        // and a rolled-back issue gives its number back.
        int number = documents.nextNumber(c.communeCode(), today.getYear());
        Decision d = jdbc.sql("""
                insert into case_decision (case_id, kind, commune_code, year, number, issued_on, issued_by)
                values (:caseId, :kind, :commune, :year, :number, :issuedOn, :issuedBy) returning *""")
                .param("caseId", c.caseId()).param("kind", kind.name()).param("commune", c.communeCode())
                .param("year", today.getYear()).param("number", number).param("issuedOn", today)
                .param("issuedBy", user.username()).query(DECISION).single();
        audit.record("ISSUE_DECISION", "case", c.caseId(), c.personId(), Map.of("kind", kind, "number", number));
        return d;
    }

    /** A decision printed again is a view of the person's data: it goes to the audit trail as well. */
    private Issued reprint(Decision d, CaseFacts facts) {
        audit.record("VIEW_DECISION", "case", d.caseId(), facts.personId(), Map.of("kind", d.kind(), "number", d.number()));
        return new Issued(d, facts);
    }

    private Optional<Decision> existing(long caseId, Kind kind) {
        return jdbc.sql("select * from case_decision where case_id = ? and kind = ?").params(caseId, kind.name())
                .query(DECISION).optional();
    }

    private Optional<CaseFacts> find(long caseId, Scope scope, boolean lock) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", caseId);
        return jdbc.sql(CASE + "where c.id = :id and " + scope.condition("c.commune_code", "c.village_id")
                + (lock ? " for no key update of c" : "")).params(p).query(FACTS).optional();
    }

    private NotFoundException notFound(long caseId) {
        return new NotFoundException(messages.get("cases.notFound", String.valueOf(caseId)));
    }

    /** How the refusal says where the case stands ("hiện đã khỏi bệnh"); a status without its text shows as it is. */
    private String statusLabel(String status) {
        return CovidCase.STATUSES.contains(status) ? messages.get("cases.decision.caseStatus." + status) : status;
    }
}

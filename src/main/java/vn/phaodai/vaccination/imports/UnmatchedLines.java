package vn.phaodai.vaccination.imports;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.population.PersonForm;
import vn.phaodai.population.Persons;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of the platform's export that named nobody, on the list of the commune they belong to (or of their
 * importer): an officer matches one to a person of the area, or registers the person, and the dose is recorded.
 */
@Service
public class UnmatchedLines {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Why a line matched nobody (vaccine_import_unmatched.reason), each with its label (vimport.reason.*). */
    public static final List<String> REASONS = List.of("NO_SUCH_ID", "SEVERAL", "NONE");

    /** A line as read from the file, and why it matched nobody (NO_SUCH_ID, SEVERAL, NONE). */
    public record Line(long id, int line, String fullName, LocalDate dateOfBirth, String sex, String nationalId, String phone,
                       String productCode, String productName, String lotNumber, LocalDate givenOn, String doseKind,
                       Long pointId, String givenAt, String communeCode, String reason) {
    }

    /** The answer once a line is matched: the person and their dose. */
    public record Matched(long lineId, long personId, long doseId) {
    }

    private static final RowMapper<Line> LINE = (rs, i) -> new Line(rs.getLong("id"), rs.getInt("line"), rs.getString("full_name"),
            rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"), rs.getString("national_id"), rs.getString("phone"),
            rs.getString("product_code"), rs.getString("product_name"), rs.getString("lot_number"),
            rs.getObject("given_on", LocalDate.class), rs.getString("dose_kind"), (Long) rs.getObject("point_id"),
            rs.getString("given_at"), rs.getString("commune_code"), rs.getString("reason"));

    private final JdbcClient jdbc;
    private final Persons persons;
    private final AuditLog audit;
    private final Messages messages;

    UnmatchedLines(JdbcClient jdbc, Persons persons, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.messages = messages;
    }

    /** The open lines the user may see: of a commune of their area, or imported by them when they belong to no commune. */
    private static String visible(PhaodaiUser user, Map<String, Object> params) {
        params.putAll(user.scope().params());
        params.put("user", user.username());
        return "u.resolved_at is null and (" + user.scope().condition("u.commune_code", "null::bigint")
                + " or (u.commune_code is null and u.created_by = :user))";
    }

    private static final String SELECT = """
            select u.*, p.name product_name from vaccine_import_unmatched u join vaccine_product p on p.code = u.product_code
            """;

    /** The open lines, oldest import first, optionally those with a name containing q; audited (they name persons). */
    @Transactional(readOnly = true)
    public PageResult<Line> open(String q, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Map<String, Object> p = new HashMap<>();
        String where = " where " + visible(user, p);
        if (q != null && !q.isBlank()) {
            where += " and fold_text(u.full_name) like '%' || fold_text(:q) || '%'";
            p.put("q", q.strip());
        }
        long total = jdbc.sql("select count(*) from vaccine_import_unmatched u" + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Line> items = jdbc.sql(SELECT + where + " order by u.created_at, u.line limit :limit offset :offset").params(p).query(LINE).list();
        audit.recordShown("vaccine_import_unmatched", AuditLog.criteria("q", q, "page", page,
                "lines", items.stream().map(Line::id).toList()), List.of());
        return new PageResult<>(items, total, page, size);
    }

    /** One open line; missing, matched already or outside the user's lists answer alike (404). Audited. */
    @Transactional(readOnly = true)
    public Line get(long id) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Line line = find(user, id, false).orElseThrow(() -> notFound(id));
        audit.recordShown("vaccine_import_unmatched", AuditLog.criteria("line", id), List.of());
        return line;
    }

    private Optional<Line> find(PhaodaiUser user, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        String where = " where u.id = :id and " + visible(user, p);
        p.put("id", id);
        return jdbc.sql(SELECT + where + (lock ? " for update of u" : "")).params(p).query(LINE).optional();
    }

    /**
     * Matches the line to a person of the user's area and records its dose, as imported (a fact from the platform:
     * no rule check). A person who has that dose kind of another day or product is a conflict (409), not overwritten.
     */
    @Transactional
    public Matched match(long id, Long personId) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        if (personId == null) throw new InvalidInputException("personId", messages.get("vaccination.import.personRequired"));
        Line line = find(user, id, true).orElseThrow(() -> notFound(id));
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("person", personId);
        boolean inArea = jdbc.sql("select count(*) from person_card c where c.id = :person and "
                + user.scope().condition("c.commune_code", "c.village_id")).params(p).query(Long.class).single() > 0;
        if (!inArea) throw new NotFoundException(messages.get("vaccination.person.notFound", String.valueOf(personId)));
        long dose = recordDose(line, personId, user.username());
        jdbc.sql("update vaccine_import_unmatched set person_id = ?, dose_id = ?, resolved_by = ?, resolved_at = now() where id = ?")
                .params(personId, dose, user.username(), id).update();
        audit.record("MATCH", "vaccine_import_unmatched", id, personId, Map.of("line", line.line(), "dose", dose));
        return new Matched(id, personId, dose);
    }

    /** The person of the line registered (through the registry, with its checks), then matched. */
    @Transactional
    public Matched register(long id, String sex, String communeCode, Long villageId, String address) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        CurrentUser.require(Right.PERSON_WRITE); // a vaccinator matches lines; registering persons is the registry's officers'
        Line line = get(id);
        PersonForm form = new PersonForm(line.fullName(), sex != null && !sex.isBlank() ? sex : line.sex(),
                line.dateOfBirth() == null ? null : line.dateOfBirth().format(VN_DATE), null, line.nationalId(), line.phone(),
                communeCode != null && !communeCode.isBlank() ? communeCode : line.communeCode(), villageId, address,
                null, null, null, null, false, List.of(), null);
        long person = persons.create(form).person().id();
        return match(id, person);
    }

    private long recordDose(Line line, long personId, String user) {
        record Existing(long id, LocalDate givenOn, String product, String productName) {
        }
        Optional<Existing> existing = jdbc.sql("""
                        select d.id, d.given_on, d.product_code, p.name from vaccine_dose d join vaccine_product p on p.code = d.product_code
                        where d.person_id = ? and d.dose_kind = ?""")
                .params(personId, line.doseKind())
                .query((rs, i) -> new Existing(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4))).optional();
        if (existing.isPresent()) {
            Existing e = existing.get();
            if (e.givenOn().equals(line.givenOn()) && e.product().equals(line.productCode())) return e.id();
            throw new ConflictException(messages.get("vaccination.import.conflict", messages.get("vaccination.doseKind." + line.doseKind()),
                    e.givenOn().format(VN_DATE), e.productName()), "personId", Map.of("doseId", e.id()));
        }
        // Imported doses are facts from the platform: no rule check, broken_rules left empty (see DoseLoader).
        return jdbc.sql("""
                        insert into vaccine_dose (person_id, given_on, product_code, lot_number, dose_kind, point_id, given_at, source, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'IMPORT', ?) returning id""")
                .params(personId, line.givenOn(), line.productCode(), line.lotNumber(), line.doseKind(), line.pointId(),
                        line.pointId() == null ? line.givenAt() : null, user)
                .query(Long.class).single();
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("vaccination.import.lineNotFound", String.valueOf(id)));
    }
}

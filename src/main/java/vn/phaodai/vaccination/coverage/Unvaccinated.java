package vn.phaodai.vaccination.coverage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Không để sót đối tượng": the residents of a commune on a day (residents_on) with no dose given by that day, by
 * village and name, for the door-to-door teams. Personal data: every answer is audited.
 */
@Service
public class Unvaccinated {

    /** The most rows an export or a printed sheet holds. */
    public static final int MAX_ROWS = 100_000;

    public record Person(long id, String fullName, int birthYear, String sex, Long villageId, String villageName,
                         String address, String phone) {

        /** 0912 345 678 rather than +84912345678, as officials write it. */
        public String phoneDisplay() {
            return vn.phaodai.shared.Display.phone(phone);
        }
    }

    /** What the list is of: a commune (and one of its villages), a day, an age band, part of a name. */
    public record Criteria(String commune, Long village, LocalDate on, String band, String q) {
    }

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AgeBands bands;
    private final AuditLog audit;
    private final Messages messages;

    Unvaccinated(JdbcClient jdbc, Geography geography, AgeBands bands, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.bands = bands;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional // not read-only: the list writes its audit entry
    public PageResult<Person> list(Criteria c, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Map<String, Object> p = params(c, user.scope());
        String sql = query(user.scope());
        long total = jdbc.sql("select count(*) from (" + sql + ") t").params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Person> items = jdbc.sql(sql + ORDER + " limit :limit offset :offset").params(p).query((rs, i) -> person(rs)).list();
        audit.recordShown("vaccination_coverage", criteria(c, "unvaccinated"), items, Person::id);
        return new PageResult<>(items, total, page, size);
    }

    /** The whole list (up to MAX_ROWS) to a sink: the printed sheet and the workbook. */
    @Transactional // not read-only: the audit entry is written in it
    public void all(Criteria c, boolean export, Consumer<Person> sink) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        if (export && !user.can(Right.PERSON_EXPORT)) throw new AccessDeniedException(messages.get("vaccination.unvaccinated.noExport"));
        Map<String, Object> p = params(c, user.scope());
        p.put("limit", MAX_ROWS);
        List<Long> shown = new java.util.ArrayList<>();
        jdbc.sql(query(user.scope()) + ORDER + " limit :limit").params(p).query(rs -> {
            Person person = person(rs);
            shown.add(person.id());
            sink.accept(person);
        });
        if (export) audit.record("EXPORT", "vaccination_coverage", null, null, criteria(c, "unvaccinated"));
        else audit.recordShown("vaccination_coverage", criteria(c, "unvaccinated-sheet"), shown);
    }

    private static Map<String, Object> criteria(Criteria c, String list) {
        return AuditLog.criteria("list", list, "commune", c.commune(), "village", c.village(), "on", String.valueOf(c.on()),
                "band", c.band(), "q", c.q());
    }

    /** Checks the criteria (a commune and a village of it inside the area, a known band) into the query's parameters. */
    private Map<String, Object> params(Criteria c, Scope scope) {
        if (c.commune() == null || c.commune().isBlank()) {
            throw new InvalidInputException("commune", messages.get("vaccination.unvaccinated.commune.required"));
        }
        if (c.on() == null) throw new InvalidInputException("on", messages.get("vaccination.coverage.on.required"));
        String commune = c.commune().strip();
        NotFoundException missing = new NotFoundException(messages.get("vaccination.coverage.unit.notFound", commune));
        if (geography.findCommune(commune).isEmpty()) throw missing;
        if (!scope.covers(commune, null) && !scope.villageCommunes().contains(commune)) throw missing;
        if (c.village() != null) {
            var v = geography.village(c.village()).filter(x -> x.communeCode().equals(commune))
                    .orElseThrow(() -> new NotFoundException(messages.get("vaccination.coverage.unit.notFound", "v" + c.village())));
            if (!scope.covers(commune, v.id())) throw new NotFoundException(messages.get("vaccination.coverage.unit.notFound", "v" + v.id()));
        }
        AgeBands.Band band = null;
        if (c.band() != null && !c.band().isBlank()) {
            band = bands.on(c.on()).stream().filter(b -> b.code().equals(c.band().strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("band", messages.get("vaccination.unvaccinated.band.invalid", c.band().strip())));
        }
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("commune", commune);
        p.put("village", c.village());
        p.put("on", c.on());
        p.put("minAge", band == null ? 0 : band.minAge());
        p.put("maxAge", band == null || band.maxAge() == null ? 1000 : band.maxAge());
        String q = c.q() == null ? "" : c.q().strip();
        // Part of a name, accents and case ignored; % and _ typed are letters, not wildcards.
        p.put("q", q.isEmpty() ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return p;
    }

    private static String query(Scope scope) {
        return """
                select p.id, p.full_name, p.birth_year, p.sex, r.village_id, v.name as village_name, p.address, p.phone
                from residents_on(cast(:on as date)) r join person_card p on p.id = r.person_id
                left join village_card v on v.id = r.village_id
                where r.commune_code = :commune and (cast(:village as bigint) is null or r.village_id = :village) and %s
                  and (cast(:q as text) is null or p.search_name like fold_text(cast(:q as text)))
                  and %s between :minAge and :maxAge
                  and not exists (select 1 from vaccine_dose d where d.person_id = r.person_id and d.given_on <= cast(:on as date))"""
                .formatted(scope.condition("r.commune_code", "r.village_id"), VaccinationCoverage.AGE);
    }

    private static final String ORDER = """

            order by v.name nulls last, r.village_id, p.search_name, p.id""";

    private Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        String village = rs.getString("village_name");
        return new Person(rs.getLong("id"), rs.getString("full_name"), rs.getInt("birth_year"), rs.getString("sex"),
                (Long) rs.getObject("village_id"), village == null ? messages.get("vaccination.coverage.noVillage") : village,
                rs.getString("address"), rs.getString("phone"));
    }
}

package vn.phaodai.vaccination.reconciliation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.vaccination.coverage.CoverageUnit;
import vn.phaodai.vaccination.coverage.VaccinationCoverage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Doses in the registry, doses the points reported and doses issued from stock, side by side for a period (issue 15
 * §2), so that missing doses show. Everything is counted at the vaccination point and summed to the point's commune:
 * a dose by the point it was given at (not the person's commune; a dose given elsewhere is not any point's), a report
 * by its point, and stock issued as the doses allocated to the point or to the commune's own store minus those
 * returned from them (moves between the commune and its own points are not issues).
 */
@Service
public class Reconciliation {

    static final int MAX_DAYS = 731;

    /**
     * One commune or point, with its differences: reported minus registry (doses given that the registry lacks, when
     * above zero) and issued minus registry; differs when the report and the registry disagree or the registry holds
     * more than was issued.
     */
    public record Row(String code, String name, long registry, long reported, long issued, long reportedMinusRegistry,
                      long issuedMinusRegistry, boolean differs) {
        static Row of(String code, String name, long registry, long reported, long issued) {
            return new Row(code, name, registry, reported, issued, reported - registry, issued - registry,
                    reported != registry || registry > issued);
        }
    }

    public record Report(String unit, String unitName, String level, LocalDate from, LocalDate to, List<Row> rows, Row total) {
    }

    private final JdbcClient jdbc;
    private final VaccinationCoverage coverage;
    private final Messages messages;

    Reconciliation(JdbcClient jdbc, VaccinationCoverage coverage, Messages messages) {
        this.jdbc = jdbc;
        this.coverage = coverage;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Report report(String unitValue, LocalDate from, LocalDate to) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        if (from == null) throw new InvalidInputException("from", messages.get("vaccination.reconciliation.from.required"));
        if (to == null) throw new InvalidInputException("to", messages.get("vaccination.reconciliation.to.required"));
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInputException("to", messages.get("vaccination.reconciliation.period.invalid", MAX_DAYS));
        }
        CoverageUnit unit = coverage.unit(unitValue, user.scope());
        if (unit.level() == CoverageUnit.Level.VILLAGE) {
            throw new InvalidInputException("unit", messages.get("vaccination.reconciliation.unit.village"));
        }
        boolean byPoint = unit.level() == CoverageUnit.Level.COMMUNE;
        String[] communes = unit.communes().toArray(String[]::new);
        List<Row> rows = new ArrayList<>();
        jdbc.sql(byPoint ? BY_POINT : BY_COMMUNE).param("communes", communes).param("from", from).param("to", to)
                .query(rs -> {
                    rows.add(Row.of(rs.getString("code"), rs.getString("name"), rs.getLong("registry"), rs.getLong("reported"),
                            rs.getLong("issued")));
                });
        Row total;
        if (byPoint) { // the commune's own store may hold what is issued to it and not yet to a point
            total = jdbc.sql(BY_COMMUNE).param("communes", communes).param("from", from).param("to", to)
                    .query((rs, i) -> Row.of(rs.getString("code"), rs.getString("name"), rs.getLong("registry"),
                            rs.getLong("reported"), rs.getLong("issued"))).single();
        } else {
            total = Row.of(unit.code(), unit.name(), rows.stream().mapToLong(Row::registry).sum(),
                    rows.stream().mapToLong(Row::reported).sum(), rows.stream().mapToLong(Row::issued).sum());
        }
        return new Report(unit.code(), unit.name(), unit.level().name(), from, to, rows, total);
    }

    /*
     * Holders inside a commune: the commune's store and its points. For a commune, a movement counts as issued when it
     * enters one of them from outside and as given back when it leaves them for outside (moves within the commune are
     * not issues); for a point, everything that entered or left the point.
     */
    private static final String HOLDERS = """
            with pt as (select v.id, v.name, v.commune_code from vaccination_point v where v.commune_code = any(cast(:communes as text[]))),
            h as (select 'POINT' as level, id::text as code, commune_code, id as point_id from pt
                  union all select 'COMMUNE', c, c, null::bigint from unnest(cast(:communes as text[])) c),
            flows as (
                select h.commune_code, h.point_id, m.doses as n
                from vaccine_stock_movement m join h on h.level = m.to_level and h.code = m.to_code
                where m.kind in ('ALLOCATE', 'RETURN') and m.on_date between :from and :to
                  and not exists (select 1 from h f where f.level = m.from_level and f.code = m.from_code and f.commune_code = h.commune_code)
                union all
                select h.commune_code, h.point_id, -m.doses
                from vaccine_stock_movement m join h on h.level = m.from_level and h.code = m.from_code
                where m.kind in ('ALLOCATE', 'RETURN') and m.on_date between :from and :to
                  and not exists (select 1 from h t where t.level = m.to_level and t.code = m.to_code and t.commune_code = h.commune_code)
            ),
            pflows as (
                select m.to_code::bigint as point_id, m.doses as n from vaccine_stock_movement m
                where m.to_level = 'POINT' and m.to_code in (select code from h where level = 'POINT')
                  and m.kind in ('ALLOCATE', 'RETURN') and m.on_date between :from and :to
                union all
                select m.from_code::bigint, -m.doses from vaccine_stock_movement m
                where m.from_level = 'POINT' and m.from_code in (select code from h where level = 'POINT')
                  and m.kind in ('ALLOCATE', 'RETURN') and m.on_date between :from and :to
            ),
            reg as (select d.point_id, count(*) as n from vaccine_dose d join pt on pt.id = d.point_id
                    where d.given_on between :from and :to group by d.point_id),
            rep as (select r.point_id, sum(r.doses) as n from vaccination_point_report r join pt on pt.id = r.point_id
                    where r.day between :from and :to group by r.point_id)
            """;

    private static final String BY_COMMUNE = HOLDERS + """
            select c.code, c.name,
                   coalesce((select sum(reg.n) from reg join pt on pt.id = reg.point_id where pt.commune_code = c.code), 0) as registry,
                   coalesce((select sum(rep.n) from rep join pt on pt.id = rep.point_id where pt.commune_code = c.code), 0) as reported,
                   coalesce((select sum(f.n) from flows f where f.commune_code = c.code), 0) as issued
            from commune_card c where c.code = any(cast(:communes as text[])) order by c.name, c.code""";

    private static final String BY_POINT = HOLDERS + """
            select pt.id::text as code, pt.name, coalesce(reg.n, 0) as registry, coalesce(rep.n, 0) as reported,
                   coalesce((select sum(f.n) from pflows f where f.point_id = pt.id), 0) as issued
            from pt left join reg on reg.point_id = pt.id left join rep on rep.point_id = pt.id order by pt.name, pt.id""";
}

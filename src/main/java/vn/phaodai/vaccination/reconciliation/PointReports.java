package vn.phaodai.vaccination.reconciliation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a vaccination point reports it gave, per day and product (the tally sheet the points sent up in 2021). The
 * point's staff report it, so the right is the one that records doses (VACCINATION_WRITE). One count per point, day
 * and product: the same count again changes nothing, another count corrects it and the old one stays as a revision.
 */
@Service
public class PointReports {

    static final int MAX_DOSES = 100_000;

    /** A report as typed: numbers and dates as text, read here so that each wrong value answers at its field. */
    public record Form(String pointId, String day, String product, String doses) {
    }

    public record Report(long id, long pointId, String pointName, LocalDate day, String product, String productName, int doses,
                         String reportedBy, String correctedBy, boolean changed) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;
    private final ApplicationClock clock;

    PointReports(JdbcClient jdbc, Messages messages, ApplicationClock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Report report(Form form) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        long pointId = point(form.pointId(), user);
        LocalDate day = day(form.day());
        String product = product(form.product());
        int doses = doses(form.doses());
        Optional<Integer> before = jdbc.sql("""
                select doses from vaccination_point_report where point_id = ? and day = ? and product_code = ? for update""")
                .params(pointId, day, product).query(Integer.class).optional();
        boolean changed = before.isEmpty() || before.get() != doses;
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into vaccination_point_report (point_id, day, product_code, doses, reported_by) values (?, ?, ?, ?, ?)
                    on conflict (point_id, day, product_code) do nothing""")
                    .params(pointId, day, product, doses, user.username()).update();
        } else if (changed) {
            jdbc.sql("""
                    insert into vaccination_point_report_revision (report_id, doses_before, doses_after, changed_by)
                    select id, doses, ?, ? from vaccination_point_report where point_id = ? and day = ? and product_code = ?""")
                    .params(doses, user.username(), pointId, day, product).update();
            jdbc.sql("""
                    update vaccination_point_report set doses = ?, corrected_by = ?, corrected_at = now()
                    where point_id = ? and day = ? and product_code = ?""")
                    .params(doses, user.username(), pointId, day, product).update();
        }
        return jdbc.sql("""
                select r.id, r.point_id, v.name, r.day, r.product_code, p.name, r.doses, r.reported_by, r.corrected_by
                from vaccination_point_report r join vaccination_point v on v.id = r.point_id
                join vaccine_product p on p.code = r.product_code
                where r.point_id = ? and r.day = ? and r.product_code = ?""").params(pointId, day, product)
                .query((rs, i) -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), changed)).single();
    }

    /** The point, if the user's area holds its commune; missing and outside answer the same 404. */
    private long point(String value, PhaodaiUser user) {
        if (value == null || value.isBlank()) throw new InvalidInputException("pointId", messages.get("vaccination.pointReport.point.required"));
        long id;
        try {
            id = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("pointId", messages.get("vaccination.pointReport.point.required"));
        }
        String commune = jdbc.sql("select commune_code from vaccination_point where id = ?").param(id).query(String.class).optional()
                .orElse(null);
        if (commune == null || !user.scope().covers(commune, null)) {
            throw new NotFoundException(messages.get("vaccination.pointReport.point.notFound"));
        }
        return id;
    }

    private LocalDate day(String value) {
        LocalDate day;
        try {
            day = value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) throw new InvalidInputException("day", messages.get("vaccination.pointReport.day.invalid"));
        if (day.isAfter(clock.today())) throw new InvalidInputException("day", messages.get("vaccination.pointReport.day.future"));
        return day;
    }

    private String product(String value) {
        String code = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
        boolean known = !code.isEmpty() && jdbc.sql("select exists (select 1 from vaccine_product where code = ?)").param(code)
                .query(Boolean.class).single();
        if (!known) throw new InvalidInputException("product", messages.get("vaccination.pointReport.product.invalid"));
        return code;
    }

    private int doses(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= 0 && n <= MAX_DOSES) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("doses", messages.get("vaccination.pointReport.doses.invalid", MAX_DOSES));
    }
}

package vn.phaodai.vaccination.reconciliation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.vaccination.points.Points;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tally sheet a point sends at the end of a day, on a phone: the point by name, the day (today unless typed), and
 * for each product the doses given. Every count is checked before any is saved; each saved count then says whether
 * it was new, the same as before, or a correction (with its revision's number).
 */
@Controller
class PointReportPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    record Product(String code, String name) {
    }

    /** One product's count as saved, and what became of it: SAVED, SAME or CORRECTED (revision n). */
    record Outcome(String productName, int doses, String state, int revision) {
    }

    private final PointReports reports;
    private final Points points;
    private final ApplicationClock clock;
    private final Messages messages;
    private final JdbcClient jdbc;

    PointReportPages(PointReports reports, Points points, ApplicationClock clock, Messages messages, JdbcClient jdbc) {
        this.reports = reports;
        this.points = points;
        this.clock = clock;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @GetMapping("/vaccination/point-reports/new")
    String form(@RequestParam(required = false) String point, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        String chosen = point != null && point.strip().matches("\\d{1,18}") ? point.strip() : null;
        if (chosen != null) points.get(Long.parseLong(chosen)); // 404 outside the area
        return page(chosen, chosen == null ? "" : points.label(chosen), DAY.format(clock.today()), Map.of(), Map.of(), List.of(), model);
    }

    @PostMapping("/vaccination/point-reports")
    String report(@RequestParam Map<String, String> posted, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        String pointName = posted.getOrDefault("pointName", "");
        String typedDay = posted.getOrDefault("day", "");
        Map<String, String> counts = new LinkedHashMap<>();
        for (Product p : products()) counts.put(p.code(), posted.getOrDefault("doses_" + p.code(), "").strip());
        Map<String, String> errors = new LinkedHashMap<>();
        Choice chosen = points.choose(posted.get("point"), pointName);
        if (chosen.failed()) errors.put("point", chosen.error());
        else if (chosen.id() == null) errors.put("point", messages.get("vaccination.pointReport.point.required"));
        LocalDate day = day(typedDay, errors);
        for (Map.Entry<String, String> c : counts.entrySet()) {
            String v = c.getValue();
            if (!v.isEmpty() && !(v.matches("\\d{1,6}") && Integer.parseInt(v) <= PointReports.MAX_DOSES)) {
                errors.put("doses_" + c.getKey(), messages.get("vaccination.pointReport.doses.invalid", PointReports.MAX_DOSES));
            }
        }
        if (errors.isEmpty() && counts.values().stream().allMatch(String::isEmpty)) {
            errors.put("form", messages.get("vaccination.reportForm.nothing"));
        }
        String pointId = chosen.id();
        List<Outcome> outcomes = new ArrayList<>();
        if (errors.isEmpty()) {
            try {
                for (Product p : products()) {
                    String v = counts.get(p.code());
                    if (v.isEmpty()) continue;
                    PointReports.Report r = reports.report(new PointReports.Form(pointId, day.toString(), p.code(), v));
                    outcomes.add(outcome(r));
                }
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field().equals("pointId") ? "point" : f.field(), f.message()));
            } catch (NotFoundException e) {
                errors.put("point", e.getMessage());
            }
        }
        String label = pointId != null && errors.get("point") == null ? points.label(pointId) : pointName;
        return page(errors.containsKey("point") ? null : pointId, label, typedDay, counts, errors, outcomes, model);
    }

    private Outcome outcome(PointReports.Report r) {
        if (!r.changed()) return new Outcome(r.productName(), r.doses(), "SAME", 0);
        if (r.correctedBy() == null) return new Outcome(r.productName(), r.doses(), "SAVED", 0);
        int revision = jdbc.sql("select count(*) from vaccination_point_report_revision where report_id = ?").param(r.id())
                .query(Integer.class).single();
        return new Outcome(r.productName(), r.doses(), "CORRECTED", revision);
    }

    private String page(String point, String pointName, String day, Map<String, String> counts, Map<String, String> errors,
                        List<Outcome> outcomes, Model model) {
        model.addAttribute("point", point);
        model.addAttribute("pointName", pointName);
        model.addAttribute("day", day);
        model.addAttribute("counts", counts);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("products", products());
        return "vaccination/point-report-form";
    }

    private List<Product> products() {
        return jdbc.sql("select code, name from vaccine_product order by name").query((rs, i) -> new Product(rs.getString(1), rs.getString(2))).list();
    }

    /** dd/MM/yyyy (or ISO); empty: today by the application clock; unreadable or after today: a message at the field. */
    private LocalDate day(String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) return clock.today();
        String t = typed.strip();
        try {
            LocalDate d = t.contains("/") ? LocalDate.parse(t, DAY) : LocalDate.parse(t);
            if (d.isAfter(clock.today())) errors.put("day", messages.get("vaccination.pointReport.day.future"));
            return d;
        } catch (DateTimeParseException e) {
            errors.put("day", messages.get("vaccination.pointReport.day.invalid"));
            return null;
        }
    }
}

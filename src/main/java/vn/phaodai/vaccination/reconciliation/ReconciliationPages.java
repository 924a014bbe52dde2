package vn.phaodai.vaccination.reconciliation;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation page: a province or district of the user's area chosen from a list of names, or a commune by the
 * commune picker, and a period (this month so far unless typed); the table registry / reported / issued with the
 * differences marked, and the same as a workbook.
 */
@Controller
class ReconciliationPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Reconciliation reconciliation;
    private final CommunePicker picker;
    private final Geography geography;
    private final ApplicationClock clock;
    private final Messages messages;
    private final JdbcClient jdbc;

    ReconciliationPages(Reconciliation reconciliation, CommunePicker picker, Geography geography, ApplicationClock clock,
                        Messages messages, JdbcClient jdbc) {
        this.reconciliation = reconciliation;
        this.picker = picker;
        this.geography = geography;
        this.clock = clock;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @GetMapping("/vaccination/reconciliation")
    String page(@RequestParam(required = false) String area, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String communeName, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = clock.today();
        LocalDate start = day("from", from, today.withDayOfMonth(1), errors);
        LocalDate end = day("to", to, today, errors);
        String c = picker.filter("commune", commune, communeName, model);
        if (model.getAttribute("errors") instanceof Map<?, ?> m) m.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
        String unit = c != null ? c : area != null && !area.isBlank() ? area.strip() : defaultUnit(user);
        Reconciliation.Report report = null;
        if (unit != null && !errors.containsKey("from") && !errors.containsKey("to")) {
            try {
                report = reconciliation.report(unit, start, end);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("report", report);
        model.addAttribute("from", orDay(from, start));
        model.addAttribute("to", orDay(to, end));
        model.addAttribute("areas", areas(user));
        model.addAttribute("area", area);
        model.addAttribute("commune", c);
        model.addAttribute("communeName", communeName);
        return "vaccination/reconciliation";
    }

    @GetMapping("/vaccination/reconciliation.xlsx")
    void workbook(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        CurrentUser.require(Right.VACCINATION_READ);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = day("from", from, null, errors);
        LocalDate end = day("to", to, null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.entrySet().stream().map(e -> new vn.phaodai.shared.FieldError(e.getKey(), e.getValue())).toList());
        }
        Reconciliation.Report report = reconciliation.report(unit, start, end); // checked before the first byte
        response.setContentType(ReconciliationExport.TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ReconciliationExport.fileName(report) + "\"");
        ReconciliationExport.write(response.getOutputStream(), messages, report);
    }

    /** What the box shows: the text as typed (a wrong one stays to be mended), else the day in dd/MM/yyyy. */
    private static String orDay(String typed, LocalDate day) {
        return typed != null && !typed.isBlank() ? typed.strip() : DAY.format(day);
    }

    /** dd/MM/yyyy (or ISO); empty: the default; unreadable: a message at the field. */
    private LocalDate day(String field, String typed, LocalDate otherwise, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) return otherwise;
        String t = typed.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, DAY) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.put(field, messages.get("vaccination.recon.day.invalid", t));
            return otherwise;
        }
    }

    /** The user's one province, district or commune; everywhere: the province of the registry. A village team: none. */
    private String defaultUnit(PhaodaiUser user) {
        List<String> codes = user.jurisdictionCodes();
        if ("VILLAGE".equals(user.jurisdictionLevel())) return null;
        if (codes != null && codes.size() == 1) return codes.get(0);
        if (!user.scope().everything()) return null;
        return jdbc.sql("select c.province_code from person_card p join commune_card c on c.code = p.commune_code limit 1")
                .query(String.class).optional().orElse(null);
    }

    /** The provinces and districts the user may choose (their own and those inside), by name. */
    private List<AdminUnit> areas(PhaodaiUser user) {
        List<AdminUnit> out = new ArrayList<>();
        String level = user.jurisdictionLevel();
        List<String> codes = user.jurisdictionCodes() == null ? List.of() : user.jurisdictionCodes();
        List<String> provinces = "PROVINCE".equals(level) && codes.isEmpty() && user.scope().everything()
                ? java.util.Optional.ofNullable(defaultUnit(user)).map(List::of).orElse(List.of()) : "PROVINCE".equals(level) ? codes : List.of();
        try {
            for (String p : provinces) {
                out.add(geography.province(p));
                out.addAll(geography.districts(p).stream().filter(AdminUnit::active).toList());
            }
            if ("DISTRICT".equals(level)) for (String d : codes) out.add(geography.district(d));
        } catch (RuntimeException e) {
            // a jurisdiction naming a unit no longer listed: nothing more to offer
        }
        return out;
    }
}

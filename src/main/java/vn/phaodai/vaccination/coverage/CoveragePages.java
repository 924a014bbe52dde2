package vn.phaodai.vaccination.coverage;

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
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The coverage page (table, bars, Excel) and the unvaccinated list (paged, Excel, a sheet to print). */
@Controller
class CoveragePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final VaccinationCoverage coverage;
    private final Unvaccinated unvaccinated;
    private final CoverageSheets sheets;
    private final AgeBands bands;
    private final Geography geography;
    private final CommunePicker picker;
    private final ApplicationClock clock;
    private final Messages messages;
    private final JdbcClient jdbc;

    CoveragePages(VaccinationCoverage coverage, Unvaccinated unvaccinated, CoverageSheets sheets, AgeBands bands,
                  Geography geography, CommunePicker picker, ApplicationClock clock, Messages messages, JdbcClient jdbc) {
        this.coverage = coverage;
        this.unvaccinated = unvaccinated;
        this.sheets = sheets;
        this.bands = bands;
        this.geography = geography;
        this.picker = picker;
        this.clock = clock;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** dd/MM/yyyy (or ISO); empty: today by the application clock; unreadable: an error at the field, today shown. */
    private LocalDate day(String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) return clock.today();
        String t = typed.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, DAY) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.put("on", messages.get("vaccination.coverage.on.invalid", t));
            return clock.today();
        }
    }

    /** The unit the form names: a village, else a commune, else the province or district chosen, else the user's own. */
    private String unitOf(String area, String commune, String communeName, String village, String villageName,
                          Map<String, String> errors, Model model) {
        String c = picker.filter("commune", commune, communeName, model);
        String v = picker.filterVillage("village", c, villageName == null ? null : villageName, model);
        if (village != null && !village.isBlank()) v = village.strip();
        if (model.getAttribute("errors") instanceof Map<?, ?> m) m.forEach((k, val) -> errors.put(String.valueOf(k), String.valueOf(val)));
        if (v != null && v.matches("\\d{1,18}")) return CoverageUnit.villageCode(Long.parseLong(v));
        if (c != null) return c;
        if (area != null && !area.isBlank()) return area.strip();
        return defaultUnit(CurrentUser.get());
    }

    private String defaultUnit(PhaodaiUser user) {
        List<String> codes = user.jurisdictionCodes();
        if (codes != null && codes.size() == 1) {
            return "VILLAGE".equals(user.jurisdictionLevel()) ? CoverageUnit.villageCode(Long.parseLong(codes.get(0))) : codes.get(0);
        }
        // Everywhere: the province the registry's persons live in (one province an installation).
        return jdbc.sql("select c.province_code from person_card p join commune_card c on c.code = p.commune_code limit 1")
                .query(String.class).optional().orElse(null);
    }

    /** The provinces and districts a user may pick (their own), for the unit select. */
    private List<AdminUnit> areas(PhaodaiUser user) {
        List<AdminUnit> out = new ArrayList<>();
        String level = user.jurisdictionLevel();
        List<String> codes = user.jurisdictionCodes() == null ? List.of() : user.jurisdictionCodes();
        List<String> provinces = "PROVINCE".equals(level) && codes.isEmpty() && user.scope().everything()
                ? java.util.Optional.ofNullable(defaultUnit(user)).map(List::of).orElse(List.of()) : "PROVINCE".equals(level) ? codes : List.of();
        for (String p : provinces) {
            try {
                out.add(geography.province(p));
                out.addAll(geography.districts(p).stream().filter(AdminUnit::active).toList());
            } catch (RuntimeException e) {
                // a jurisdiction naming a unit no longer listed: nothing to offer
            }
        }
        if ("DISTRICT".equals(level)) for (String d : codes) out.add(geography.district(d));
        return out;
    }

    @GetMapping("/vaccination/coverage")
    String coverage(@RequestParam(required = false) String area, @RequestParam(required = false) String commune,
                    @RequestParam(required = false) String communeName, @RequestParam(required = false) String village,
                    @RequestParam(required = false) String villageName, @RequestParam(required = false) String on,
                    @RequestParam(required = false) String by, @RequestParam(required = false) String band, Model model) {
        coverage.reader();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(on, errors);
        String unit = unitOf(area, commune, communeName, village, villageName, errors, model);
        VaccinationCoverage.Report report = null;
        if (unit != null) {
            try {
                report = coverage.report(unit, day, by);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
                if (errors.containsKey("by")) report = coverage.report(unit, day, null);
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("report", report);
        model.addAttribute("on", on == null || on.isBlank() ? DAY.format(day) : on.strip());
        model.addAttribute("day", day);
        model.addAttribute("areas", areas(CurrentUser.get()));
        model.addAttribute("area", area);
        model.addAttribute("commune", commune);
        model.addAttribute("communeName", communeName);
        model.addAttribute("village", village);
        model.addAttribute("villageName", villageName);
        model.addAttribute("by", by);
        // The children are compared in one band: the one asked for, else 12+ (the province's target), else all ages.
        String shown = null;
        if (report != null) {
            List<String> inForce = report.unit().bands().stream().map(VaccinationCoverage.Figures::band).toList();
            shown = band != null && inForce.contains(band) ? band : inForce.contains("AGE_12_PLUS") ? "AGE_12_PLUS" : inForce.isEmpty() ? null : inForce.get(0);
        }
        model.addAttribute("band", shown);
        model.addAttribute("bandIndex", report == null || shown == null ? 0 : report.unit().bands().stream()
                .map(VaccinationCoverage.Figures::band).toList().indexOf(shown));
        CoverageUnit.Level level = report == null ? null : CoverageUnit.Level.valueOf(report.unit().level().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("levels", level == null ? List.of() : java.util.Arrays.stream(CoverageUnit.Level.values())
                .filter(level::above).map(CoverageUnit.Level::param).toList());
        return "vaccination/coverage";
    }

    @GetMapping("/vaccination/coverage.xlsx")
    void coverageSheet(@RequestParam String unit, @RequestParam(required = false) String on,
                       @RequestParam(required = false) String by, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(on, errors);
        if (!errors.isEmpty()) throw new InvalidInputException("on", errors.get("on"));
        VaccinationCoverage.Report report = coverage.report(unit, day, by);
        xlsx(response, "bao-phu-tiem-chung-" + report.unit().code() + "-" + day + ".xlsx");
        sheets.coverage(report, response.getOutputStream());
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    private Unvaccinated.Criteria criteria(String commune, String communeName, String village, String villageName, String on,
                                           String band, String q, Map<String, String> errors, Model model) {
        LocalDate day = day(on, errors);
        String c = picker.filter("commune", commune, communeName, model);
        if (c == null) c = picker.onlyCommune();
        String v = picker.filterVillage("village", c, villageName, model);
        if (village != null && !village.isBlank()) v = village.strip();
        if (model.getAttribute("errors") instanceof Map<?, ?> m) m.forEach((k, val) -> errors.put(String.valueOf(k), String.valueOf(val)));
        Long villageId = v != null && v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
        return new Unvaccinated.Criteria(c, villageId, day, band == null || band.isBlank() ? null : band.strip(), q);
    }

    @GetMapping("/vaccination/unvaccinated")
    String unvaccinated(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                        @RequestParam(required = false) String village, @RequestParam(required = false) String villageName,
                        @RequestParam(required = false) String on, @RequestParam(required = false) String band,
                        @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Unvaccinated.Criteria c = criteria(commune, communeName, village, villageName, on, band, q, errors, model);
        PageResult<Unvaccinated.Person> result = null;
        if (c.commune() != null) {
            try {
                result = unvaccinated.list(c, PageResult.page(page), 50);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
            }
        } else {
            vn.phaodai.security.CurrentUser.require(vn.phaodai.security.Right.VACCINATION_READ);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("c", c);
        model.addAttribute("on", DAY.format(c.on()));
        model.addAttribute("bands", bands.on(c.on()));
        model.addAttribute("commune", c.commune());
        model.addAttribute("village", c.village() == null ? null : String.valueOf(c.village()));
        model.addAttribute("communeName", communeName);
        model.addAttribute("villageName", villageName);
        return "vaccination/unvaccinated";
    }

    @GetMapping("/vaccination/unvaccinated.xlsx")
    void unvaccinatedSheet(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                           @RequestParam(required = false) String on, @RequestParam(required = false) String band,
                           @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(on, errors);
        if (!errors.isEmpty()) throw new InvalidInputException("on", errors.get("on"));
        Unvaccinated.Criteria c = new Unvaccinated.Criteria(commune, village, day, band, q);
        sheets.unvaccinated(c, () -> {
            xlsx(response, "chua-tiem-" + commune + "-" + day + ".xlsx");
            return response.getOutputStream();
        });
    }

    /** The door-to-door sheet: the whole list, one line a person and a blank column for the answer, to print. */
    @GetMapping("/vaccination/unvaccinated/print")
    String print(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                 @RequestParam(required = false) String on, @RequestParam(required = false) String band,
                 @RequestParam(required = false) String q, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(on, errors);
        if (!errors.isEmpty()) throw new InvalidInputException("on", errors.get("on"));
        Unvaccinated.Criteria c = new Unvaccinated.Criteria(commune, village, day, band, q);
        List<Unvaccinated.Person> persons = new ArrayList<>();
        unvaccinated.all(c, false, persons::add);
        model.addAttribute("persons", persons);
        model.addAttribute("c", c);
        model.addAttribute("communeName", geography.findCommune(commune.strip()).map(AdminUnit::name).orElse(commune));
        model.addAttribute("villageName", village == null ? null : geography.village(village).map(vn.phaodai.geography.Village::name).orElse(null));
        model.addAttribute("bandName", band == null || band.isBlank() ? null : bands.on(day).stream()
                .filter(b -> b.code().equals(band.strip())).map(AgeBands.Band::name).findFirst().orElse(null));
        return "vaccination/unvaccinated-print";
    }
}

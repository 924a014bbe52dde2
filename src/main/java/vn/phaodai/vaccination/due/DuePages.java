package vn.phaodai.vaccination.due;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
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

/** The due list page (paged, by village, state and priority group), its workbook and its printable sheet; the groups form. */
@Controller
class DuePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    /** Columns of the workbook: due.sheet.&lt;name&gt;. */
    private static final List<String> COLUMNS = List.of("fullName", "birthYear", "sex", "village", "phone", "dose", "from", "until",
            "state", "group");

    /** What the form asks, typed as it was, and the criteria it gives. */
    record Form(DueList.Criteria criteria, Integer group, String on) {
    }

    private final DueList due;
    private final PriorityGroups groups;
    private final Geography geography;
    private final CommunePicker picker;
    private final ApplicationClock clock;
    private final Messages messages;

    DuePages(DueList due, PriorityGroups groups, Geography geography, CommunePicker picker, ApplicationClock clock, Messages messages) {
        this.due = due;
        this.groups = groups;
        this.geography = geography;
        this.picker = picker;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/vaccination/due")
    String page(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                @RequestParam(required = false) String village, @RequestParam(required = false) String villageName,
                @RequestParam(required = false) String on, @RequestParam(required = false) String state,
                @RequestParam(required = false) String group, @RequestParam(required = false) String first,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser.require(Right.VACCINATION_READ);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(on, errors);
        String c = picker.filter("commune", commune, communeName, model);
        if (c == null) c = picker.onlyCommune();
        String v = picker.filterVillage("village", c, villageName, model);
        if (village != null && !village.isBlank()) v = village.strip();
        if (model.getAttribute("errors") instanceof Map<?, ?> m) m.forEach((k, val) -> errors.put(String.valueOf(k), String.valueOf(val)));
        Long villageId = v != null && v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
        Integer rank = group != null && group.strip().matches("\\d{1,2}") ? Integer.valueOf(group.strip()) : null;
        DueList.Criteria criteria = new DueList.Criteria(c, villageId, day, state == null || state.isBlank() ? null : state.strip(),
                first != null && !first.isBlank() && !first.equals("false"), q);
        PageResult<DueList.Person> result = null;
        if (c != null && errors.isEmpty()) {
            try {
                result = due.list(criteria, rank, PageResult.page(page), 50);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("c", criteria);
        model.addAttribute("group", rank);
        model.addAttribute("groups", groups.all());
        model.addAttribute("on", on != null && errors.containsKey("on") ? on : DAY.format(day));
        model.addAttribute("commune", c);
        model.addAttribute("village", villageId == null ? null : String.valueOf(villageId));
        model.addAttribute("communeName", communeName);
        model.addAttribute("villageName", villageName);
        return "vaccination/due";
    }

    @GetMapping("/vaccination/due.xlsx")
    void workbook(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                  @RequestParam(required = false) String on, @RequestParam(required = false) String state,
                  @RequestParam(required = false) Integer group, @RequestParam(required = false) Boolean first,
                  @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Form f = form(commune, village, on, state, group, first, q);
        List<DueList.Person> rows = new ArrayList<>();
        due.all(f.criteria(), f.group(), true, rows::add); // checked and audited before the first byte
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"den-han-tiem-" + commune.strip() + "-" + f.criteria().on() + ".xlsx\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("vaccination.due.sheet.name"));
            sheet.createRow(0).createCell(0).setCellValue(messages.get("vaccination.due.sheet.title", communeName(f.criteria().commune()),
                    DAY.format(f.criteria().on())));
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) header.createCell(i).setCellValue(messages.get("vaccination.due.sheet." + COLUMNS.get(i)));
            int n = 2;
            for (DueList.Person p : rows) {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(p.fullName());
                r.createCell(1).setCellValue(p.birthYear());
                r.createCell(2).setCellValue(messages.get("vaccination.due.sex." + ("MALE".equals(p.sex()) ? "MALE" : "FEMALE")));
                r.createCell(3).setCellValue(p.villageName());
                r.createCell(4).setCellValue(p.phoneDisplay() == null ? "" : p.phoneDisplay());
                r.createCell(5).setCellValue(messages.get("vaccination.doseKind." + p.nextKind()));
                r.createCell(6).setCellValue(DAY.format(p.dueFrom()));
                r.createCell(7).setCellValue(p.dueUntil() == null ? "" : DAY.format(p.dueUntil()));
                r.createCell(8).setCellValue(messages.get(p.overdue() ? "vaccination.due.state.OVERDUE" : "vaccination.due.state.DUE"));
                r.createCell(9).setCellValue(p.priorityGroup() == null ? "" : messages.get("vaccination.due.group.rank", p.priorityGroup()));
            }
            wb.write(response.getOutputStream());
        }
    }

    /** The door-to-door sheet: the whole list, one line a person, a blank column for the answer. */
    @GetMapping("/vaccination/due/print")
    String print(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                 @RequestParam(required = false) String on, @RequestParam(required = false) String state,
                 @RequestParam(required = false) Integer group, @RequestParam(required = false) Boolean first,
                 @RequestParam(required = false) String q, Model model) {
        Form f = form(commune, village, on, state, group, first, q);
        List<DueList.Person> persons = new ArrayList<>();
        due.all(f.criteria(), f.group(), false, persons::add);
        model.addAttribute("persons", persons);
        model.addAttribute("c", f.criteria());
        model.addAttribute("group", f.group());
        model.addAttribute("communeName", communeName(f.criteria().commune()));
        model.addAttribute("villageName", village == null ? null : geography.village(village).map(vn.phaodai.geography.Village::name).orElse(null));
        return "vaccination/due-print";
    }

    /** The groups form on the person's vaccination page: sets the ticked groups and goes back to the page. */
    @PostMapping("/vaccination/persons/{id}/priority-groups")
    String setGroups(@PathVariable long id, @RequestParam(required = false) List<Integer> groups) {
        this.groups.set(id, new PriorityGroups.Input(groups == null ? List.of() : groups));
        return "redirect:/vaccination/persons/" + id + "?groupsSaved=1#priority-groups";
    }

    private Form form(String commune, Long village, String on, String state, Integer group, Boolean first, String q) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(on, errors);
        if (!errors.isEmpty()) throw new InvalidInputException("on", errors.get("on"));
        if (commune == null || commune.isBlank()) {
            throw new InvalidInputException("commune", messages.get("vaccination.unvaccinated.commune.required"));
        }
        return new Form(new DueList.Criteria(commune, village, day, state, Boolean.TRUE.equals(first), q), group, on);
    }

    private String communeName(String commune) {
        return commune == null ? "" : geography.findCommune(commune.strip()).map(AdminUnit::name).orElse(commune);
    }

    /** dd/MM/yyyy (or ISO); empty: today by the application clock; unreadable: an error at the field, today used. */
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
}

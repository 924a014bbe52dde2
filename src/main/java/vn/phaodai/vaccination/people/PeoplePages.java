package vn.phaodai.vaccination.people;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.vaccination.doses.Doses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refused and home vaccination lists by village (paged, a sheet to print for the door-to-door teams), giving
 * persons to a team, and the two small forms reached from a person's vaccination page.
 */
@Controller
class PeoplePages {

    private final Refusals refusals;
    private final HomeNeeds needs;
    private final Doses doses;
    private final CommunePicker picker;
    private final Geography geography;

    PeoplePages(Refusals refusals, HomeNeeds needs, Doses doses, CommunePicker picker, Geography geography) {
        this.refusals = refusals;
        this.needs = needs;
        this.doses = doses;
        this.picker = picker;
        this.geography = geography;
    }

    @GetMapping("/vaccination/refused")
    String refused(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                   @RequestParam(required = false) String village, @RequestParam(required = false) String villageName,
                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser.require(Right.VACCINATION_READ);
        PeopleCriteria c = criteria(commune, communeName, village, villageName, q, model);
        model.addAttribute("result", refusals.list(c, PageResult.page(page), 50));
        return "vaccination/refused";
    }

    @GetMapping("/vaccination/refused/print")
    String refusedSheet(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                        @RequestParam(required = false) String q, Model model) {
        PeopleCriteria c = new PeopleCriteria(commune, village, q);
        List<Refusals.Row> rows = new ArrayList<>();
        refusals.all(c, "refused-sheet", rows::add);
        sheet(c, model);
        model.addAttribute("refused", rows);
        return "vaccination/people-print";
    }

    @GetMapping("/vaccination/home-needs")
    String homeNeeds(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                     @RequestParam(required = false) String village, @RequestParam(required = false) String villageName,
                     @RequestParam(required = false) Long point, @RequestParam(required = false) String q,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer assigned, Model model) {
        CurrentUser.require(Right.VACCINATION_READ);
        PeopleCriteria c = criteria(commune, communeName, village, villageName, q, model);
        model.addAttribute("point", point);
        model.addAttribute("assigned", assigned);
        model.addAttribute("teams", needs.teams(CurrentUser.get().scope()));
        model.addAttribute("canWrite", CurrentUser.get().can(Right.VACCINATION_WRITE));
        model.addAttribute("result", needs.list(c, point, PageResult.page(page), 50));
        return "vaccination/home-needs";
    }

    @PostMapping("/vaccination/home-needs/assign")
    String assign(@RequestParam(required = false) Long pointId, @RequestParam(required = false) List<Long> personIds, Model model) {
        try {
            int n = needs.assign(new HomeNeeds.Assignment(pointId, personIds));
            return "redirect:/vaccination/home-needs?point=" + pointId + "&assigned=" + n;
        } catch (InvalidInputException e) {
            model.addAttribute("assignErrors", FormErrors.of(e));
            return homeNeeds(null, null, null, null, null, null, null, null, model);
        }
    }

    @GetMapping("/vaccination/home-needs/print")
    String homeNeedsSheet(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                          @RequestParam(required = false) Long point, @RequestParam(required = false) String q, Model model) {
        PeopleCriteria c = new PeopleCriteria(commune, village, q);
        List<HomeNeeds.Row> rows = new ArrayList<>();
        needs.all(c, point, "home-needs-sheet", rows::add);
        sheet(c, model);
        model.addAttribute("home", rows);
        return "vaccination/people-print";
    }

    @GetMapping("/vaccination/persons/{id}/refusal")
    String refusalForm(@PathVariable long id, Model model) {
        return form(id, "refusal", model);
    }

    @PostMapping("/vaccination/persons/{id}/refusal")
    String refuse(@PathVariable long id, @RequestParam(required = false) String refusedOn, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String reasonText, @RequestParam(required = false) String note, Model model) {
        try {
            refusals.record(id, new Refusals.RefusalInput(refusedOn, reason, reasonText, note));
            return "redirect:/vaccination/persons/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e));
            model.addAllAttributes(Map.of("refusedOn", orEmpty(refusedOn), "reason", orEmpty(reason), "reasonText", orEmpty(reasonText),
                    "note", orEmpty(note)));
            return form(id, "refusal", model);
        }
    }

    @GetMapping("/vaccination/persons/{id}/home-need")
    String homeNeedForm(@PathVariable long id, Model model) {
        return form(id, "home", model);
    }

    @PostMapping("/vaccination/persons/{id}/home-need")
    String homeNeed(@PathVariable long id, @RequestParam(required = false) String notedOn, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String note, Model model) {
        try {
            needs.record(id, new HomeNeeds.NeedInput(notedOn, reason, note));
            return "redirect:/vaccination/persons/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e));
            model.addAllAttributes(Map.of("notedOn", orEmpty(notedOn), "reason", orEmpty(reason), "note", orEmpty(note)));
            return form(id, "home", model);
        }
    }

    private String form(long id, String kind, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        Doses.Subject person = doses.subject(id, CurrentUser.get().scope()); // 404 outside the area
        model.addAttribute("person", person);
        model.addAttribute("kind", kind);
        model.addAttribute("reasons", "refusal".equals(kind) ? Refusals.REASONS : HomeNeeds.REASONS);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "vaccination/people-form";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private PeopleCriteria criteria(String commune, String communeName, String village, String villageName, String q, Model model) {
        String c = picker.filter("commune", commune, communeName, model);
        if (c == null) c = picker.onlyCommune();
        String v = picker.filterVillage("village", c, villageName, model);
        if (village != null && !village.isBlank()) v = village.strip();
        Long villageId = v != null && v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
        if (!model.containsAttribute("errors")) model.addAttribute("errors", new LinkedHashMap<String, String>());
        PeopleCriteria criteria = new PeopleCriteria(c, villageId, q);
        model.addAttribute("c", criteria);
        model.addAttribute("commune", c);
        model.addAttribute("village", villageId == null ? null : String.valueOf(villageId));
        model.addAttribute("communeName", communeName);
        model.addAttribute("villageName", villageName);
        return criteria;
    }

    private void sheet(PeopleCriteria c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("communeName", c.commune() == null ? null
                : geography.findCommune(c.commune().strip()).map(vn.phaodai.geography.AdminUnit::name).orElse(c.commune()));
        model.addAttribute("villageName", c.village() == null ? null : geography.village(c.village()).map(vn.phaodai.geography.Village::name).orElse(null));
    }
}

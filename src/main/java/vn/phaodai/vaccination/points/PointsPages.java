package vn.phaodai.vaccination.points;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The points' list of a commune (or the whole area), its workbook, and the form that adds or changes a point. */
@Controller
class PointsPages {

    /** The form as typed: the commune by its code and the name typed in its picker. */
    record Form(String commune, String communeName, String name, String kind, String address, boolean active) {
    }

    private final Points points;
    private final PointsSheet sheet;
    private final CommunePicker picker;

    PointsPages(Points points, PointsSheet sheet, CommunePicker picker) {
        this.points = points;
        this.sheet = sheet;
        this.picker = picker;
    }

    @GetMapping("/vaccination/points")
    String list(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                @RequestParam(required = false) String q, @RequestParam(required = false) String closed,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Long saved, Model model) {
        CurrentUser.require(Right.VACCINATION_READ);
        String c = picker.filter("commune", commune, communeName, model);
        if (c == null && (communeName == null || communeName.isBlank())) c = picker.onlyCommune();
        if (!model.containsAttribute("errors")) model.addAttribute("errors", new LinkedHashMap<String, String>());
        boolean withClosed = closed != null && !closed.isBlank() && !closed.equals("false");
        Points.Criteria criteria = new Points.Criteria(c, q, withClosed);
        model.addAttribute("result", points.list(criteria, PageResult.page(page), 50));
        model.addAttribute("c", criteria);
        model.addAttribute("commune", c);
        model.addAttribute("communeName", communeName);
        model.addAttribute("canWrite", CurrentUser.get().can(Right.VACCINATION_WRITE));
        if (saved != null) model.addAttribute("saved", points.get(saved));
        return "vaccination/points";
    }

    @GetMapping("/vaccination/points/export")
    void export(@RequestParam(required = false) String commune, @RequestParam(required = false) String q,
                @RequestParam(required = false) String closed, HttpServletResponse response) throws IOException {
        sheet.write(new Points.Criteria(commune, q, closed != null && !closed.isBlank() && !closed.equals("false")), response);
    }

    @GetMapping("/vaccination/points/new")
    String newPoint(Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        return form(null, new Form(null, null, "", "", "", true), Map.of(), model);
    }

    @PostMapping("/vaccination/points")
    String create(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String address, Model model) {
        Form typed = new Form(commune, communeName, name, kind, address, true);
        Choice chosen = picker.choose(commune, communeName);
        try {
            if (chosen.failed()) throw new InvalidInputException("communeCode", chosen.error());
            Points.Saved saved = points.create(new Points.Input(chosen.id(), name, kind, address, null));
            return "redirect:/vaccination/points?commune=" + saved.point().communeCode() + "&saved=" + saved.point().id();
        } catch (InvalidInputException | ConflictException e) {
            return form(null, typed, errors(e), model);
        }
    }

    @GetMapping("/vaccination/points/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        Points.Point p = points.get(id);
        return form(p, new Form(p.communeCode(), null, p.name(), p.kind(), p.address(), p.active()), Map.of(), model);
    }

    @PostMapping("/vaccination/points/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String address, @RequestParam(required = false) String active, Model model) {
        boolean open = active != null && !active.equals("false");
        Form typed = new Form(commune, communeName, name, kind, address, open);
        Points.Point before = points.get(id); // 404 outside the area
        Choice chosen = picker.choose(commune, communeName);
        try {
            if (chosen.failed()) throw new InvalidInputException("communeCode", chosen.error());
            if (chosen.id() == null) throw new InvalidInputException("communeCode", points.communeRequired());
            Points.Point p = points.update(id, new Points.Input(chosen.id(), name, kind, address, open));
            return "redirect:/vaccination/points?commune=" + p.communeCode() + "&saved=" + p.id() + (p.active() ? "" : "&closed=true");
        } catch (InvalidInputException | ConflictException e) {
            return form(before, typed, errors(e), model);
        }
    }

    private String form(Points.Point point, Form form, Map<String, String> errors, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        model.addAttribute("point", point);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Points.KINDS);
        return "vaccination/point-form";
    }

    /** The service's fields by the form's names: the commune's picker is "commune"; a name taken is the name's error. */
    private static Map<String, String> errors(RuntimeException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (e instanceof ConflictException c) {
            byField.put(c.field() == null ? FormErrors.FORM : c.field(), c.getMessage());
            return byField;
        }
        FormErrors.of(e).forEach((field, message) -> byField.put(field.equals("communeCode") ? "commune" : field, message));
        return byField;
    }
}

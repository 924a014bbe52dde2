package vn.phaodai.homecare.today;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.homecare.alerts.Alerts;
import vn.phaodai.homecare.readings.ReadingForm;
import vn.phaodai.homecare.readings.Readings;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;

import java.util.List;

/** Phone-first pages for the health worker: today's list with the alerts on top, and a reading form one tap away. */
@Controller
class HomeCarePages {

    private final Today today;
    private final Alerts alerts;
    private final Readings readings;

    HomeCarePages(Today today, Alerts alerts, Readings readings) {
        this.today = today;
        this.alerts = alerts;
        this.readings = readings;
    }

    @GetMapping("/home-care")
    String today(@RequestParam(required = false) String commune, @RequestParam(defaultValue = "false") boolean mine,
                 @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("commune", commune);
        model.addAttribute("mine", mine);
        model.addAttribute("alerts", alerts.list(commune, "ACTIVE", false, mine, 0, 100));
        model.addAttribute("result", today.list(commune, mine, PageResult.page(page), 50));
        return "homecare/today";
    }

    @GetMapping("/home-care/cases/{id}/reading")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("caseId", id);
        model.addAttribute("whose", readings.whose(id));
        model.addAttribute("symptoms", ReadingForm.SYMPTOMS);
        return "homecare/reading";
    }

    /** Refused (a word in a number, a value out of range): back to the form, every message at its field, what was typed kept. */
    @PostMapping("/home-care/cases/{id}/reading")
    String record(@PathVariable long id, @ModelAttribute("reading") ReadingForm form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            FormErrors.flash(redirect, binding);
            return "redirect:/home-care/cases/" + id + "/reading";
        }
        try {
            Readings.Recorded r = readings.record(id, form);
            redirect.addFlashAttribute("recorded", r);
            return "redirect:/home-care";
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e);
            return "redirect:/home-care/cases/" + id + "/reading";
        }
    }

    @PostMapping("/home-care/alerts/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String action, @RequestParam(required = false) String careSetting,
                   @RequestParam(required = false) String facility, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            alerts.resolve(id, action, careSetting == null || careSetting.isBlank() ? null : careSetting, facility, note);
        } catch (InvalidInputException e) { // at its field of that alert's form, what was typed kept
            FormErrors.flash(redirect, null, e);
            redirect.addFlashAttribute("alertId", id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("alertError", e.getMessage());
        }
        return "redirect:/home-care";
    }

    @PostMapping("/home-care/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id) {
        try {
            alerts.acknowledge(id);
        } catch (ConflictException e) {
            // acknowledged meanwhile by a colleague: nothing to do
        }
        return "redirect:/home-care";
    }
}

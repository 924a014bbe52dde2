package vn.phaodai.homecare.isolation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;

import java.time.LocalDate;
import java.util.Map;

/** The placement of a case at home: the facts, the eligibility with its reasons, and the decision (with a reason when overriding). */
@Controller
class PlacementPages {

    private final Eligibility eligibility;
    private final Placements placements;

    private final Messages messages;

    PlacementPages(Eligibility eligibility, Placements placements, Messages messages) {
        this.messages = messages;
        this.eligibility = eligibility;
        this.placements = placements;
    }

    @GetMapping("/home-care/cases/{id}/placement")
    String page(@PathVariable long id, @ModelAttribute("form") Placements.PlacementForm form, BindingResult binding, Model model) {
        if (binding.hasErrors()) model.addAttribute("errors", FormErrors.of(binding));
        return page(id, form, model);
    }

    private String page(long id, Placements.PlacementForm form, Model model) {
        if (form == null) form = new Placements.PlacementForm(null, null, null, null, null, null, null);
        model.addAttribute("form", form); // a form that could not be read leaves the model's copy empty
        model.addAttribute("caseId", id);
        model.addAttribute("history", placements.ofCase(id));
        LocalDate on = null;
        try {
            if (form.on() != null && !form.on().isBlank()) on = LocalDate.parse(form.on());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("errors", Map.of("on", messages.get("common.invalidDate")));
        }
        model.addAttribute("answer", eligibility.evaluate(id, new Eligibility.Facts(on, form.breathingRate(), form.spo2(),
                form.comorbidityStable(), form.canSelfCare(), form.hasCarer())));
        return "homecare/placement";
    }

    @PostMapping("/home-care/cases/{id}/placement")
    String place(@PathVariable long id, @ModelAttribute("form") Placements.PlacementForm form, BindingResult binding,
                 @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean evaluate, Model model,
                 RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a word as SpO2: the form again, the message at the field, nothing decided
            model.addAttribute("errors", FormErrors.of(binding));
            return page(id, form, model);
        }
        if (evaluate) return page(id, form, model); // the facts changed: the eligibility again, nothing decided
        try {
            placements.place(id, form);
            redirect.addFlashAttribute("placed", true);
            return "redirect:/home-care/cases/" + id + "/placement";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        return page(id, form, model);
    }
}

package vn.phaodai.homecare.patientlink;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.homecare.readings.ReadingForm;
import vn.phaodai.householdsupport.SupportRequests;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;

import java.util.Map;

/**
 * The patient's own reading form, opened by the secret link alone: no account, no other page. The same page asks
 * for the household's support (food, medicine, waste collection) and shows where those requests stand.
 */
@Controller
class PatientPages {

    private final PatientLinks links;
    private final SupportRequests support;

    PatientPages(PatientLinks links, SupportRequests support) {
        this.links = links;
        this.support = support;
    }

    @GetMapping("/p/{token}")
    String form(@PathVariable String token, Model model) {
        links.caseOf(token);
        model.addAttribute("token", token);
        model.addAttribute("symptoms", ReadingForm.SYMPTOMS);
        return page(token, model);
    }

    @PostMapping("/p/{token}")
    String record(@PathVariable String token, @ModelAttribute("reading") ReadingForm typed, BindingResult binding, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("symptoms", ReadingForm.SYMPTOMS);
        if (binding.hasErrors()) { // a word as a number: said at the field, what the patient typed kept
            model.addAttribute("errors", FormErrors.of(binding));
            return page(token, model);
        }
        try { // the patient gives no time (now) and no blood pressure
            model.addAttribute("recorded", links.record(token, new ReadingForm(null, typed.temperature(), typed.spo2(), typed.breathingRate(),
                    typed.pulse(), null, null, typed.symptoms())));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        return page(token, model);
    }

    @PostMapping("/p/{token}/support")
    String support(@PathVariable String token, @RequestParam(required = false) String kind, @RequestParam(required = false) String detail,
                   Model model) {
        model.addAttribute("token", token);
        model.addAttribute("symptoms", ReadingForm.SYMPTOMS);
        try {
            model.addAttribute("supportRaised", support.raiseByLink(links.caseOf(token).id(), kind, detail));
        } catch (InvalidInputException e) {
            model.addAttribute("supportErrors", FormErrors.of(e));
            model.addAttribute("kind", kind);
            model.addAttribute("detail", detail);
        }
        return page(token, model);
    }

    /** What every state of the page shows besides the reading form: the support form and the requests sent. */
    private String page(String token, Model model) {
        model.addAttribute("supportKinds", SupportRequests.KINDS);
        if (!model.containsAttribute("supportErrors")) model.addAttribute("supportErrors", Map.of());
        model.addAttribute("requests", support.ofLink(links.caseOf(token).id()));
        return "homecare/patient";
    }
}

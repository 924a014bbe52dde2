package vn.phaodai.homecare;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The patient's own reading form, opened by the secret link alone: no account, no other page. */
@Controller
class PatientPages {

    private final PatientLinks links;

    PatientPages(PatientLinks links) {
        this.links = links;
    }

    @GetMapping("/p/{token}")
    String form(@PathVariable String token, Model model) {
        links.caseOf(token);
        model.addAttribute("token", token);
        model.addAttribute("symptoms", ReadingForm.SYMPTOMS);
        model.addAttribute("errors", Map.of());
        return "homecare/patient";
    }

    @PostMapping("/p/{token}")
    String record(@PathVariable String token, @RequestParam(required = false) BigDecimal temperature,
                  @RequestParam(required = false) Integer spo2, @RequestParam(required = false) Integer breathingRate,
                  @RequestParam(required = false) Integer pulse, @RequestParam(required = false) List<String> symptoms, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("symptoms", ReadingForm.SYMPTOMS);
        try {
            model.addAttribute("recorded", links.record(token, new ReadingForm(null, temperature, spo2, breathingRate, pulse, null, null, symptoms)));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a)));
        }
        return "homecare/patient";
    }
}

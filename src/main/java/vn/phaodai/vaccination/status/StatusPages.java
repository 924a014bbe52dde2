package vn.phaodai.vaccination.status;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.vaccination.rules.VaccinationRules;

import java.time.LocalDate;

/** A person's vaccination page: the status on a day (today by default), the doses, the next dose due and why. */
@Controller
class StatusPages {

    private final PersonVaccination vaccination;
    private final VaccinationRules rules;

    StatusPages(PersonVaccination vaccination, VaccinationRules rules) {
        this.vaccination = vaccination;
        this.rules = rules;
    }

    @GetMapping("/vaccination/persons/{id}")
    String person(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(required = false) Long recorded, Model model) {
        model.addAttribute("v", vaccination.of(id, on));
        model.addAttribute("recorded", recorded);
        var products = rules.now().products();
        model.addAttribute("nextProducts", v(model).nextDose() == null ? "" : String.join(", ", v(model).nextDose().products().stream()
                .map(c -> products.containsKey(c) ? products.get(c).name() : c).toList()));
        model.addAttribute("canWrite", CurrentUser.get().can(Right.VACCINATION_WRITE));
        return "vaccination/person";
    }

    private static PersonVaccination.View v(Model model) {
        return (PersonVaccination.View) model.getAttribute("v");
    }
}

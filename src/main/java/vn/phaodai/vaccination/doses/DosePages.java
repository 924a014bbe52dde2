package vn.phaodai.vaccination.doses;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.population.pickers.PersonPicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.vaccination.rules.DoseJudge;
import vn.phaodai.vaccination.rules.VaccinationRules;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The phone-first form to record a dose by hand (given elsewhere, or before the registry): the person by name, the
 * product from the table, the dose kind pre-selected to the one due. A dose that breaks a rule comes back with the
 * rules in words and a box for the reason, everything typed kept.
 */
@Controller
class DosePages {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Doses doses;
    private final PersonPicker persons;
    private final VaccinationRules rules;
    private final DoseJudge judge;
    private final ApplicationClock clock;

    DosePages(Doses doses, PersonPicker persons, VaccinationRules rules, DoseJudge judge, ApplicationClock clock) {
        this.doses = doses;
        this.persons = persons;
        this.rules = rules;
        this.judge = judge;
        this.clock = clock;
    }

    @GetMapping("/vaccination/doses/new")
    String form(@RequestParam(required = false) Long personId, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        String kind = null;
        String product = null;
        if (personId != null) {
            try {
                Doses.Subject person = doses.subject(personId, CurrentUser.get().scope());
                DoseJudge.NextDose next = judge.next(rules.now(), doses.facts(person, doses.ofPerson(personId)), clock.today()).orElse(null);
                if (next != null) {
                    kind = next.kind();
                    product = next.products().isEmpty() ? null : next.products().get(0);
                }
            } catch (vn.phaodai.shared.NotFoundException e) {
                personId = null; // outside the area: the form starts empty, as for nobody
            }
        }
        model.addAttribute("personId", personId);
        model.addAttribute("doseKind", kind);
        model.addAttribute("product", product);
        return show(model);
    }

    @PostMapping("/vaccination/doses/new")
    String record(@RequestParam(required = false) String personId, @RequestParam(required = false) String personIdName,
                  @RequestParam(required = false) String givenOn, @RequestParam(required = false) String product,
                  @RequestParam(required = false) String lot, @RequestParam(required = false) String lotExpiry,
                  @RequestParam(required = false) String doseKind, @RequestParam(required = false) String pointId,
                  @RequestParam(required = false) String givenAt, @RequestParam(required = false) String vaccinator,
                  @RequestParam(required = false) String reaction, @RequestParam(required = false) String reactionNote,
                  @RequestParam(required = false) String overrideReason, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("doseKind", doseKind);
        model.addAttribute("product", product);
        try {
            Choice chosen = persons.choose(personId != null && personId.strip().matches("\\d{1,18}") ? personId : null, personIdName);
            if (chosen.failed()) throw new InvalidInputException("personId", chosen.error());
            Long point = pointId == null || pointId.isBlank() ? null : parse(pointId);
            Doses.Recorded r = doses.record(new Doses.DoseInput(chosen.id() == null ? null : Long.valueOf(chosen.id()), givenOn, product, lot,
                    lotExpiry, doseKind, point, givenAt, vaccinator, reaction, reactionNote, overrideReason));
            return "redirect:/vaccination/persons/" + r.dose().personId() + "?recorded=" + r.dose().id();
        } catch (Doses.RulesBroken e) {
            model.addAttribute("brokenRules", e.broken());
            model.addAttribute("errors", Map.of("overrideReason", e.getMessage()));
        } catch (InvalidInputException | ConflictException | vn.phaodai.shared.NotFoundException e) {
            model.addAttribute("errors", e instanceof vn.phaodai.shared.NotFoundException
                    ? Map.of("personId", e.getMessage()) : FormErrors.of(e));
        }
        return show(model);
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return -1L; // no such point: refused at its field
        }
    }

    private String show(Model model) {
        model.addAttribute("products", rules.now().products().values());
        model.addAttribute("kinds", DoseJudge.DOSE_KINDS);
        model.addAttribute("reactions", Doses.REACTIONS);
        model.addAttribute("points", doses.points(CurrentUser.get().scope()));
        model.addAttribute("today", clock.today().format(VN));
        return "vaccination/dose-form";
    }
}

package vn.phaodai.vaccination.imports;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.jobs.ImportFlow;
import vn.phaodai.population.pickers.PersonPicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.NavigationArea;
import vn.phaodai.shared.NavigationEntry;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.util.List;

/** The import's pages: the shared upload and job pages (an ImportFlow.Import), the unmatched lines and matching one. */
@Controller
class DoseImportPages {

    private final UnmatchedLines unmatched;
    private final PersonPicker persons;
    private final CommunePicker places;

    DoseImportPages(UnmatchedLines unmatched, PersonPicker persons, CommunePicker places) {
        this.unmatched = unmatched;
        this.persons = persons;
        this.places = places;
    }

    @Bean
    static ImportFlow.Import doseImport(DoseImports imports) {
        return new ImportFlow.Import(DoseImports.JOB_KIND, "/vaccination/import", "vimport.title", "vimport.help",
                () -> CurrentUser.require(Right.VACCINATION_WRITE).username(), null, false,
                (file, name, allOrNothing) -> imports.submitFile(file, name), result -> {
                    DoseImports.FileResult r = imports.result(result);
                    return new ImportFlow.Outcome(List.of(List.of("vimport.rowsRead", r.rowsRead()), List.of("vimport.created", r.created()),
                            List.of("vimport.unchanged", r.unchanged()), List.of("vimport.unmatched", r.unmatched()),
                            List.of("vimport.unmatchedNew", r.unmatchedNew()), List.of("vimport.conflicts", r.conflicts()),
                            List.of("vimport.rejected", r.rejected())), null);
                });
    }

    @Bean
    static NavigationEntry.Contribution doseImportMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(NavigationArea.VACCINATION, 40, "nav.doseImport", "/vaccination/import", "VACCINATION_WRITE"),
                NavigationEntry.of(NavigationArea.VACCINATION, 41, "nav.doseUnmatched", "/vaccination/unmatched", "VACCINATION_WRITE"));
    }

    @GetMapping("/vaccination/unmatched")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", unmatched.open(q, PageResult.page(page), 50));
        return "vaccination/unmatched";
    }

    @GetMapping("/vaccination/unmatched/{id}")
    String line(@PathVariable long id, Model model) {
        return show(id, model);
    }

    /** The line, the person picker and, for who may register persons, the registration form. */
    private String show(long id, Model model) {
        model.addAttribute("line", unmatched.get(id));
        model.addAttribute("canRegister", CurrentUser.get().can(Right.PERSON_WRITE));
        return "vaccination/unmatched-line";
    }

    @PostMapping("/vaccination/unmatched/{id}/match")
    String match(@PathVariable long id, @RequestParam(required = false) Long personId,
                 @RequestParam(required = false) String personIdName, Model model, RedirectAttributes redirect) {
        try {
            Long person = personId;
            if (person == null) {
                Choice choice = persons.choose(null, personIdName);
                if (choice.failed()) throw new InvalidInputException("personId", choice.error());
                person = choice.id() == null ? null : Long.valueOf(choice.id());
            }
            unmatched.match(id, person);
        } catch (InvalidInputException | ConflictException e) {
            return again(id, e, model);
        } catch (NotFoundException e) {
            if (personId == null && personIdName == null) throw e;
            return again(id, new InvalidInputException("personId", e.getMessage()), model);
        }
        redirect.addFlashAttribute("done", true);
        return "redirect:/vaccination/unmatched";
    }

    @PostMapping("/vaccination/unmatched/{id}/register")
    String register(@PathVariable long id, @RequestParam(required = false) String sex,
                    @RequestParam(required = false) String communeCode, @RequestParam(required = false) String communeCodeName,
                    @RequestParam(required = false) String address, Model model, RedirectAttributes redirect) {
        try {
            Choice commune = places.choose(communeCode, communeCodeName);
            if (commune.failed()) throw new InvalidInputException("communeCode", commune.error());
            unmatched.register(id, sex, commune.id(), null, address);
        } catch (InvalidInputException | ConflictException e) {
            return again(id, e, model);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return again(id, new InvalidInputException("communeCode", e.getMessage()), model);
        }
        redirect.addFlashAttribute("done", true);
        return "redirect:/vaccination/unmatched";
    }

    private String again(long id, RuntimeException refusal, Model model) {
        FormErrors.show(model, null, refusal);
        return show(id, model);
    }
}

package vn.phaodai.testing.pages;

import vn.phaodai.testing.LabResults;
import vn.phaodai.testing.SampleForm;
import vn.phaodai.testing.Samples;
import vn.phaodai.testing.results.ResultFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.jobs.ImportFlow;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.util.List;
import java.util.Map;

/** A person's tests with the sampling form, the re-sampling list, and the laboratory file import. */
@Controller
class TestingPages {

    private final Samples samples;
    private final CommunePicker places;

    TestingPages(Samples samples, CommunePicker places) {
        this.samples = samples;
        this.places = places;
    }

    @GetMapping("/persons/{id}/tests")
    String tests(@PathVariable long id, Model model) {
        model.addAttribute("personId", id);
        model.addAttribute("tests", samples.ofPerson(id));
        model.addAttribute("reasons", ResultFields.REASONS.stream().sorted().toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SampleForm(null, id, "RAPID", "SCREENING", null, null, false, null, null));
        }
        return "testing/tests";
    }

    @PostMapping("/persons/{id}/tests")
    String register(@PathVariable long id, @ModelAttribute SampleForm form, RedirectAttributes redirect) {
        SampleForm own = new SampleForm(form.sampleCode(), id, form.testType(), form.reason(),
                form.sampledAt() == null ? null : form.sampledAt().replace('T', ' '), form.place(), form.symptomatic(), form.labCode(),
                form.campaignId());
        try {
            samples.register(own);
        } catch (InvalidInputException e) {
            FormErrors.flash(redirect, null, e);
            redirect.addFlashAttribute("form", form);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("sampleCode", e.getMessage()));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/persons/" + id + "/tests";
    }

    @GetMapping("/retests")
    String retests(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                   @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("communeName", communeName);
        commune = places.filter("commune", commune, communeName, model);
        model.addAttribute("commune", commune);
        model.addAttribute("result", samples.retests(commune, PageResult.page(page), 50));
        return "testing/retests";
    }

    /** This module's file import, served by the shared import pages (jobs/ImportPages). */
    @org.springframework.context.annotation.Bean
    static ImportFlow.Import labResultImports(LabResults labResults, JsonMapper json) {
        return new ImportFlow.Import(LabResults.JOB_KIND, "/lab-results/import", "lab.import", "lab.import.help",
                () -> CurrentUser.require(Right.LAB_RESULT_WRITE).username(), null, false,
                (file, name, allOrNothing) -> labResults.submitFile(file, name), result -> {
                    LabResults.FileResult r = json.readValue(result, LabResults.FileResult.class);
                    var s = r.summary();
                    return new ImportFlow.Outcome(List.of(List.of("lab.result.rowsRead", r.rowsRead()), List.of("lab.result.created", s.created()),
                            List.of("lab.result.unchanged", s.unchanged()), List.of("lab.result.amended", s.amended()),
                            List.of("lab.result.rejected", s.rejected()), List.of("lab.result.casesCreated", s.casesCreated()),
                            List.of("lab.result.casesLinked", s.casesLinked()), List.of("lab.result.casesDiscarded", s.casesDiscarded())), null);
                });
    }
}

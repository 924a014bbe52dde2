package vn.phaodai.testing;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.jobs.Job;
import vn.phaodai.jobs.Jobs;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person's tests with the sampling form, the re-sampling list, and the laboratory file import. */
@Controller
class TestingPages {

    private final Samples samples;
    private final LabResults labResults;
    private final Jobs jobs;
    private final JsonMapper json;

    private final vn.phaodai.shared.Uploads uploads;

    TestingPages(Samples samples, LabResults labResults, Jobs jobs, JsonMapper json, vn.phaodai.shared.Uploads uploads) {
        this.uploads = uploads;
        this.samples = samples;
        this.labResults = labResults;
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping("/persons/{id}/tests")
    String tests(@PathVariable long id, Model model) {
        model.addAttribute("personId", id);
        model.addAttribute("tests", samples.ofPerson(id));
        model.addAttribute("reasons", ResultFields.REASONS.stream().sorted().toList());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
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
            redirect.addFlashAttribute("errors", e.errors().stream()
                    .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a)));
            redirect.addFlashAttribute("form", form);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("sampleCode", e.getMessage()));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/persons/" + id + "/tests";
    }

    @GetMapping("/retests")
    String retests(@RequestParam(required = false) String commune, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("commune", commune);
        model.addAttribute("result", samples.retests(commune, PageResult.page(page), 50));
        return "testing/retests";
    }

    @GetMapping("/lab-results/import")
    String importPage(Model model) {
        CurrentUser.require(Right.LAB_RESULT_WRITE);
        model.addAttribute("recent", jobs.recent(LabResults.JOB_KIND, CurrentUser.get().username(), 10));
        model.addAttribute("title", "lab.import");
        model.addAttribute("help", "lab.import.help");
        model.addAttribute("base", "/lab-results/import");
        return "import";
    }

    @PostMapping("/lab-results/import")
    String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        CurrentUser.require(Right.LAB_RESULT_WRITE); // before the upload is kept
        try {
            UUID job = labResults.submitFile(uploads.save(file), file.getOriginalFilename());
            return "redirect:/lab-results/import/" + job;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/lab-results/import";
        }
    }

    @GetMapping("/lab-results/import/{job}")
    String job(@PathVariable UUID job, @RequestParam(required = false) Integer page, Authentication user, Model model) {
        showJob(jobs.get(job, user), model);
        model.addAttribute("rejections", jobs.rejections(job, PageResult.page(page), 50));
        return "job";
    }

    @GetMapping("/lab-results/import/{job}/progress")
    String progress(@PathVariable UUID job, Authentication user, Model model) {
        showJob(jobs.get(job, user), model);
        return "job :: progress";
    }

    private void showJob(Job job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("base", "/lab-results/import");
        if (job.result() != null) {
            LabResults.FileResult r = json.readValue(job.result(), LabResults.FileResult.class);
            var s = r.summary();
            model.addAttribute("figures", List.of(List.of("lab.result.rowsRead", r.rowsRead()), List.of("lab.result.created", s.created()),
                    List.of("lab.result.unchanged", s.unchanged()), List.of("lab.result.amended", s.amended()),
                    List.of("lab.result.rejected", s.rejected()), List.of("lab.result.casesCreated", s.casesCreated()),
                    List.of("lab.result.casesLinked", s.casesLinked()), List.of("lab.result.casesDiscarded", s.casesDiscarded())));
        }
    }
}

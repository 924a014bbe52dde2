package vn.phaodai.tracing;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A case's contacts with the quick entry, its chain drawn, the chain summary, a person's tier, clusters and the follow-up lists. */
@Controller
class TracingPages {

    private final Contacts contacts;
    private final Tiers tiers;
    private final Chains chains;
    private final Clusters clusters;
    private final FollowUps followUps;
    private final JsonMapper json;
    private final ContactImport contactImport;
    private final vn.phaodai.jobs.Jobs jobs;

    private final vn.phaodai.shared.Uploads uploads;
    private final ApplicationClock clock;

    TracingPages(Contacts contacts, Tiers tiers, Chains chains, Clusters clusters, FollowUps followUps, JsonMapper json,
                 ContactImport contactImport, vn.phaodai.jobs.Jobs jobs, vn.phaodai.shared.Uploads uploads, ApplicationClock clock) {
        this.clock = clock;
        this.uploads = uploads;
        this.contactImport = contactImport;
        this.jobs = jobs;
        this.contacts = contacts;
        this.tiers = tiers;
        this.chains = chains;
        this.clusters = clusters;
        this.followUps = followUps;
        this.json = json;
    }

    @GetMapping("/cases/{id}/contacts")
    String contacts(@PathVariable long id, @RequestParam(required = false) String tier, @RequestParam(required = false) Integer page,
                    Model model) {
        model.addAttribute("caseId", id);
        model.addAttribute("tier", tier);
        model.addAttribute("result", tiers.ofCase(id, tier, PageResult.page(page), 50));
        model.addAttribute("settings", Contacts.SETTINGS);
        model.addAttribute("proximities", Contacts.PROXIMITIES);
        model.addAttribute("today", clock.today());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "tracing/contacts";
    }

    /** The quick entry form: shared details and one line per contact ("id" or "name; birth year; sex; phone; commune; village id; ID number"). */
    record LinesForm(String exposureDate, String setting, String proximity, Boolean masked, Integer durationMinutes, String place, String lines) {
    }

    @PostMapping("/cases/{id}/contacts")
    String addContacts(@PathVariable long id, @ModelAttribute LinesForm form, RedirectAttributes redirect) {
        List<Contacts.Line> lines = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        String[] raw = form.lines() == null ? new String[0] : form.lines().split("\\R");
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i].strip();
            if (l.isEmpty()) continue;
            try {
                lines.add(parse(l));
            } catch (IllegalArgumentException e) {
                bad.add((i + 1) + ": " + e.getMessage());
            }
        }
        try {
            if (!bad.isEmpty()) throw new InvalidInputException("lines", String.join("; ", bad));
            var out = contacts.recordLines(id, new Contacts.Batch(new Contacts.Details(form.exposureDate(), null, form.setting(),
                    form.masked(), form.durationMinutes(), form.proximity(), form.place()), lines));
            redirect.addFlashAttribute("outcomes", out);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("errors", errors(e));
        }
        return "redirect:/cases/" + id + "/contacts";
    }

    static Contacts.Line parse(String line) {
        if (line.matches("\\d+")) return new Contacts.Line(Long.parseLong(line), null, null, null, null, null, null, null);
        String[] f = line.split("\\s*[;\\t]\\s*");
        if (f.length < 3) throw new IllegalArgumentException("cần: họ tên; năm sinh; giới tính (Nam/Nữ); điện thoại; mã xã; mã thôn; số CCCD");
        Integer year;
        try {
            year = Integer.parseInt(f[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("năm sinh không hợp lệ: " + f[1]);
        }
        Long village = null;
        if (f.length > 5 && !f[5].isBlank()) {
            try {
                village = Long.parseLong(f[5].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mã thôn không hợp lệ: " + f[5]);
            }
        }
        return new Contacts.Line(null, f[0], year, f[2], f.length > 3 ? f[3] : null, f.length > 4 && !f[4].isBlank() ? f[4] : null, village,
                f.length > 6 ? f[6] : null);
    }

    @GetMapping("/cases/{id}/chain")
    String chain(@PathVariable long id, Model model) {
        Chains.Chain chain = chains.of(id, true);
        model.addAttribute("chain", chain);
        model.addAttribute("chainJson", json.writeValueAsString(chain));
        return "tracing/chain";
    }

    @GetMapping("/chains")
    String chains(@RequestParam(required = false) Integer page, @RequestParam(defaultValue = "2") int minCases, Model model) {
        model.addAttribute("result", chains.summary(minCases, PageResult.page(page), 50));
        model.addAttribute("minCases", minCases);
        return "tracing/chains";
    }

    @GetMapping("/persons/{id}/tier")
    String tier(@PathVariable long id, Model model) {
        model.addAttribute("t", tiers.of(id));
        return "tracing/tier";
    }

    @GetMapping("/clusters")
    String clusters(@RequestParam(required = false) String commune, @RequestParam(required = false) Boolean open,
                    @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", clusters.search(commune, open, PageResult.page(page), 50));
        model.addAttribute("commune", commune);
        model.addAttribute("kinds", Clusters.KINDS);
        model.addAttribute("quietDays", clusters.quietDays());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "tracing/clusters";
    }

    @PostMapping("/clusters")
    String open(@ModelAttribute Clusters.ClusterForm form, RedirectAttributes redirect) {
        try {
            return "redirect:/clusters/" + clusters.open(form).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", errors(e));
            return "redirect:/clusters";
        }
    }

    @GetMapping("/clusters/{id}")
    String cluster(@PathVariable long id, Model model) {
        model.addAttribute("g", clusters.get(id));
        model.addAttribute("cases", clusters.cases(id));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "tracing/cluster";
    }

    @PostMapping("/clusters/{id}/cases")
    String addCase(@PathVariable long id, @RequestParam Long caseId, RedirectAttributes redirect) {
        try {
            clusters.addCase(id, caseId);
        } catch (ConflictException | vn.phaodai.shared.NotFoundException e) {
            redirect.addFlashAttribute("errors", Map.of("form", e.getMessage()));
        }
        return "redirect:/clusters/" + id;
    }

    @PostMapping("/clusters/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            clusters.close(id, note);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("form", e.getMessage()));
        }
        return "redirect:/clusters/" + id;
    }

    @GetMapping("/follow-ups")
    String followUps(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("lists", followUps.lists(commune, village, date, PageResult.page(page), 100));
        model.addAttribute("commune", commune);
        model.addAttribute("village", village);
        model.addAttribute("kinds", FollowUps.KINDS);
        model.addAttribute("outcomes", FollowUps.OUTCOMES);
        return "tracing/follow-ups";
    }

    @PostMapping("/follow-ups")
    String followUp(@ModelAttribute FollowUps.FollowUpForm form, @RequestParam(required = false) String commune,
                    @RequestParam(required = false) Long village, RedirectAttributes redirect) {
        try {
            followUps.record(form);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        if (form.date() != null && !form.date().isBlank()) redirect.addAttribute("date", form.date());
        if (commune != null && !commune.isBlank()) redirect.addAttribute("commune", commune);
        if (village != null) redirect.addAttribute("village", village);
        return "redirect:/follow-ups";
    }

    @GetMapping("/contacts/import")
    String importPage(Model model) {
        var user = vn.phaodai.security.CurrentUser.require(vn.phaodai.security.Right.TRACING_WRITE);
        model.addAttribute("recent", jobs.recent(ContactImport.JOB_KIND, user.username(), 10));
        model.addAttribute("title", "tracing.import");
        model.addAttribute("help", "tracing.import.help");
        model.addAttribute("base", "/contacts/import");
        return "import";
    }

    @PostMapping("/contacts/import")
    String importFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        vn.phaodai.security.CurrentUser.require(vn.phaodai.security.Right.TRACING_WRITE); // before the upload is kept
        try {
            return "redirect:/contacts/import/" + contactImport.submit(uploads.save(file), file.getOriginalFilename());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/contacts/import";
        }
    }

    @GetMapping("/contacts/import/{job}")
    String job(@PathVariable java.util.UUID job, @RequestParam(required = false) Integer page,
               org.springframework.security.core.Authentication user, Model model) {
        showJob(jobs.get(job, user), model);
        model.addAttribute("rejections", jobs.rejections(job, PageResult.page(page), 50));
        return "job";
    }

    @GetMapping("/contacts/import/{job}/progress")
    String progress(@PathVariable java.util.UUID job, org.springframework.security.core.Authentication user, Model model) {
        showJob(jobs.get(job, user), model);
        return "job :: progress";
    }

    private void showJob(vn.phaodai.jobs.Job job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("base", "/contacts/import");
        if (job.result() != null) {
            ContactImport.Result r = json.readValue(job.result(), ContactImport.Result.class);
            model.addAttribute("figures", List.of(List.of("tracing.import.rowsRead", r.rowsRead()), List.of("tracing.import.created", r.created()),
                    List.of("tracing.import.unchanged", r.unchanged()), List.of("tracing.import.rejected", r.rejected())));
        }
    }

    private static Map<String, String> errors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));
        }
        return Map.of("form", e.getMessage());
    }
}

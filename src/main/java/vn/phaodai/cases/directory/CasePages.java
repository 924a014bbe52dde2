package vn.phaodai.cases.directory;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.cases.CaseCriteria;
import vn.phaodai.cases.CaseForms;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.cases.Decisions;
import vn.phaodai.cases.decisions.DecisionsApi;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.population.pickers.PersonPicker;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.time.LocalDate;

/** The case directory, a case's page with its timeline and actions, and the form for a case entered by hand. */
@Controller
class CasePages {

    private final Cases cases;
    private final CaseTimeline timeline;
    private final Geography geography;
    private final Decisions decisions;
    private final ApplicationClock clock;
    private final CaseExport export;
    private final CommunePicker places;
    private final PersonPicker persons;

    private final vn.phaodai.vaccination.VaccinationStatuses vaccinations;

    CasePages(Cases cases, CaseTimeline timeline, Geography geography, Decisions decisions, ApplicationClock clock,
              CaseExport export, CommunePicker places, PersonPicker persons, vn.phaodai.vaccination.VaccinationStatuses vaccinations) {
        this.vaccinations = vaccinations;
        this.places = places;
        this.persons = persons;
        this.export = export;
        this.clock = clock;
        this.decisions = decisions;
        this.cases = cases;
        this.timeline = timeline;
        this.geography = geography;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String communeName,
                @RequestParam(required = false) String status, @RequestParam(required = false) String severity,
                @RequestParam(required = false) String careSetting,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("communeName", communeName);
        commune = places.filter("commune", commune, communeName, model);
        CaseCriteria criteria = new CaseCriteria(q, commune, null, status, severity, careSetting, from, to);
        PageResult<CovidCase> result = cases.search(criteria, PageResult.page(page), 50);
        model.addAttribute("criteria", criteria);
        model.addAttribute("today", clock.today());
        model.addAttribute("result", result);
        model.addAttribute("communeNames", geography.communeNames(result.items().stream().map(CovidCase::communeCode).toList()));
        lists(model);
        return "cases/list";
    }

    @GetMapping("/cases/export.xlsx")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String status, @RequestParam(required = false) String severity,
                @RequestParam(required = false) String careSetting,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        export.write(new CaseCriteria(q, commune, null, status, severity, careSetting, from, to), response);
    }

    @GetMapping("/cases/{id}")
    String page(@PathVariable long id, Model model) {
        CovidCase c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("place", geography.placeName(c.communeCode()));
        model.addAttribute("events", timeline.of(id));
        model.addAttribute("careWorker", cases.careWorkers(java.util.List.of(id)).get(id));
        // The vaccination on the confirmation day, from the registry of doses (no longer typed on the case).
        model.addAttribute("vaccination", vaccinations.of(c.personId(), c.confirmedOn()));
        model.addAttribute("canSeeVaccination", vn.phaodai.security.CurrentUser.get().can(vn.phaodai.security.Right.VACCINATION_READ));
        lists(model);
        return "cases/case";
    }

    /**
     * The facility is chosen by name (fragments/picker.html): the case keeps the facility's name, the box's text
     * without the commune its suggestion adds; a name typed without choosing is kept as typed (a hospital outside
     * the province's list). A refusal goes back to the case page, the message at its field, what was typed kept.
     */
    @PostMapping("/cases/{id}/transfer")
    String transfer(@PathVariable long id, @ModelAttribute CaseForms.Transfer form, BindingResult binding,
                    @RequestParam(required = false) String facilityName, RedirectAttributes redirect) {
        try {
            cases.transfer(id, new CaseForms.Transfer(form.careSetting(), facilityNamed(form.facility(), facilityName), form.severity(),
                    form.at(), form.note()));
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/cases/" + id;
    }

    /** The facility's name: the picker's text (a suggestion's label is "name — commune"), else the field itself unless it is a bare id. */
    static String facilityNamed(String field, String typed) {
        String name = typed != null && !typed.isBlank() ? typed.strip() : field == null || field.strip().matches("\\d+") ? null : field.strip();
        if (name == null) return null;
        int dash = name.indexOf(" — ");
        return dash > 0 ? name.substring(0, dash).strip() : name;
    }

    @PostMapping("/cases/{id}/details")
    String details(@PathVariable long id, @ModelAttribute CaseForms.Details form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a value that does not bind: at its field, what was typed kept
            FormErrors.flash(redirect, binding);
            return "redirect:/cases/" + id;
        }
        try {
            cases.update(id, form);
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/outcome")
    String close(@PathVariable long id, @ModelAttribute CaseForms.Outcome form, BindingResult binding, RedirectAttributes redirect) {
        try {
            cases.close(id, form);
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/cases/" + id;
    }

    /** Issuing takes a number: only a form's POST does it (a link, a prefetch or a crawler never). */
    @PostMapping("/cases/{id}/decisions/isolation.pdf")
    ResponseEntity<byte[]> issueIsolation(@PathVariable long id) {
        return DecisionsApi.pdf(decisions.pdf(id, Decisions.Kind.ISOLATION));
    }

    /** A decision already issued, printed again; a page that does not exist (404) while it has not been. */
    @GetMapping("/cases/{id}/decisions/isolation.pdf")
    ResponseEntity<byte[]> isolation(@PathVariable long id) {
        return DecisionsApi.pdf(decisions.issuedPdf(id, Decisions.Kind.ISOLATION));
    }

    @PostMapping("/cases/{id}/decisions/end-of-isolation.pdf")
    ResponseEntity<byte[]> issueEndOfIsolation(@PathVariable long id) {
        return DecisionsApi.pdf(decisions.pdf(id, Decisions.Kind.END_OF_ISOLATION));
    }

    @GetMapping("/cases/{id}/decisions/end-of-isolation.pdf")
    ResponseEntity<byte[]> endOfIsolation(@PathVariable long id) {
        return DecisionsApi.pdf(decisions.issuedPdf(id, Decisions.Kind.END_OF_ISOLATION));
    }

    /** The isolation decisions of every case a commune confirmed on a day, issued, in one PDF to print and deliver. */
    @PostMapping("/cases/decisions/isolation.pdf")
    ResponseEntity<byte[]> batch(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var chosen = places.choose(commune, communeName);
        if (chosen.failed()) { // back to the list, the typed name kept and the message at the field
            return ResponseEntity.status(303).location(org.springframework.web.util.UriComponentsBuilder.fromPath("/cases")
                    .queryParam("communeName", communeName).encode().build().toUri()).build();
        }
        return DecisionsApi.pdf(decisions.batch(chosen.id(), date));
    }

    @GetMapping("/cases/new")
    String form(@RequestParam(required = false) Long person, Model model) {
        model.addAttribute("form", new CaseForms.NewCase(person, clock.today().toString(), null, "COMMUNITY", false,
                null, "ASYMPTOMATIC", "HOME", null));
        lists(model);
        return "cases/form";
    }

    @PostMapping("/cases/new")
    String create(@ModelAttribute CaseForms.NewCase form, BindingResult binding, @RequestParam(required = false) String personIdName, Model model) {
        model.addAttribute("personIdName", personIdName);
        if (binding.hasErrors()) { // a name where the person's id is asked: the form again, the message at the field
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(binding));
            lists(model);
            return "cases/form";
        }
        try {
            if (form.personId() == null) { // the person typed by name, without choosing a suggestion
                var chosen = persons.choose(null, personIdName);
                if (chosen.failed()) throw new InvalidInputException("personId", chosen.error());
                if (chosen.id() != null) form = new CaseForms.NewCase(Long.valueOf(chosen.id()), form.confirmedOn(), form.evidence(),
                        form.source(), form.symptomatic(), form.onsetDate(), form.severity(), form.careSetting(), form.facility());
            }
            return "redirect:/cases/" + cases.create(form).id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(e));
            lists(model);
            return "cases/form";
        }
    }

    private static void lists(Model model) {
        model.addAttribute("statuses", CovidCase.STATUSES);
        model.addAttribute("severities", CovidCase.SEVERITIES);
        model.addAttribute("careSettings", CovidCase.CARE_SETTINGS);
        model.addAttribute("sources", CovidCase.SOURCES);
        model.addAttribute("outcomes", CovidCase.OUTCOMES);
    }
}

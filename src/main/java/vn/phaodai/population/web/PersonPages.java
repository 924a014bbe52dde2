package vn.phaodai.population.web;

import vn.phaodai.population.Households;
import vn.phaodai.population.Person;
import vn.phaodai.population.PersonCriteria;
import vn.phaodai.population.spreadsheets.PersonExport;
import vn.phaodai.population.PersonForm;
import vn.phaodai.population.PersonImport;
import vn.phaodai.population.Persons;
import vn.phaodai.population.Relation;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.jobs.ImportFlow;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The person directory, the person page, the forms, duplicates and the import with its progress bar. */
@Controller
class PersonPages {

    private final Persons persons;
    private final Households households;
    private final Geography geography;
    private final PersonCases cases;

    PersonPages(Persons persons, Households households, Geography geography, PersonCases cases) {
        this.persons = persons;
        this.cases = cases;
        this.households = households;
        this.geography = geography;
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    @GetMapping("/persons")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String province,
                @RequestParam(required = false) String district, @RequestParam(required = false) String commune,
                @RequestParam(required = false) Long village, @RequestParam(required = false) Integer page, Model model) {
        // A commune implies its district and province, so that the selects show where the list is.
        if (notBlank(commune)) {
            AdminUnit c = geography.findCommune(commune).orElse(null);
            if (c != null) district = c.parentCode();
        }
        if (notBlank(district) && !notBlank(province)) province = geography.district(district).parentCode();
        PageResult<Person> result = persons.search(new PersonCriteria(q, commune, district, village),
                PageResult.page(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("communeNames", geography.communeNames(result.items().stream().map(Person::communeCode).toList()));
        model.addAttribute("q", q);
        model.addAttribute("province", province);
        model.addAttribute("district", district);
        model.addAttribute("commune", commune);
        model.addAttribute("village", village);
        model.addAttribute("provinces", geography.provinces());
        model.addAttribute("districts", notBlank(province) ? geography.districts(province) : List.of());
        model.addAttribute("communes", notBlank(district) ? geography.communes(district) : List.of());
        model.addAttribute("villages", notBlank(commune) ? geography.villages(commune) : List.of());
        return "population/list";
    }

    @GetMapping("/persons/{id:\\d+}") // digits: /persons/import is the shared import page
    String person(@PathVariable long id, Model model) {
        Person p = persons.get(id);
        model.addAttribute("p", p);
        model.addAttribute("place", geography.placeName(p.communeCode()));
        model.addAttribute("village", p.villageId() == null ? null : geography.village(p.villageId()).orElse(null));
        model.addAttribute("members", p.householdId() == null ? List.of() : persons.householdMembers(p.householdId()));
        model.addAttribute("workplace", p.workplaceId() == null ? null : households.enterprise(p.workplaceId()).orElse(null));
        model.addAttribute("candidates", p.mergedInto() == null ? persons.possibleDuplicates(id) : List.of());
        model.addAttribute("comorbidityNames", persons.comorbidityNames());
        // Links to the person's cases for who may read them; a new case only while none is open.
        List<PersonCases.CaseLink> personCases = CurrentUser.get().can(Right.CASE_READ) ? cases.of(id) : List.of();
        model.addAttribute("cases", personCases);
        model.addAttribute("openCase", personCases.stream().anyMatch(PersonCases.CaseLink::open));
        return "population/person";
    }

    @GetMapping("/persons/new")
    String newForm(@RequestParam(required = false) String commune, Model model) {
        return form(model, PersonForm.empty(commune), null, List.of());
    }

    @GetMapping("/persons/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, PersonForm.of(persons.get(id)), id, List.of());
    }

    @PostMapping("/persons/new")
    String create(@ModelAttribute PersonForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) return unreadable(model, form, null, binding);
        try {
            Persons.Created created = persons.create(form);
            if (!created.duplicateCandidates().isEmpty()) redirect.addFlashAttribute("flagged", true);
            return "redirect:/persons/" + created.person().id();
        } catch (InvalidInputException e) {
            return form(model, form, null, e.errors());
        } catch (ConflictException e) {
            return form(model, form, null, List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    @PostMapping("/persons/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute PersonForm form, BindingResult binding, Model model) {
        if (binding.hasErrors()) return unreadable(model, form, id, binding);
        try {
            persons.update(id, form);
            return "redirect:/persons/" + id;
        } catch (InvalidInputException e) {
            return form(model, form, id, e.errors());
        } catch (ConflictException e) {
            return form(model, form, id, List.of(new FieldError(e.field() == null ? "version" : e.field(), e.getMessage())));
        }
    }

    /** A word in a number field ("năm 90" as a birth year): the form again, the message at the field, what was typed kept. */
    private String unreadable(Model model, PersonForm form, Long id, BindingResult binding) {
        String view = form(model, form, id, List.of());
        model.addAttribute("errors", FormErrors.of(binding));
        return view;
    }

    private String form(Model model, PersonForm form, Long id, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", FormErrors.of(errors));
        model.addAttribute("comorbidities", persons.comorbidities());
        model.addAttribute("relations", Relation.values());
        AdminUnit commune = form.communeCode() == null ? null : geography.findCommune(form.communeCode()).orElse(null);
        String district = commune == null ? null : commune.parentCode();
        String province = district == null ? null : geography.district(district).parentCode();
        model.addAttribute("province", province);
        model.addAttribute("district", district);
        model.addAttribute("provinces", geography.provinces());
        model.addAttribute("districts", province == null ? List.of() : geography.districts(province));
        model.addAttribute("communes", district == null ? List.of() : geography.communes(district));
        model.addAttribute("villages", commune == null ? List.of() : geography.villages(commune.code()));
        return "population/form";
    }

    @PostMapping("/persons/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId) {
        persons.merge(id, duplicateId);
        return "redirect:/persons/" + id;
    }

    /** The commune's worklist of persons without an ID number, to complete one by one. */
    @GetMapping("/persons/missing-national-id")
    String missingNationalId(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                             @RequestParam(required = false) Integer page, Model model) {
        PageResult<Person> result = persons.missingNationalId(new Persons.MissingNationalIdCriteria(q, commune), PageResult.page(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("communeNames", geography.communeNames(result.items().stream().map(Person::communeCode).toList()));
        model.addAttribute("q", q);
        model.addAttribute("commune", commune);
        model.addAttribute("idAge", persons.nationalIdAge());
        return "population/missing-national-id";
    }

    @GetMapping("/persons/duplicates")
    String duplicates(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", persons.openDuplicates(PageResult.page(page), 20));
        return "population/duplicates";
    }

    @PostMapping("/persons/duplicates/{pairId}/dismiss")
    String dismiss(@PathVariable long pairId) {
        persons.dismissDuplicate(pairId);
        return "redirect:/persons/duplicates";
    }

    @GetMapping("/persons/export.xlsx")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
                @RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                HttpServletResponse response) throws IOException {
        xlsx(response, "danh-sach-nhan-khau.xlsx");
        persons.export(new PersonCriteria(q, commune, district, village), response.getOutputStream());
    }

    @GetMapping("/persons/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        xlsx(response, "mau-nhap-nhan-khau.xlsx");
        PersonExport.template(response.getOutputStream());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** This module's file import, served by the shared import pages (jobs/ImportPages). */
    @org.springframework.context.annotation.Bean
    static ImportFlow.Import personImports(PersonImport personImport, JsonMapper json) {
        return new ImportFlow.Import(PersonImport.JOB_KIND, "/persons/import", "person.import", "person.import.help",
                () -> CurrentUser.require(Right.PERSON_IMPORT).username(), "/persons/import/template.xlsx", true,
                personImport::submit, result -> {
                    PersonImport.Result r = json.readValue(result, PersonImport.Result.class);
                    return new ImportFlow.Outcome(List.of(
                            List.of("job.result.rowsRead", r.rowsRead()), List.of("job.result.created", r.created()),
                            List.of("job.result.alreadyRegistered", r.alreadyRegistered()), List.of("job.result.rejected", r.rejected()),
                            List.of("job.result.householdsCreated", r.householdsCreated()),
                            List.of("job.result.possibleDuplicates", r.possibleDuplicates())), r.applied());
                });
    }
}

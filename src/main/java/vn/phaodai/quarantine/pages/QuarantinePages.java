package vn.phaodai.quarantine.pages;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.geography.Geography;
import vn.phaodai.shared.Choice;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.population.pickers.PersonPicker;
import vn.phaodai.quarantine.admission.Admissions;
import vn.phaodai.quarantine.admission.Arrivals;
import vn.phaodai.quarantine.admission.Transfers;
import vn.phaodai.quarantine.ending.EndOfQuarantineDecisions;
import vn.phaodai.quarantine.ending.Releases;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.lists.StaySearch;
import vn.phaodai.quarantine.lists.TestSchedule;
import vn.phaodai.quarantine.policies.Policies;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pages of quarantine: facilities with free beds per district, a facility with its current stays, a stay,
 * a person's stays, the policy table (editable by the provincial administrator), arrivals, tests due today.
 */
@Controller
class QuarantinePages {

    private final Facilities facilities;
    private final StaySearch stays;
    private final Admissions admissions;
    private final Transfers transfers;
    private final Releases releases;
    private final EndOfQuarantineDecisions endDecisions;
    private final TestSchedule tests;
    private final Policies policies;
    private final Arrivals arrivals;
    private final Geography geography;
    private final ApplicationClock clock;
    private final Messages messages;
    private final CommunePicker places;
    private final PersonPicker persons;

    QuarantinePages(Facilities facilities, StaySearch stays, Admissions admissions, Transfers transfers, Releases releases,
                    EndOfQuarantineDecisions endDecisions, TestSchedule tests,
                    Policies policies, Arrivals arrivals, Geography geography, ApplicationClock clock, Messages messages,
                    CommunePicker places, PersonPicker persons) {
        this.places = places;
        this.persons = persons;
        this.messages = messages;
        this.clock = clock;
        this.facilities = facilities;
        this.stays = stays;
        this.admissions = admissions;
        this.transfers = transfers;
        this.releases = releases;
        this.endDecisions = endDecisions;
        this.tests = tests;
        this.policies = policies;
        this.arrivals = arrivals;
        this.geography = geography;
    }

    @GetMapping("/quarantine/facilities")
    String facilities(@RequestParam(required = false) String district, Model model) {
        model.addAttribute("facilities", facilities.list(district, null, null));
        model.addAttribute("districts", facilities.bedsByDistrict());
        model.addAttribute("district", district);
        model.addAttribute("canWrite", CurrentUser.get().can(Right.QUARANTINE_WRITE));
        return "quarantine/facilities";
    }

    @PostMapping("/quarantine/facilities")
    String createFacility(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String communeCode, @RequestParam(required = false) String communeCodeName,
                          @RequestParam(required = false) Integer capacity, @RequestParam(required = false) Integer rooms,
                          @RequestParam(required = false) String code, RedirectAttributes redirect) {
        var form = new Facilities.FacilityForm(name, kind, communeCode, capacity, rooms, code, null, null);
        try {
            Choice commune = places.choose(communeCode, communeCodeName);
            if (commune.failed()) throw new InvalidInputException("communeCode", commune.error());
            long id = facilities.create(new Facilities.FacilityForm(name, kind, commune.id(), capacity, rooms, code, null, null)).id();
            return "redirect:/quarantine/facilities/" + id;
        } catch (InvalidInputException | ConflictException e) {
            // What was typed comes back with the message at its field (the commune as typed: nothing was chosen).
            FormErrors.flash(redirect, form, e);
            redirect.addFlashAttribute("communeCodeName", communeCodeName);
            return "redirect:/quarantine/facilities";
        }
    }

    @GetMapping("/quarantine/facilities/{id}")
    String facility(@PathVariable long id, Model model) {
        Facilities.Facility f = facilities.get(id);
        model.addAttribute("f", f);
        model.addAttribute("place", geography.placeName(f.communeCode()));
        model.addAttribute("stays", stays.current(id));
        model.addAttribute("canWrite", CurrentUser.get().can(Right.QUARANTINE_WRITE));
        return "quarantine/facility";
    }

    @PostMapping("/quarantine/facilities/{id}/stays")
    String admit(@PathVariable long id, @RequestParam(required = false) Long personId, @RequestParam(required = false) String personIdName,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                 @RequestParam(required = false) String subject,
                 @RequestParam(required = false) String group, @RequestParam(required = false) String overCapacityReason,
                 @RequestParam(required = false) String nationalId, RedirectAttributes redirect) {
        try {
            personId = person(personId, personIdName);
            long stay = admissions.admit(new Stays.StayForm(personId, id, null, null, start, group, subject,
                    overCapacityReason, null, nationalId)).stay().id();
            return "redirect:/quarantine/stays/" + stay;
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e); // at its field, what was typed kept
            return "redirect:/quarantine/facilities/" + id;
        }
    }

    @GetMapping("/quarantine/stays/{id}")
    String stay(@PathVariable long id, Model model) {
        model.addAttribute("d", stays.get(id));
        model.addAttribute("canWrite", CurrentUser.get().can(Right.QUARANTINE_WRITE));
        return "quarantine/stay";
    }

    @PostMapping("/quarantine/stays/{id}/release")
    String release(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   RedirectAttributes redirect) {
        try {
            releases.release(id, on);
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e); // at the day, the day typed kept
        }
        return "redirect:/quarantine/stays/" + id;
    }

    /** Issuing takes a number: only a form's POST does it (a link, a prefetch or a crawler never). */
    @PostMapping("/quarantine/stays/{id}/decision.pdf")
    org.springframework.http.ResponseEntity<byte[]> issueDecision(@PathVariable long id) {
        return QuarantineApi.pdf(endDecisions.decision(id, true));
    }

    @GetMapping("/quarantine/stays/{id}/decision.pdf")
    org.springframework.http.ResponseEntity<byte[]> decision(@PathVariable long id) {
        return QuarantineApi.pdf(endDecisions.decision(id, false));
    }

    @GetMapping("/persons/{id}/stays")
    String personStays(@PathVariable long id, Model model) {
        model.addAttribute("personId", id);
        model.addAttribute("stays", stays.ofPerson(id));
        return "quarantine/person-stays";
    }

    @GetMapping("/quarantine/policies")
    String policies(Model model) {
        model.addAttribute("policies", policies.list());
        model.addAttribute("canEdit", CurrentUser.get().can(Right.QUARANTINE_POLICY_ADMIN));
        return "quarantine/policies";
    }

    /** A policy form as typed on the page: days are numbers (a word is said at its field), test days a list "1, 7". */
    record PolicyTyped(Long id, String subject, String vaccination, String validFrom, String validTo, String place, Integer quarantineDays,
                       Integer homeMonitoringDays, Integer selfMonitoringDays, String testDays, String document, String note) {
    }

    /** A new policy, or a row corrected; a refusal back to the table, the messages at the row's fields, what was typed kept. */
    @PostMapping("/quarantine/policies")
    String savePolicy(@ModelAttribute("policy") PolicyTyped typed, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            FormErrors.flash(redirect, binding);
            return "redirect:/quarantine/policies";
        }
        try {
            List<FieldError> errors = new ArrayList<>();
            LocalDate from = day(errors, "validFrom", typed.validFrom());
            LocalDate to = day(errors, "validTo", typed.validTo());
            List<Integer> tests = testDays(errors, typed.testDays());
            if (!errors.isEmpty()) throw new InvalidInputException(errors);
            Policies.PolicyForm form = new Policies.PolicyForm(typed.subject(), typed.vaccination(), from, to, typed.place(), typed.quarantineDays(),
                    typed.homeMonitoringDays(), typed.selfMonitoringDays(), tests, typed.document(), typed.note());
            if (typed.id() == null) policies.create(form);
            else policies.update(typed.id(), form);
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/quarantine/policies";
    }

    /** A day typed in a date box (yyyy-MM-dd) or by hand (dd/MM/yyyy); blank is none. */
    private static LocalDate day(List<FieldError> errors, String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        for (var format : List.of(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                return LocalDate.parse(typed.strip(), format);
            } catch (java.time.format.DateTimeParseException ignored) {
                // the next format
            }
        }
        errors.add(new FieldError(field, FormErrors.wrongType(LocalDate.class)));
        return null;
    }

    private List<Integer> testDays(List<FieldError> errors, String typed) {
        if (typed == null || typed.isBlank()) return List.of();
        try {
            return Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            errors.add(new FieldError("testDays", messages.get("quarantine.policy.testDays.notNumbers")));
            return List.of();
        }
    }

    @GetMapping("/quarantine/arrivals")
    String arrivals(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                    @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("communeName", communeName);
        commune = places.filter("commune", commune, communeName, model);
        model.addAttribute("result", arrivals.search(commune, null, null, PageResult.page(page), 50));
        model.addAttribute("commune", commune);
        model.addAttribute("facilities", facilities.list(null, null, null).stream().filter(Facilities.Facility::active).toList());
        model.addAttribute("canWrite", CurrentUser.get().can(Right.QUARANTINE_WRITE));
        return "quarantine/arrivals";
    }

    @PostMapping("/quarantine/arrivals")
    String arrive(@RequestParam(required = false) Long personId, @RequestParam(required = false) String personIdName,
                  @RequestParam(required = false) String originKind,
                  @RequestParam(required = false) String origin, @RequestParam(required = false) Boolean outbreakArea,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn,
                  @RequestParam(required = false) String checkpoint,
                  @RequestParam(required = false) Long facilityId, @RequestParam(required = false) String nationalId,
                  RedirectAttributes redirect) {
        try {
            personId = person(personId, personIdName);
            var registered = arrivals.register(new Arrivals.ArrivalForm(personId, originKind, origin, outbreakArea, arrivedOn,
                    checkpoint, null, facilityId != null, facilityId, null, null, null, nationalId));
            if (registered.stay() != null) return "redirect:/quarantine/stays/" + registered.stay().stay().id();
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e); // at its field, what was typed kept
        }
        return "redirect:/quarantine/arrivals";
    }

    @GetMapping("/quarantine/tests-due")
    String due(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
               @RequestParam(required = false) Long facility, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("communeName", communeName);
        commune = places.filter("commune", commune, communeName, model);
        LocalDate day = date == null ? clock.today() : date;
        model.addAttribute("date", day);
        model.addAttribute("commune", commune);
        model.addAttribute("facility", facility);
        model.addAttribute("due", tests.due(day, commune, facility, PageResult.page(page), 100));
        model.addAttribute("missed", tests.missed(day, commune, facility, 0, 100));
        return "quarantine/tests-due";
    }

    /** The person chosen in a picker, or the one the typed name (phone, ID number) names in the user's area. */
    private Long person(Long chosen, String typed) {
        if (chosen != null) return chosen;
        Choice choice = persons.choose(null, typed);
        if (choice.failed()) throw new InvalidInputException("personId", choice.error());
        return choice.id() == null ? null : Long.valueOf(choice.id());
    }
}

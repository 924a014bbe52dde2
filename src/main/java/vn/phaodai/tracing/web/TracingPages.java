package vn.phaodai.tracing.web;

import vn.phaodai.tracing.Tiers;
import vn.phaodai.tracing.contacts.ContactEntry;
import vn.phaodai.tracing.contacts.ContactImport;
import vn.phaodai.tracing.contacts.Contacts;
import vn.phaodai.tracing.chains.Chains;
import vn.phaodai.tracing.chains.Clusters;
import vn.phaodai.tracing.followups.FollowUps;

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
import vn.phaodai.shared.Choice;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.jobs.ImportFlow;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A case's contacts with the quick entry, its chain drawn, the chain summary, a person's tier, clusters and the follow-up lists. */
@Controller
class TracingPages {

    private final Contacts contacts;
    private final ContactEntry entry;
    private final Tiers tiers;
    private final Chains chains;
    private final Clusters clusters;
    private final FollowUps followUps;
    private final JsonMapper json;

    private final ApplicationClock clock;
    private final Messages messages;
    private final CommunePicker places;

    TracingPages(Contacts contacts, ContactEntry entry, Tiers tiers, Chains chains, Clusters clusters, FollowUps followUps, JsonMapper json,
                 ApplicationClock clock, Messages messages, CommunePicker places) {
        this.entry = entry;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
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
        model.addAttribute("villages", entry.villages(id));
        // The entry as typed after a refusal (flash "form"), else empty rows to fill in.
        ContactEntry.Entry typed = model.getAttribute("form") instanceof ContactEntry.Entry e ? e : null;
        model.addAttribute("entry", typed != null ? typed : new ContactEntry.Entry(null, "HOUSEHOLD", null, emptyRows(List.of(), EMPTY_ROWS)));
        return "tracing/contacts";
    }

    /** Empty rows offered on the page, and added by "add rows" when the browser runs no script. */
    static final int EMPTY_ROWS = 3;

    private List<ContactEntry.Row> emptyRows(List<ContactEntry.Row> typed, int more) {
        List<ContactEntry.Row> rows = new ArrayList<>(typed == null ? List.of() : typed.stream().map(r -> r == null ? ContactEntry.Row.empty(null) : r).toList());
        for (int i = 0; i < more; i++) rows.add(ContactEntry.Row.empty(clock.today().toString()));
        return rows;
    }

    /** The per-person form: saved all at once, or (addRows) shown again with more empty rows, nothing saved. */
    @PostMapping("/cases/{id}/contacts/persons")
    String addPersons(@PathVariable long id, @ModelAttribute ContactEntry.Entry form, @RequestParam(required = false) String addRows,
                      RedirectAttributes redirect) {
        if (addRows != null) {
            redirect.addFlashAttribute("form", new ContactEntry.Entry(form.firstContactDate(), form.setting(), form.place(),
                    emptyRows(form.rows(), EMPTY_ROWS)));
            return "redirect:/cases/" + id + "/contacts#entry";
        }
        try {
            redirect.addFlashAttribute("entered", entry.record(id, form));
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, new ContactEntry.Entry(form.firstContactDate(), form.setting(), form.place(),
                    emptyRows(form.rows(), 0)), e);
            redirect.addFlashAttribute("entryRefused", true);
            return "redirect:/cases/" + id + "/contacts#entry";
        }
        return "redirect:/cases/" + id + "/contacts#entered";
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
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/cases/" + id + "/contacts";
    }

    Contacts.Line parse(String line) {
        if (line.matches("\\d+")) return new Contacts.Line(Long.parseLong(line), null, null, null, null, null, null, null);
        String[] f = line.split("\\s*[;\\t]\\s*");
        if (f.length < 3) throw new IllegalArgumentException(messages.get("tracing.lines.format"));
        Integer year;
        try {
            year = Integer.parseInt(f[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.get("tracing.lines.birthYear.invalid", f[1]));
        }
        Long village = null;
        if (f.length > 5 && !f[5].isBlank()) {
            try {
                village = Long.parseLong(f[5].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(messages.get("tracing.lines.villageId.invalid", f[5]));
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
    String clusters(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                    @RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("communeName", communeName);
        commune = places.filter("commune", commune, communeName, model);
        model.addAttribute("result", clusters.search(commune, open, PageResult.page(page), 50));
        model.addAttribute("commune", commune);
        model.addAttribute("kinds", Clusters.KINDS);
        model.addAttribute("quietDays", clusters.quietDays());
        return "tracing/clusters";
    }

    @PostMapping("/clusters")
    String open(@ModelAttribute Clusters.ClusterForm form, @RequestParam(required = false) String communeCodeName,
                @RequestParam(required = false) String villageIdName,
                RedirectAttributes redirect) {
        try {
            Choice commune = places.choose(form.communeCode(), communeCodeName);
            if (commune.failed()) throw new InvalidInputException("communeCode", commune.error());
            Choice village = form.villageId() != null ? new Choice(String.valueOf(form.villageId()), null)
                    : places.chooseVillage(commune.id(), null, villageIdName);
            if (village.failed()) throw new InvalidInputException("villageId", village.error());
            form = new Clusters.ClusterForm(form.name(), form.kind(), commune.id(),
                    village.id() == null ? null : Long.valueOf(village.id()), form.address(), form.openedOn(), form.note());
            return "redirect:/clusters/" + clusters.open(form).id();
        } catch (InvalidInputException e) {
            FormErrors.flash(redirect, null, e);
            return "redirect:/clusters";
        }
    }

    @GetMapping("/clusters/{id}")
    String cluster(@PathVariable long id, Model model) {
        model.addAttribute("g", clusters.get(id));
        model.addAttribute("cases", clusters.cases(id));
        return "tracing/cluster";
    }

    @PostMapping("/clusters/{id}/cases")
    String addCase(@PathVariable long id, @RequestParam(required = false) Long caseId, RedirectAttributes redirect) {
        try {
            if (caseId == null) throw new InvalidInputException("caseId", messages.get("tracing.caseId.required"));
            clusters.addCase(id, caseId);
        } catch (InvalidInputException | ConflictException e) {
            FormErrors.flash(redirect, null, e);
        } catch (vn.phaodai.shared.NotFoundException e) { // a case outside the area is as missing: said at the field
            FormErrors.flash(redirect, null, new InvalidInputException("caseId", e.getMessage()));
        }
        return "redirect:/clusters/" + id;
    }

    @PostMapping("/clusters/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            clusters.close(id, note);
        } catch (ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/clusters/" + id;
    }

    @GetMapping("/follow-ups")
    String followUps(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                     @RequestParam(required = false) Long village, @RequestParam(required = false) String villageName,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("communeName", communeName);
        model.addAttribute("villageName", villageName);
        commune = places.filter("commune", commune, communeName, model);
        if (village == null) {
            String chosen = places.filterVillage("village", commune, villageName, model);
            village = chosen == null ? null : Long.valueOf(chosen);
        }
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

    /** This module's file import, served by the shared import pages (jobs/ImportPages). */
    @org.springframework.context.annotation.Bean
    static ImportFlow.Import contactImports(ContactImport contactImport, JsonMapper json) {
        return new ImportFlow.Import(ContactImport.JOB_KIND, "/contacts/import", "tracing.import", "tracing.import.help",
                () -> CurrentUser.require(Right.TRACING_WRITE).username(), null, false,
                (file, name, allOrNothing) -> contactImport.submit(file, name), result -> {
                    ContactImport.Result r = json.readValue(result, ContactImport.Result.class);
                    return new ImportFlow.Outcome(List.of(List.of("tracing.import.rowsRead", r.rowsRead()), List.of("tracing.import.created", r.created()),
                            List.of("tracing.import.unchanged", r.unchanged()), List.of("tracing.import.rejected", r.rejected())), null);
                });
    }
}

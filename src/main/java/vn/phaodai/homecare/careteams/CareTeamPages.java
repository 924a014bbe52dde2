package vn.phaodai.homecare.careteams;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.phaodai.cases.pickers.CasePicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commune's mobile medical stations and home-care teams: their workers, the villages each serves and the F0
 * each follows now (the workload); forms to add a team or a worker and to give a case to another worker.
 */
@Controller
class CareTeamPages {

    /** What was typed in the worker or re-assignment form, shown again with its errors. */
    record Typed(String fullName, String phone, String username, List<Long> villageIds, String caseId, String workerId) {
    }

    private final CareTeamBoard board;
    private final CareTeams teams;

    private final Messages messages;

    private final CasePicker casePicker;

    CareTeamPages(CareTeamBoard board, CareTeams teams, Messages messages, CasePicker casePicker) {
        this.casePicker = casePicker;
        this.messages = messages;
        this.board = board;
        this.teams = teams;
    }

    @GetMapping("/care-teams")
    String page(@RequestParam(required = false) String commune, Model model) {
        CareTeamBoard.Picker picker = board.communes();
        if (blank(commune) && !picker.open() && picker.options().size() == 1) commune = picker.options().get(0).code();
        model.addAttribute("picker", picker);
        model.addAttribute("commune", blank(commune) ? null : commune.strip());
        if (!blank(commune)) model.addAttribute("board", board.of(commune.strip()));
        for (String errors : List.of("teamErrors", "workerErrors", "reassignErrors")) {
            if (!model.containsAttribute(errors)) model.addAttribute(errors, Map.of());
        }
        if (!model.containsAttribute("typed")) model.addAttribute("typed", new Typed(null, null, null, List.of(), null, null));
        return "homecare/teams";
    }

    @PostMapping("/care-teams")
    String create(@RequestParam(required = false) String commune, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            teams.create(new CareTeams.TeamForm(commune, kind, name));
            redirect.addFlashAttribute("done", "careteam.created");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("teamErrors", FormErrors.of(e));
            redirect.addFlashAttribute("teamKind", kind);
            redirect.addFlashAttribute("teamName", name);
        }
        return back(commune);
    }

    @PostMapping("/care-teams/{id}/workers")
    String addWorker(@PathVariable long id, @RequestParam(required = false) String commune, @RequestParam(required = false) String fullName,
                     @RequestParam(required = false) String phone, @RequestParam(required = false) String username,
                     @RequestParam(required = false) List<Long> villageIds, RedirectAttributes redirect) {
        List<Long> villages = villageIds == null ? List.of() : villageIds.stream().distinct().toList();
        try {
            teams.addWorker(id, new CareTeams.WorkerForm(fullName, phone, username, villages));
            redirect.addFlashAttribute("done", "careteam.workerAdded");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("failedTeam", id);
            redirect.addFlashAttribute("workerErrors", FormErrors.of(e));
            redirect.addFlashAttribute("typed", new Typed(fullName, phone, username, villages, null, null));
        }
        return back(commune);
    }

    /** More villages for a worker: the villages' F0 at home that nobody follows are given one. */
    @PostMapping("/care-teams/{id}/workers/{worker}/villages")
    String giveVillages(@PathVariable long id, @PathVariable long worker, @RequestParam(required = false) String commune,
                        @RequestParam(required = false) List<Long> villageIds, RedirectAttributes redirect) {
        try {
            teams.giveVillages(id, worker, villageIds == null ? List.of() : villageIds);
            redirect.addFlashAttribute("done", "careteam.villagesGiven");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failedTeam", id);
            redirect.addFlashAttribute("workerErrors", FormErrors.of(e));
        }
        return back(commune);
    }

    @PostMapping("/care-teams/reassign")
    String reassign(@RequestParam(required = false) String commune, @RequestParam(required = false) String caseId,
                    @RequestParam(required = false) String caseIdName,
                    @RequestParam(required = false) String workerId, RedirectAttributes redirect) {
        CurrentUser.require(Right.HOME_CARE_WRITE);
        Map<String, String> errors = new LinkedHashMap<>();
        // The case chosen by its patient's name (the picker's id), or the name typed without choosing resolved.
        Choice chosen = casePicker.choose(caseId, caseIdName, blank(commune) ? null : commune.strip());
        Long caseNumber = number(chosen.id()), worker = number(workerId);
        if (chosen.failed()) errors.put("caseId", chosen.error());
        else if (caseNumber == null) errors.put("caseId", messages.get("careteam.caseIdNeeded"));
        if (worker == null) errors.put("workerId", messages.get("careteam.workerNeeded"));
        try {
            if (errors.isEmpty()) {
                CareTeams.Worker to = teams.reassign(caseNumber, worker);
                redirect.addFlashAttribute("done", "careteam.reassigned");
                redirect.addFlashAttribute("doneName", to.fullName());
            }
        } catch (InvalidInputException e) {
            errors.putAll(FormErrors.of(e));
        } catch (NotFoundException e) {
            errors.put("caseId", e.getMessage());
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("reassignErrors", errors);
            redirect.addFlashAttribute("typed", new Typed(null, null, null, List.of(), caseId, workerId));
            redirect.addFlashAttribute("caseIdName", caseIdName);
        }
        return back(commune);
    }

    private static String back(String commune) {
        return "redirect:" + UriComponentsBuilder.fromPath("/care-teams")
                .queryParamIfPresent("commune", blank(commune) ? Optional.empty() : Optional.of(commune.strip())).encode().toUriString();
    }

    private static Long number(String s) {
        return s != null && s.strip().matches("\\d{1,18}") ? Long.valueOf(s.strip()) : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

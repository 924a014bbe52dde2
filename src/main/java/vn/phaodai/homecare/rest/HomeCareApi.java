package vn.phaodai.homecare.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.homecare.alerts.Alerts;
import vn.phaodai.homecare.alerts.NonReporting;
import vn.phaodai.homecare.careteams.CareTeams;
import vn.phaodai.homecare.isolation.Eligibility;
import vn.phaodai.homecare.isolation.EndOfIsolation;
import vn.phaodai.homecare.isolation.Placements;
import vn.phaodai.homecare.patientlink.PatientLinks;
import vn.phaodai.homecare.readings.ReadingForm;
import vn.phaodai.homecare.readings.Readings;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Home care", description = "Monitoring log of F0 at home, warning signs, alerts, non-reporting")
class HomeCareApi {

    private final Readings readings;
    private final Alerts alerts;
    private final NonReporting nonReporting;
    private final Eligibility eligibility;
    private final EndOfIsolation endOfIsolation;
    private final PatientLinks links;

    private final CareTeams teams;
    private final Placements placements;
    private final ApplicationClock clock;
    private final Messages messages;

    HomeCareApi(Readings readings, Alerts alerts, NonReporting nonReporting, Eligibility eligibility, EndOfIsolation endOfIsolation,
                PatientLinks links, CareTeams teams, Placements placements, ApplicationClock clock, Messages messages) {
        this.messages = messages;
        this.clock = clock;
        this.placements = placements;
        this.teams = teams;
        this.readings = readings;
        this.alerts = alerts;
        this.nonReporting = nonReporting;
        this.eligibility = eligibility;
        this.endOfIsolation = endOfIsolation;
        this.links = links;
    }

    @GetMapping("/cases/{id}/home-care/eligibility")
    @Operation(summary = "Whether the case may be cared for at home on a day (default today), why not, and the rule applied")
    Eligibility.Answer eligibility(@PathVariable long id,
                                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                           iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate on,
                                   @RequestParam(required = false) Integer breathingRate, @RequestParam(required = false) Integer spo2,
                                   @RequestParam(required = false) Boolean comorbidityStable,
                                   @RequestParam(required = false) Boolean canSelfCare, @RequestParam(required = false) Boolean hasCarer) {
        return eligibility.evaluate(id, new Eligibility.Facts(on, breathingRate, spo2, comorbidityStable, canSelfCare, hasCarer));
    }

    @PostMapping("/cases/{id}/home-care/placement")
    @Operation(summary = "Place the case at home: eligibility by the rule of the day, recorded; an ineligible case needs overrideReason "
            + "(409 with the reasons without it); the care setting becomes HOME")
    ResponseEntity<Placements.Placement> place(@PathVariable long id, @RequestBody Placements.PlacementForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(placements.place(id, form));
    }

    @GetMapping("/cases/{id}/home-care/placements")
    List<Placements.Placement> placements(@PathVariable long id) {
        return placements.ofCase(id);
    }

    @GetMapping("/cases/{id}/home-care/end-of-isolation")
    @Operation(summary = "The proposed end of isolation at home by the rule of the confirmation day, with the test that allows it")
    EndOfIsolation.Proposal endOfIsolation(@PathVariable long id) {
        return endOfIsolation.propose(id);
    }

    @PostMapping("/cases/{id}/home-care/end")
    @Operation(summary = "End the isolation as proposed (the case recovers on the proposed day); 409 before that day")
    vn.phaodai.cases.CovidCase end(@PathVariable long id) {
        return endOfIsolation.end(id);
    }

    @PostMapping("/cases/{id}/patient-link")
    @Operation(summary = "A personal link for the patient or carer to send readings without an account; revokes the previous one")
    ResponseEntity<PatientLinks.Issued> link(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(links.issue(id));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/cases/{id}/patient-link")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        links.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/readings")
    @Operation(summary = "Record a reading; answers with the warning signs it raised and the alert, if any")
    ResponseEntity<Readings.Recorded> record(@PathVariable long id, @RequestBody ReadingForm form) {
        Readings.Recorded r = readings.record(id, form);
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }

    @GetMapping("/cases/{id}/readings")
    List<Readings.Reading> readings(@PathVariable long id) {
        return readings.ofCase(id);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts, most severe first, then the longest waiting; status ACTIVE (default), OPEN, ACKNOWLEDGED, RESOLVED; "
            + "mine=true: only the F0 the user follows as responsible worker")
    PageResult<Alerts.Alert> alerts(@RequestParam(required = false) String commune, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "false") boolean escalated,
                                    @RequestParam(defaultValue = "false") boolean mine,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alerts.list(commune, status, escalated, mine, PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/alerts/{id}/acknowledge")
    Alerts.Alert acknowledge(@PathVariable long id) {
        return alerts.acknowledge(id);
    }

    record Resolution(String action, String careSetting, String facility, String note) {
    }

    @PostMapping("/alerts/{id}/resolve")
    @Operation(summary = "Resolve by VISIT, PHONE_CALL or TRANSFER (with the care setting the case moves to)")
    Alerts.Alert resolve(@PathVariable long id, @RequestBody Resolution r) {
        return alerts.resolve(id, r.action(), r.careSetting(), r.facility(), r.note());
    }

    @PostMapping("/care-teams")
    @Operation(summary = "A mobile medical station (MOBILE_STATION) or home-care team (HOME_CARE_TEAM) of a commune")
    ResponseEntity<CareTeams.Team> createTeam(@RequestBody CareTeams.TeamForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(teams.create(form));
    }

    @GetMapping("/care-teams")
    @Operation(summary = "Teams with their workers, the villages each serves and the F0 each follows now (the workload)")
    List<CareTeams.Team> teams(@RequestParam(required = false) String commune) {
        return teams.teams(commune);
    }

    @PostMapping("/care-teams/{id}/workers")
    ResponseEntity<CareTeams.Worker> addWorker(@PathVariable long id, @RequestBody CareTeams.WorkerForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(teams.addWorker(id, form));
    }

    record Villages(List<Long> villageIds) {
    }

    @PostMapping("/care-teams/{id}/workers/{worker}/villages")
    @Operation(summary = "More villages for a worker; their F0 at home without a worker are given one")
    CareTeams.Worker giveVillages(@PathVariable long id, @PathVariable long worker, @RequestBody Villages v) {
        return teams.giveVillages(id, worker, v.villageIds());
    }

    record Assignment(Long workerId) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/cases/{id}/care-worker")
    @Operation(summary = "Re-assign the case's responsible health worker")
    CareTeams.Worker reassign(@PathVariable long id, @RequestBody Assignment a) {
        if (a.workerId() == null) throw new vn.phaodai.shared.InvalidInputException("workerId", messages.get("homecare.worker.needed"));
        return teams.reassign(id, a.workerId());
    }

    @GetMapping("/home-care/non-reporting")
    @Operation(summary = "F0 at home with no reading for the configured hours, the longest silent first")
    PageResult<NonReporting.Silent> nonReporting(@RequestParam(required = false) String commune,
                                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return nonReporting.list(commune, clock.now(), PageResult.page(page), PageResult.size(size));
    }
}

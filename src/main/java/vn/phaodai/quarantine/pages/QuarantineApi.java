package vn.phaodai.quarantine.pages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.quarantine.admission.Admissions;
import vn.phaodai.quarantine.admission.Arrivals.ArrivalForm;
import vn.phaodai.quarantine.admission.Arrivals;
import vn.phaodai.quarantine.admission.Transfers;
import vn.phaodai.quarantine.ending.EndOfQuarantineDecisions;
import vn.phaodai.quarantine.ending.Releases;
import vn.phaodai.quarantine.facilities.Facilities.Facility;
import vn.phaodai.quarantine.facilities.Facilities.FacilityForm;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.lists.StaySearch;
import vn.phaodai.quarantine.lists.TestSchedule;
import vn.phaodai.quarantine.policies.Policies.Policy;
import vn.phaodai.quarantine.policies.Policies.PolicyForm;
import vn.phaodai.quarantine.policies.Policies;
import vn.phaodai.quarantine.stays.Stays.StayDetail;
import vn.phaodai.quarantine.stays.Stays.StayForm;
import vn.phaodai.quarantine.stays.Stays.TransferForm;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.shared.PageResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Quarantine", description = "Facilities, stays, quarantine policies, arrivals, quarantine tests")
class QuarantineApi {

    private final Facilities facilities;
    private final StaySearch stays;
    private final Admissions admissions;
    private final Transfers transfers;
    private final Releases releases;
    private final EndOfQuarantineDecisions endDecisions;
    private final TestSchedule tests;
    private final Policies policies;
    private final Arrivals arrivals;

    QuarantineApi(Facilities facilities, StaySearch stays, Admissions admissions, Transfers transfers, Releases releases,
                  EndOfQuarantineDecisions endDecisions, TestSchedule tests, Policies policies,
                  Arrivals arrivals) {
        this.facilities = facilities;
        this.stays = stays;
        this.admissions = admissions;
        this.transfers = transfers;
        this.releases = releases;
        this.endDecisions = endDecisions;
        this.tests = tests;
        this.policies = policies;
        this.arrivals = arrivals;
    }

    @GetMapping("/quarantine/facilities")
    @Operation(summary = "Facilities with capacity, occupancy and free beds")
    PageResult<Facility> facilities(@RequestParam(required = false) String district, @RequestParam(required = false) String commune,
                                    @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        vn.phaodai.shared.InputLimits.oneOf("kind", kind, Facilities.KINDS.stream().sorted().toList());
        return facilities.search(district, commune, kind, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/quarantine/facilities/by-district")
    @Operation(summary = "Capacity, occupancy and free beds of the active facilities per district")
    List<Facilities.DistrictBeds> bedsByDistrict() {
        return facilities.bedsByDistrict();
    }

    @PostMapping("/quarantine/facilities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new facility {name, kind: CONCENTRATED|HOTEL|TREATMENT|HOSPITAL, communeCode, capacity, rooms, code}")
    Facility createFacility(@RequestBody FacilityForm form) {
        return facilities.create(form);
    }

    @GetMapping("/quarantine/facilities/{id}")
    Facility facility(@PathVariable long id) {
        return facilities.get(id);
    }

    @PutMapping("/quarantine/facilities/{id}")
    @Operation(summary = "Changes capacity, rooms, kind (conversion into a treatment facility), name, address, activity")
    Facility updateFacility(@PathVariable long id, @RequestBody FacilityForm form) {
        return facilities.update(id, form);
    }

    @GetMapping("/quarantine/facilities/{id}/stays")
    @Operation(summary = "The open stays of a facility, of the user's jurisdiction")
    List<Stays.Stay> facilityStays(@PathVariable long id) {
        return stays.current(id);
    }

    @PostMapping("/quarantine/stays")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admits a person {personId, facilityId | home + homeApprovedBy, start, vaccinated, group, subject, "
            + "overCapacityReason}: the end and test days come from the policy in force on the start day")
    StayDetail admit(@RequestBody StayForm form) {
        return admissions.admit(form);
    }

    @GetMapping("/quarantine/stays")
    PageResult<Stays.Stay> stays(@RequestParam(required = false) String commune, @RequestParam(required = false) Long facility,
                                 @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return stays.search(commune, facility, status, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/quarantine/stays/{id}")
    @Operation(summary = "A stay with its movements and its test days with the tests taken on or around them")
    StayDetail stay(@PathVariable long id) {
        return stays.get(id);
    }

    @PostMapping("/quarantine/stays/{id}/transfers")
    @Operation(summary = "Moves an open stay {facilityId | home + homeApprovedBy, on, reason, overCapacityReason}")
    StayDetail transfer(@PathVariable long id, @RequestBody TransferForm form) {
        return transfers.transfer(id, form);
    }

    record ReleaseForm(LocalDate on) {
    }

    @PostMapping("/quarantine/stays/{id}/release")
    @Operation(summary = "Ends the quarantine {on}: on or after its last day")
    StayDetail release(@PathVariable long id, @RequestBody(required = false) ReleaseForm form) {
        return releases.release(id, form == null ? null : form.on());
    }

    @PostMapping("/quarantine/stays/{id}/decision")
    @Operation(summary = "Issue the end-of-quarantine decision with the commune's next number (the same one when sent again), as PDF")
    ResponseEntity<byte[]> issueDecision(@PathVariable long id) {
        return pdf(endDecisions.decision(id, true));
    }

    @GetMapping("/quarantine/stays/{id}/decision")
    @Operation(summary = "The issued end-of-quarantine decision as PDF; 404 while it has not been issued")
    ResponseEntity<byte[]> decision(@PathVariable long id) {
        return pdf(endDecisions.decision(id, false));
    }

    static ResponseEntity<byte[]> pdf(Stays.DecisionFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @GetMapping("/persons/{id}/stays")
    @Operation(summary = "A person's quarantine stays")
    List<Stays.Stay> personStays(@PathVariable long id) {
        return stays.ofPerson(id);
    }

    @GetMapping("/quarantine/tests-due")
    @Operation(summary = "Quarantine tests due on a day (default today), per commune and facility")
    PageResult<Stays.DueTest> due(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(required = false) String commune, @RequestParam(required = false) Long facility,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tests.due(date, commune, facility, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/quarantine/tests-missed")
    @Operation(summary = "Test days before a day (default today) of open stays without a test")
    PageResult<Stays.DueTest> missed(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     @RequestParam(required = false) String commune, @RequestParam(required = false) Long facility,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tests.missed(date, commune, facility, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/quarantine/policies")
    List<Policy> policies() {
        return policies.list();
    }

    @PostMapping("/quarantine/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new policy from its effective day; the one it replaces ends the day before")
    Policy createPolicy(@RequestBody PolicyForm form) {
        return policies.create(form);
    }

    @PutMapping("/quarantine/policies/{id}")
    @Operation(summary = "Corrects a policy; stays already started keep their days")
    Policy updatePolicy(@PathVariable long id, @RequestBody PolicyForm form) {
        return policies.update(id, form);
    }

    @PostMapping("/quarantine/arrivals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registers an arrival from abroad or another province, and admits to quarantine when asked")
    Arrivals.Registered arrive(@RequestBody ArrivalForm form) {
        return arrivals.register(form);
    }

    @GetMapping("/quarantine/arrivals")
    PageResult<Arrivals.Arrival> arrivals(@RequestParam(required = false) String commune,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return arrivals.search(commune, from, to, PageResult.page(page), PageResult.size(size));
    }
}

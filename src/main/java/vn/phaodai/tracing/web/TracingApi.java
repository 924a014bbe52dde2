package vn.phaodai.tracing.web;

import vn.phaodai.tracing.Tiers;
import vn.phaodai.tracing.contacts.ContactEntry;
import vn.phaodai.tracing.contacts.ContactImport;
import vn.phaodai.tracing.contacts.Contacts;
import vn.phaodai.tracing.chains.Chains;
import vn.phaodai.tracing.chains.Clusters;
import vn.phaodai.tracing.followups.FollowUps;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.PageResult;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tracing", description = "Contacts, tiers F0/F1/F2 (derived), chains of transmission, clusters, daily follow-up of F1")
class TracingApi {

    private final Contacts contacts;
    private final Tiers tiers;
    private final Chains chains;
    private final Clusters clusters;
    private final FollowUps followUps;
    private final ContactImport contactImport;
    private final ContactEntry contactEntry;

    private final vn.phaodai.shared.Uploads uploads;

    private final vn.phaodai.shared.Messages messages;

    TracingApi(Contacts contacts, Tiers tiers, Chains chains, Clusters clusters, FollowUps followUps, ContactImport contactImport,
               ContactEntry contactEntry, vn.phaodai.shared.Uploads uploads, vn.phaodai.shared.Messages messages) {
        this.contactEntry = contactEntry;
        this.messages = messages;
        this.uploads = uploads;
        this.contactImport = contactImport;
        this.contacts = contacts;
        this.tiers = tiers;
        this.chains = chains;
        this.clusters = clusters;
        this.followUps = followUps;
    }

    @PostMapping("/contacts")
    @Operation(summary = "Record a contact (idempotent on source, exposed person and exposure day): 201 new, 200 already there")
    ResponseEntity<Contacts.Contact> record(@RequestBody Contacts.ContactForm form) {
        Contacts.Contact c = contacts.record(form);
        return c.created() ? ResponseEntity.created(URI.create("/api/v1/contacts/" + c.id())).body(c) : ResponseEntity.ok(c);
    }

    @PostMapping("/contacts/import")
    @Operation(summary = "Import a file of contacts (CSV/XLSX: Mã người nguồn, Mã người tiếp xúc, Ngày tiếp xúc, ...) as a background job")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        vn.phaodai.security.CurrentUser.require(vn.phaodai.security.Right.TRACING_WRITE); // before the upload is kept
        var id = contactImport.submit(uploads.save(file), file.getOriginalFilename());
        return ResponseEntity.accepted().body(Map.of("jobId", id, "status", "/api/v1/jobs/" + id));
    }

    @PostMapping("/cases/{id}/contacts")
    @Operation(summary = "Quick entry of a case's contacts: shared details and lines, each an existing person's id or a new person")
    List<Contacts.LineOutcome> lines(@PathVariable long id, @RequestBody Contacts.Batch batch) {
        return contacts.recordLines(id, batch);
    }

    @PostMapping("/cases/{id}/contacts/persons")
    @Operation(summary = "A case's contacts as one form per person, all or nothing (400 naming rows[i].field); each answer says "
            + "what the person became (F1, F2, F0 or NONE) and, when not an F1, which criterion of the definition of that day was not met")
    List<ContactEntry.Outcome> persons(@PathVariable long id, @RequestBody ContactEntry.Entry entry) {
        return contactEntry.record(id, entry);
    }

    @GetMapping("/cases/{id}/contacts")
    @Operation(summary = "The F1 and F2 of a case with their path from the F0, paged with the total")
    PageResult<Tiers.CaseContact> ofCase(@PathVariable long id, @RequestParam(required = false) String tier,
                                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tiers.ofCase(id, tier, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/persons/{id}/tier")
    @Operation(summary = "A person's current tier (F0, F1, F2 or null) and why: the persons from the F0")
    Tiers.Tier tier(@PathVariable long id) {
        return tiers.of(id);
    }

    @PostMapping("/tiers/recompute")
    @Operation(summary = "Recompute every tier from the contacts and cases (province-wide users only)")
    Tiers.Recomputed recompute() {
        return tiers.recomputeAllAsUser();
    }

    @GetMapping("/cases/{id}/chain")
    @Operation(summary = "The chain of transmission of a case: persons (with tier and case) and who exposed whom")
    Chains.Chain chain(@PathVariable long id, @RequestParam(defaultValue = "true") boolean contacts) {
        return chains.of(id, contacts);
    }

    @GetMapping("/chains")
    @Operation(summary = "Chains of transmission: first known case, number of cases, generations, newest case")
    PageResult<Chains.ChainSummary> chains(@RequestParam(defaultValue = "2") int minCases, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return chains.summary(minCases, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/clusters")
    PageResult<Clusters.Cluster> clusters(@RequestParam(required = false) String commune, @RequestParam(required = false) Boolean open,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return clusters.search(commune, open, PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/clusters")
    @Operation(summary = "Open a cluster (ổ dịch) at a place of a commune")
    ResponseEntity<Clusters.Cluster> open(@RequestBody Clusters.ClusterForm form) {
        Clusters.Cluster c = clusters.open(form);
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + c.id())).body(c);
    }

    @GetMapping("/clusters/{id}")
    Map<String, Object> cluster(@PathVariable long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", clusters.get(id));
        m.put("cases", clusters.cases(id));
        return m;
    }

    @PostMapping("/clusters/{id}/cases")
    @Operation(summary = "Link a case to the cluster")
    Clusters.Cluster addCase(@PathVariable long id, @RequestBody Map<String, Long> body) {
        Long caseId = body.get("caseId");
        if (caseId == null) throw new vn.phaodai.shared.InvalidInputException("caseId", messages.get("tracing.caseId.required"));
        return clusters.addCase(id, caseId);
    }

    @PostMapping("/clusters/{id}/close")
    @Operation(summary = "Close a cluster quiet for the configured days (409 before)")
    Clusters.Cluster close(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return clusters.close(id, body == null ? null : body.get("note"));
    }

    @GetMapping("/follow-ups")
    @Operation(summary = "The day's F1 to call or visit, and those missed the day before, for a commune or village")
    FollowUps.Lists followUps(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return followUps.lists(commune, village, date, PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/follow-ups")
    @Operation(summary = "Record the day's call or visit to an F1")
    ResponseEntity<FollowUps.FollowUp> followUp(@RequestBody FollowUps.FollowUpForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(followUps.record(form));
    }
}

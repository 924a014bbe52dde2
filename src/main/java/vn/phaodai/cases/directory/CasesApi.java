package vn.phaodai.cases.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.cases.CaseCriteria;
import vn.phaodai.cases.CaseForms;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.cases.counts.CaseCounts;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Confirmed cases (F0): directory, care, outcome, daily counts")
class CasesApi {

    private final Cases cases;
    private final CaseCounts counts;
    private final CaseTimeline timeline;
    private final CaseExport export;

    CasesApi(Cases cases, CaseCounts counts, CaseTimeline timeline, CaseExport export) {
        this.export = export;
        this.cases = cases;
        this.counts = counts;
        this.timeline = timeline;
    }

    @GetMapping("/cases")
    @Operation(summary = "The case directory: filters by commune, status, severity, care setting and confirmation dates")
    PageResult<CovidCase> search(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                                 @RequestParam(required = false) String district, @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String severity, @RequestParam(required = false) String careSetting,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return cases.search(new CaseCriteria(q, commune, district, status, severity, careSetting, from, to),
                PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/cases/export")
    @Operation(summary = "The directory's cases as an Excel file")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String district, @RequestParam(required = false) String status,
                @RequestParam(required = false) String severity, @RequestParam(required = false) String careSetting,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        export.write(new CaseCriteria(q, commune, district, status, severity, careSetting, from, to), response);
    }

    @PostMapping("/cases")
    @Operation(summary = "Enter a case by hand with its evidence; 409 while the person has an open case")
    ResponseEntity<CovidCase> create(@RequestBody CaseForms.NewCase form) {
        CovidCase created = cases.create(form);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(created);
    }

    @GetMapping("/cases/{id}")
    CovidCase get(@PathVariable long id) {
        return cases.get(id);
    }

    @PutMapping("/cases/{id}")
    @Operation(summary = "Change a case's details; the body's version must be the current one (else 409)")
    CovidCase update(@PathVariable long id, @RequestBody CaseForms.Details form) {
        return cases.update(id, form);
    }

    @PostMapping("/cases/{id}/transfers")
    @Operation(summary = "Move a case to another care setting, or change its severity; the history is kept")
    CovidCase transfer(@PathVariable long id, @RequestBody CaseForms.Transfer form) {
        return cases.transfer(id, form);
    }

    @PostMapping("/cases/{id}/outcome")
    @Operation(summary = "End a case: RECOVERED, DIED or TRANSFERRED_OUT on a date")
    CovidCase close(@PathVariable long id, @RequestBody CaseForms.Outcome form) {
        return cases.close(id, form);
    }

    @GetMapping("/cases/{id}/timeline")
    @Operation(summary = "The case's history: tests, care settings, decisions, outcome, oldest first")
    List<CaseTimeline.Event> timeline(@PathVariable long id) {
        return timeline.of(id);
    }

    @GetMapping("/persons/{id}/cases")
    List<CovidCase> ofPerson(@PathVariable long id) {
        return cases.ofPerson(id);
    }

    @GetMapping("/case-counts")
    @Operation(summary = "Per commune and day: new cases by source, active by care setting and severity, recoveries, deaths")
    List<CaseCounts.Day> counts(@RequestParam(required = false) String commune,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return counts.daily(commune, from, to);
    }
}

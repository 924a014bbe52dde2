package vn.phaodai.cases.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.cases.Decisions.DecisionFile;
import vn.phaodai.cases.Decisions.Kind;
import vn.phaodai.cases.Decisions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Decisions", description = "Official isolation and end-of-isolation decisions for confirmed cases, as PDF")
public class DecisionsApi {

    private final Decisions decisions;

    DecisionsApi(Decisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping(path = "/cases/{id}/decisions/isolation")
    @Operation(summary = "Issues the case's isolation decision with the commune's next number (once: a repeat returns the same one), as PDF")
    ResponseEntity<byte[]> issueIsolation(@PathVariable long id) {
        return pdf(decisions.pdf(id, Kind.ISOLATION));
    }

    @GetMapping(path = "/cases/{id}/decisions/isolation")
    @Operation(summary = "The case's isolation decision as issued, as PDF; 404 while it has not been issued (a GET never issues)")
    ResponseEntity<byte[]> isolation(@PathVariable long id) {
        return pdf(decisions.issuedPdf(id, Kind.ISOLATION));
    }

    @PostMapping(path = "/cases/{id}/decisions/end-of-isolation")
    @Operation(summary = "Issues the case's end-of-isolation decision (once), as PDF; 409 until the case has recovered")
    ResponseEntity<byte[]> issueEndOfIsolation(@PathVariable long id) {
        return pdf(decisions.pdf(id, Kind.END_OF_ISOLATION));
    }

    @GetMapping(path = "/cases/{id}/decisions/end-of-isolation")
    @Operation(summary = "The case's end-of-isolation decision as issued, as PDF; 404 while it has not been issued")
    ResponseEntity<byte[]> endOfIsolation(@PathVariable long id) {
        return pdf(decisions.issuedPdf(id, Kind.END_OF_ISOLATION));
    }

    @PostMapping(path = "/decisions/isolation")
    @Operation(summary = "Issues the isolation decisions of every case of a commune confirmed on a day (those issued keep their number), one PDF, a page each")
    ResponseEntity<byte[]> batch(@RequestParam String commune,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return pdf(decisions.batch(commune, date));
    }

    // No "produces" on the mappings: errors must still be answered as problem+json.
    public static ResponseEntity<byte[]> pdf(DecisionFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}

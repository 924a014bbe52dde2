package vn.phaodai.vaccination.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/vaccination")
@Tag(name = "Vaccination reconciliation", description = "Points' reports of doses given, set beside the registry and the stock issued")
class ReconciliationApi {

    private final PointReports reports;
    private final Reconciliation reconciliation;
    private final Messages messages;

    ReconciliationApi(PointReports reports, Reconciliation reconciliation, Messages messages) {
        this.reports = reports;
        this.reconciliation = reconciliation;
        this.messages = messages;
    }

    @PostMapping("/point-reports")
    @Operation(summary = "A point's count of doses given on a day of a product: 201 when new or corrected (the earlier count kept as "
            + "a revision), 200 when the same count was already there")
    ResponseEntity<PointReports.Report> report(@RequestBody Map<String, Object> body) {
        PointReports.Report r = reports.report(new PointReports.Form(text(body.get("pointId")), text(body.get("day")),
                text(body.get("product")), text(body.get("doses"))));
        return ResponseEntity.status(r.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "For the period (from, to inclusive): doses in the registry (by the point given at), doses the points "
            + "reported and doses issued from stock, by commune of the unit (a province or district), or by point of a commune")
    Reconciliation.Report reconciliation(@RequestParam(required = false) String unit,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reconciliation.report(unit, from, to);
    }

    @GetMapping("/reconciliation/export")
    @Operation(summary = "The same as an Excel workbook")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) throws IOException {
        Reconciliation.Report report = reconciliation.report(unit, from, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationExport.write(out, messages, report);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, ReconciliationExport.TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReconciliationExport.fileName(report) + "\"")
                .body(out.toByteArray());
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}

package vn.phaodai.homecare;

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
import vn.phaodai.shared.PageResult;

import java.time.OffsetDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Home care", description = "Monitoring log of F0 at home, warning signs, alerts, non-reporting")
class HomeCareApi {

    private final Readings readings;
    private final Alerts alerts;
    private final NonReporting nonReporting;

    HomeCareApi(Readings readings, Alerts alerts, NonReporting nonReporting) {
        this.readings = readings;
        this.alerts = alerts;
        this.nonReporting = nonReporting;
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
    @Operation(summary = "Alerts, most severe first, then the longest waiting; status ACTIVE (default), OPEN, ACKNOWLEDGED, RESOLVED")
    PageResult<Alerts.Alert> alerts(@RequestParam(required = false) String commune, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "false") boolean escalated,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alerts.list(commune, status, escalated, PageResult.page(page), PageResult.size(size));
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

    @GetMapping("/home-care/non-reporting")
    @Operation(summary = "F0 at home with no reading for the configured hours, the longest silent first")
    PageResult<NonReporting.Silent> nonReporting(@RequestParam(required = false) String commune,
                                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return nonReporting.list(commune, OffsetDateTime.now(), PageResult.page(page), PageResult.size(size));
    }
}

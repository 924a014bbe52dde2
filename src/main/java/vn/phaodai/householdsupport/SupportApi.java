package vn.phaodai.householdsupport;

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

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Support to F0 households", description = "Food, medicine and waste collection for F0 households, handled by mass organisations")
class SupportApi {

    private final SupportRequests requests;

    SupportApi(SupportRequests requests) {
        this.requests = requests;
    }

    record Need(String kind, String detail) {
    }

    record Taking(String handledBy) {
    }

    record Closing(String note) {
    }

    @PostMapping("/cases/{id}/support-requests")
    @Operation(summary = "Raise a request for the case's household: FOOD, MEDICINE, WASTE or OTHER (with a detail); the same open need sent again answers 200")
    ResponseEntity<SupportRequests.SupportRequest> raise(@PathVariable long id, @RequestBody Need need) {
        SupportRequests.Raised r = requests.raise(id, need.kind(), need.detail());
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(r.request());
    }

    @GetMapping("/support-requests")
    @Operation(summary = "Support requests of the jurisdiction, open first then the longest waiting; status ACTIVE (default), OPEN, TAKEN, DONE, CANCELLED, ALL")
    PageResult<SupportRequests.SupportRequest> list(@RequestParam(required = false) String commune,
                                                    @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return requests.list(new SupportRequests.Filter(commune, status, kind, null), PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/support-requests/{id}/take")
    @Operation(summary = "An organisation or a person (handledBy, e.g. \"Hội Phụ nữ xã\") takes an open request; 409 if it is not open")
    SupportRequests.SupportRequest take(@PathVariable long id, @RequestBody Taking t) {
        return requests.take(id, t.handledBy());
    }

    @PostMapping("/support-requests/{id}/done")
    @Operation(summary = "The household got what it needed (a taken request), with an optional note; 409 otherwise")
    SupportRequests.SupportRequest done(@PathVariable long id, @RequestBody(required = false) Closing c) {
        return requests.done(id, c == null ? null : c.note());
    }

    @PostMapping("/support-requests/{id}/cancel")
    @Operation(summary = "Cancel an open or taken request, with an optional note; 409 once done or cancelled")
    SupportRequests.SupportRequest cancel(@PathVariable long id, @RequestBody(required = false) Closing c) {
        return requests.cancel(id, c == null ? null : c.note());
    }
}

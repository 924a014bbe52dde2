package vn.phaodai.vaccination.doses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vaccination")
class DoseApi {

    private final Doses doses;

    DoseApi(Doses doses) {
        this.doses = doses;
    }

    @PostMapping("/doses")
    @Operation(summary = "Record a dose given (dates yyyy-MM-dd or dd/MM/yyyy): 201; the same dose again 200 with the stored one; "
            + "409 listing brokenRules (rule, message, document) unless an overrideReason is given, or when the person has another "
            + "dose of that kind; 400 naming the field; 404 for a person outside the area")
    ResponseEntity<Doses.Dose> record(@RequestBody(required = false) Doses.DoseInput input) {
        Doses.Recorded r = doses.record(input);
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(r.dose());
    }
}

package vn.phaodai.vaccination.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vaccination", description = "Doses of COVID-19 vaccine, the rules that judge them and a person's vaccination status on any date")
class StatusApi {

    private final PersonVaccination vaccination;

    StatusApi(PersonVaccination vaccination) {
        this.vaccination = vaccination;
    }

    @GetMapping("/persons/{id}/vaccination")
    @Operation(summary = "A person's vaccination on a date (default today): status NOT_VACCINATED, PRIMARY_STARTED, PRIMARY_COMPLETE, "
            + "ADDITIONAL or BOOSTED, the doses given by then, and the next dose due (kind, from, until, products) with why; 404 outside the area")
    PersonVaccination.View of(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return vaccination.of(id, on);
    }
}

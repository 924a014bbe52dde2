package vn.phaodai.vaccination.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/vaccination")
@Tag(name = "Vaccination coverage", description = "Coverage by unit and age band, and the residents not vaccinated")
class CoverageApi {

    private final VaccinationCoverage coverage;
    private final Unvaccinated unvaccinated;
    private final ApplicationClock clock;

    CoverageApi(VaccinationCoverage coverage, Unvaccinated unvaccinated, ApplicationClock clock) {
        this.coverage = coverage;
        this.unvaccinated = unvaccinated;
        this.clock = clock;
    }

    @GetMapping("/coverage")
    @Operation(summary = "Residents on the day, with at least one dose, the primary course complete and a booster, by age band "
            + "(percentages with one decimal), for the unit and, with by=district|commune|village, each of its child units. "
            + "unit: a GSO code (2 digits a province, 3 a district, 5 a commune) or v<id> for a village; on: default today")
    VaccinationCoverage.Report coverage(@RequestParam(required = false) String unit,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                        @RequestParam(required = false) String by) {
        return coverage.report(unit, on == null ? clock.today() : on, by);
    }

    @GetMapping("/unvaccinated")
    @Operation(summary = "Residents of a commune (one village of it) on the day with no dose given by then, by village and name; "
            + "q: part of the name, band: an age band code (AGE_12_PLUS, …)")
    PageResult<Unvaccinated.Person> unvaccinated(@RequestParam(required = false) String commune,
                                                 @RequestParam(required = false) Long village,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                                 @RequestParam(required = false) String band,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return unvaccinated.list(new Unvaccinated.Criteria(commune, village, on == null ? clock.today() : on, band, q),
                PageResult.page(page), PageResult.size(size));
    }
}

package vn.phaodai.vaccination.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.PageResult;

import java.util.Map;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vaccination: refusals and home vaccination", description = "Residents who refused, and those vaccinated at home by a team")
class PeopleApi {

    private final Refusals refusals;
    private final HomeNeeds needs;

    PeopleApi(Refusals refusals, HomeNeeds needs) {
        this.refusals = refusals;
        this.needs = needs;
    }

    @PostMapping("/persons/{id}/vaccination/refusals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records that the person refused (refusedOn default today; reason one of SIDE_EFFECTS, HEALTH, DISTRUST, "
            + "BELIEF, WAITING, OTHER; reasonText required with OTHER); the same day again changes it")
    Refusals.Refusal refuse(@PathVariable long id, @RequestBody(required = false) Refusals.RefusalInput in) {
        return refusals.record(id, in);
    }

    @GetMapping("/vaccination/refused")
    @Operation(summary = "Each person's last refusal with no dose given since, by village and name")
    PageResult<Refusals.Row> refused(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                                     @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return refusals.list(new PeopleCriteria(commune, village, q), PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/persons/{id}/vaccination/home-need")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Notes that the person must be vaccinated at home (reason BEDRIDDEN, ELDERLY, DISABILITY or OTHER with a note)")
    HomeNeeds.Need homeNeed(@PathVariable long id, @RequestBody(required = false) HomeNeeds.NeedInput in) {
        return needs.record(id, in);
    }

    @GetMapping("/vaccination/home-needs")
    @Operation(summary = "The persons to vaccinate at home with no dose given since, by village and name; point: one team's")
    PageResult<HomeNeeds.Row> homeNeeds(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                                        @RequestParam(required = false) Long point, @RequestParam(required = false) String q,
                                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return needs.list(new PeopleCriteria(commune, village, q), point, PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/vaccination/home-needs/assign")
    @Operation(summary = "Gives persons with a home need to a team (a vaccination point of kind HOME or MOBILE)")
    Map<String, Integer> assign(@RequestBody(required = false) HomeNeeds.Assignment a) {
        return Map.of("assigned", needs.assign(a));
    }
}

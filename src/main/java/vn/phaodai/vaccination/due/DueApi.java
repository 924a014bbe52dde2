package vn.phaodai.vaccination.due;

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
@Tag(name = "Vaccination due list", description = "Who is due or overdue for the next dose on a day, by the rules in force")
class DueApi {

    private final DueList due;
    private final ApplicationClock clock;

    DueApi(DueList due, ApplicationClock clock) {
        this.due = due;
        this.clock = clock;
    }

    @GetMapping("/due")
    @Operation(summary = "Residents of a commune (one village of it) whose next dose is due on the day (on: default today): the dose "
            + "kind, from and until when, overdue or not, the priority group; ordered by priority group, overdue first, oldest "
            + "first. state: DUE or OVERDUE; first=true adds the never vaccinated who are eligible; group: a priority group's rank; "
            + "q: part of the name")
    PageResult<DueList.Person> due(@RequestParam(required = false) String commune,
                                   @RequestParam(required = false) Long village,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                   @RequestParam(required = false) String state,
                                   @RequestParam(required = false) Boolean first,
                                   @RequestParam(required = false) Integer group,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return due.list(new DueList.Criteria(commune, village, on == null ? clock.today() : on, state, Boolean.TRUE.equals(first), q),
                group, PageResult.page(page), PageResult.size(size));
    }
}

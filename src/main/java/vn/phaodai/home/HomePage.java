package vn.phaodai.home;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.phaodai.geography.Geography;
import vn.phaodai.population.Persons;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;

import java.util.Set;

/**
 * The first page, by role: the province's committee and the districts see the day's figures of their area, a commune
 * officer the commune's tasks of the day, a care-team worker their own F0; the administrator also sees what the
 * registry holds. Every figure opens its list.
 */
@Controller
class HomePage {

    /** Roles whose first page is not the care worker's F0, even when they also hold CARE_TEAM. */
    static final Set<String> OFFICES = Set.of("ADMIN", "PROVINCIAL_COMMITTEE", "HEALTH_DEPARTMENT", "DISTRICT_OFFICER",
            "COMMUNE_OFFICER", "LOCAL_ADMIN");

    private final Geography geography;
    private final Persons persons;
    private final DayFigures figures;
    private final ApplicationClock clock;

    HomePage(Geography geography, Persons persons, DayFigures figures, ApplicationClock clock) {
        this.geography = geography;
        this.persons = persons;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        PhaodaiUser user = CurrentUser.get();
        boolean careWorker = user.roles().contains("CARE_TEAM") && user.roles().stream().noneMatch(OFFICES::contains);
        boolean commune = "COMMUNE".equals(user.jurisdictionLevel()) || "VILLAGE".equals(user.jurisdictionLevel());
        model.addAttribute("today", clock.today());
        model.addAttribute("sections", careWorker ? figures.careWorker(user) : commune ? figures.communeTasks(user) : figures.area(user));
        boolean administrator = user.can(Right.GEOGRAPHY_ADMIN) || user.can(Right.USER_ADMIN);
        model.addAttribute("administrator", administrator);
        model.addAttribute("geo", geography.totals());
        if (administrator) {
            try {
                model.addAttribute("registry", persons.totals());
            } catch (AccessDeniedException numbersNotForThisRole) {
                model.addAttribute("registry", null);
            }
        }
        return "home";
    }
}

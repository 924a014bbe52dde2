package vn.phaodai.home;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.phaodai.geography.Geography;
import vn.phaodai.population.Persons;

/** The landing page: what the command centre holds. */
@Controller
class HomePage {

    private final Geography geography;
    private final Persons persons;

    HomePage(Geography geography, Persons persons) {
        this.geography = geography;
        this.persons = persons;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("geo", geography.totals());
        try {
            model.addAttribute("registry", persons.totals());
        } catch (AccessDeniedException numbersNotForThisRole) {
            model.addAttribute("registry", null);
        }
        return "home";
    }
}

package vn.phaodai.vaccination.people;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** The refused and home vaccination lists in the menu (Tiêm chủng), after the unvaccinated list. */
@Configuration
class PeopleNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationPeopleMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 62, "nav.vaccinationRefused", "/vaccination/refused", "VACCINATION_READ"),
                NavigationEntry.of(VACCINATION, 64, "nav.vaccinationHomeNeeds", "/vaccination/home-needs", "VACCINATION_READ"));
    }
}

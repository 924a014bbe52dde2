package vn.phaodai.vaccination.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** Vaccination's pages in the menu. */
@Configuration
class VaccinationNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 10, "nav.vaccinationDose", "/vaccination/doses/new", "VACCINATION_WRITE"));
    }
}

package vn.phaodai.vaccination.due;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** The due list in the menu (Tiêm chủng), beside the unvaccinated list. */
@Configuration
class DueNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationDueMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 65, "nav.vaccinationDue", "/vaccination/due", "VACCINATION_READ"));
    }
}

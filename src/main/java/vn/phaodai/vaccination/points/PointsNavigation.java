package vn.phaodai.vaccination.points;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** The points' list in the menu (Tiêm chủng), after the stock pages. */
@Configuration
class PointsNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationPointsMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 70, "nav.vaccinationPoints", "/vaccination/points", "VACCINATION_READ"));
    }
}

package vn.phaodai.vaccination.coverage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** Coverage and the unvaccinated list in the menu (Tiêm chủng). */
@Configuration
class CoverageNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationCoverageMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 50, "nav.vaccinationCoverage", "/vaccination/coverage", "VACCINATION_READ", "AGGREGATE_READ"),
                NavigationEntry.of(VACCINATION, 60, "nav.unvaccinated", "/vaccination/unvaccinated", "VACCINATION_READ"));
    }
}

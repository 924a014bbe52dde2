package vn.phaodai.vaccination.reconciliation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** The reconciliation page and the points' report form in the menu (Tiêm chủng). */
@Configuration
class ReconciliationNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationReconciliationMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 72, "nav.vaccinationReconciliation", "/vaccination/reconciliation", "VACCINATION_READ"),
                NavigationEntry.of(VACCINATION, 73, "nav.vaccinationPointReport", "/vaccination/point-reports/new", "VACCINATION_WRITE"));
    }
}

package vn.phaodai.homecare.today;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.HOME_CARE;

/** Home care's pages in the menu. */
@Configuration
class HomeCareNavigation {

    @Bean
    NavigationEntry.Contribution homeCareMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(HOME_CARE, 10, "nav.homeCare", "/home-care", "HOME_CARE_READ"),
                NavigationEntry.of(HOME_CARE, 20, "nav.careTeams", "/care-teams", "HOME_CARE_READ"),
                NavigationEntry.of(HOME_CARE, 30, "nav.support", "/support-requests", "SUPPORT_READ"));
    }
}

package vn.phaodai.home;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.REPORTS;

/** The overview and the API description: open to every logged-in user. */
@Configuration
class HomeNavigation {

    @Bean
    NavigationEntry.Contribution homeMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(REPORTS, 10, "nav.overview", "/"),
                NavigationEntry.of(REPORTS, 90, "nav.api", "/swagger-ui.html"));
    }
}

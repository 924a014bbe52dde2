package vn.phaodai.vaccination.sessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** The sessions first in the vaccination menu: the vaccinator's day starts there. */
@Configuration
class SessionNavigation {

    @Bean
    NavigationEntry.Contribution vaccinationSessionsMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 5, "nav.vaccinationSessions", "/vaccination/sessions", "VACCINATION_READ"));
    }
}

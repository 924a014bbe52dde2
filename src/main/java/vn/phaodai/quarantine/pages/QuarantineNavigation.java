package vn.phaodai.quarantine.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.TRACING_AND_QUARANTINE;

/** Quarantine's pages in the menu. */
@Configuration
class QuarantineNavigation {

    @Bean
    NavigationEntry.Contribution quarantineMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(TRACING_AND_QUARANTINE, 50, "nav.quarantine", "/quarantine/facilities", "QUARANTINE_READ"),
                NavigationEntry.of(TRACING_AND_QUARANTINE, 60, "nav.testsDue", "/quarantine/tests-due", "QUARANTINE_READ"),
                NavigationEntry.of(TRACING_AND_QUARANTINE, 70, "nav.arrivals", "/quarantine/arrivals", "QUARANTINE_READ"),
                NavigationEntry.of(TRACING_AND_QUARANTINE, 80, "nav.quarantinePolicies", "/quarantine/policies", "QUARANTINE_POLICY_ADMIN"));
    }
}

package vn.phaodai.tracing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.TRACING_AND_QUARANTINE;

/** Tracing's pages in the menu (quarantine's join them in the same area). */
@Configuration
class TracingNavigation {

    @Bean
    NavigationEntry.Contribution tracingMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(TRACING_AND_QUARANTINE, 10, "nav.followUps", "/follow-ups", "TRACING_READ"),
                NavigationEntry.of(TRACING_AND_QUARANTINE, 20, "nav.chains", "/chains", "TRACING_READ"),
                NavigationEntry.of(TRACING_AND_QUARANTINE, 30, "nav.clusters", "/clusters", "TRACING_READ"),
                NavigationEntry.of(TRACING_AND_QUARANTINE, 40, "nav.contactImport", "/contacts/import", "TRACING_WRITE"));
    }
}

package vn.phaodai.geography.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.ADMINISTRATION;
import static vn.phaodai.shared.NavigationArea.REGISTRY;

/** The administrative units in the menu: everyone reads them, the administrator loads them. */
@Configuration
class GeographyNavigation {

    @Bean
    NavigationEntry.Contribution geographyMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(REGISTRY, 40, "nav.geography", "/geography"),
                NavigationEntry.of(ADMINISTRATION, 30, "nav.geographyImport", "/geography/import", "GEOGRAPHY_ADMIN"));
    }
}

package vn.phaodai.population.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.REGISTRY;
import static vn.phaodai.shared.NavigationArea.REPORTS;

/** The registry's pages in the menu. */
@Configuration
class PopulationNavigation {

    @Bean
    NavigationEntry.Contribution populationMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(REGISTRY, 10, "nav.persons", "/persons", "PERSON_READ", "PERSON_READ_BASIC"),
                NavigationEntry.of(REGISTRY, 20, "nav.duplicates", "/persons/duplicates", "PERSON_MERGE"),
                NavigationEntry.of(REGISTRY, 30, "nav.import", "/persons/import", "PERSON_IMPORT"),
                NavigationEntry.of(REPORTS, 20, "nav.personExport", "/persons/export.xlsx", "PERSON_EXPORT"));
    }
}

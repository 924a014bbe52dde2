package vn.phaodai.cases.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.CASES;

/** The cases' pages in the menu. */
@Configuration
class CasesNavigation {

    @Bean
    NavigationEntry.Contribution casesMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(CASES, 10, "nav.cases", "/cases", "CASE_READ"),
                NavigationEntry.of(CASES, 20, "nav.newCase", "/cases/new", "CASE_WRITE"));
    }
}

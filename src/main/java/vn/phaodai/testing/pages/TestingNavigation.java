package vn.phaodai.testing.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.TESTING;

/** Testing's pages in the menu. */
@Configuration
class TestingNavigation {

    @Bean
    NavigationEntry.Contribution testingMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(TESTING, 10, "nav.campaigns", "/campaigns", "TESTING_READ"),
                NavigationEntry.of(TESTING, 20, "nav.factories", "/enterprises/testing", "TESTING_READ"),
                NavigationEntry.of(TESTING, 30, "nav.retests", "/retests", "TESTING_READ"),
                NavigationEntry.of(TESTING, 40, "nav.labImport", "/lab-results/import", "LAB_RESULT_WRITE"));
    }
}

package vn.phaodai.vaccination.stock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.VACCINATION;

/** The stock pages in the menu. */
@Configuration
class StockNavigation {

    @Bean
    NavigationEntry.Contribution vaccineStockMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(VACCINATION, 80, "nav.vaccineStock", "/vaccine/stock", "VACCINE_STOCK_READ"),
                NavigationEntry.of(VACCINATION, 81, "nav.vaccineExpiring", "/vaccine/expiring", "VACCINE_STOCK_READ"));
    }
}

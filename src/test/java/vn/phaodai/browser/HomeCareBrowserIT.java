package vn.phaodai.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.Chromium;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A care-team worker on a phone-sized window enters a reading with SpO2 94 % and sees the alert on the list. */
@PhaodaiIT
@Tag("browser")
class HomeCareBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    long caseId;

    @BeforeEach
    void aCaseAtHomeAndAWorker() throws Exception {
        TestApi admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        caseId = new CaseFixture(admin, jdbc).freshCase("18073", null, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2));
        var user = admin.post("/api/v1/users", Map.of("username", "tram-luu-dong-1", "password", "Mat-khau-Luu-Dong-2021",
                "roles", List.of("CARE_TEAM"), "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of("18073"))));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        browser = Chromium.start(390, 844);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aReadingWithLowOxygenShowsItsAlertOnTheList() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/home-care");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("tram-luu-dong-1");
        browser.findElement(By.id("password")).sendKeys("Mat-khau-Luu-Dong-2021");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("at-home")));
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("Không có cảnh báo");
        browser.findElement(By.cssSelector("a[data-case='" + caseId + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reading-form")));
        browser.findElement(By.id("spo2")).sendKeys("94");
        browser.findElement(By.id("breathingRate")).sendKeys("18");
        browser.findElement(By.id("temperature")).sendKeys("37.5");
        var save = browser.findElement(By.id("save-reading")); // below whose reading and when: scrolled to, as a thumb would
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
        save.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(browser.findElement(By.id("recorded")).getText()).contains("SpO2 thấp");
        String alerts = browser.findElement(By.id("alerts")).getText();
        assertThat(alerts).contains("SpO2 thấp").contains("SpO2 94%").contains("Tiếp nhận");
        // The page fits the phone: nothing wider than the window.
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        browser.findElement(By.cssSelector("#alerts button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Đã tiếp nhận"));
    }
}

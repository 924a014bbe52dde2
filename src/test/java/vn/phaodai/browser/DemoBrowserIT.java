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
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ClockForTests;
import vn.phaodai.support.Chromium;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** On an empty registry the administrator loads the demo province from the home page and browses its people. */
@PhaodaiIT
@Tag("browser")
class DemoBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationClock clock;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        jdbc.sql("delete from demo_load").update();
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
        jdbc.sql("delete from demo_load").update();
        ClockForTests.reset(clock); // the demo set it inside its outbreak
    }

    @Test
    void theDemoLoadsWithOneClickAndTheDirectoryShowsItsPeople() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestApi.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("load-demo"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "Hoàn thành"));

        browser.get("http://localhost:" + port + "/persons?province=99");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("persons")));
        assertThat(browser.findElement(By.id("demo-banner")).getText()).contains("DỮ LIỆU MẪU");
        assertThat(browser.findElement(By.id("total")).getText()).contains("50.000");
        assertThat(browser.findElements(By.cssSelector("#persons tbody tr"))).hasSize(20);
        assertThat(browser.findElement(By.id("persons")).getText()).contains("Mẫu");
    }
}

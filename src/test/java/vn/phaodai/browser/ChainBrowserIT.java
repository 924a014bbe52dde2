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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer opens the chain of transmission of a case and sees it drawn: two F0, an F1 and an F2. */
@PhaodaiIT
@Tag("browser")
class ChainBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void theChainPageDrawsItsNodes() {
        TestApi admin = new TestApi(port);
        CaseFixture cases = new CaseFixture(admin, jdbc);
        long a = cases.person("18073", null), b = cases.person("18073", null), c = cases.person("18073", null), d = cases.person("18073", null);
        long caseA = cases.confirmed(a, "18073", null, LocalDate.of(2021, 9, 10));
        for (long[] k : new long[][]{{a, b, 9}, {b, c, 14}, {c, d, 15}}) {
            var r = admin.post("/api/v1/contacts", Map.of("sourcePersonId", k[0], "exposedPersonId", k[1],
                    "exposureDate", LocalDate.of(2021, 9, (int) k[2]).toString(), "proximity", "PHYSICAL"));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        cases.confirmed(b, "18073", null, LocalDate.of(2021, 9, 15));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestApi.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get("http://localhost:" + port + "/cases/" + caseA);
        // The case page links to its chain (followed by its address: a click low on the page can land on an overlay).
        browser.get(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chain-link"))).getAttribute("href"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chain-graph canvas")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rendered-count"), "4"));
        assertThat(browser.findElement(By.id("node-count")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.id("case-count")).getText()).isEqualTo("2");
        assertThat(browser.findElements(By.cssSelector("#chain-nodes tbody tr"))).hasSize(4);
    }
}

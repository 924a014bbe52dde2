package vn.phaodai.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.Chromium;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** On a 390 × 844 phone: part of a commune's name typed without accents, a suggestion tapped, the list filtered by it. */
@PhaodaiIT
@Tag("browser")
class PickerBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        browser = Chromium.start(390, 844);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void typePartOfACommuneNameAndChooseASuggestion() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/retests");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestApi.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("commune-picker")));

        box.sendKeys("phuong nam h");
        By suggestion = By.xpath("//ul[@id='commune-picker-list']/li[normalize-space(.)='Phường Nam Hà — Thành phố Hà Tĩnh']");
        WebElement choice = wait.until(ExpectedConditions.visibilityOfElementLocated(suggestion));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "picker-390.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(choice.getSize().getHeight()).as("a suggestion is a 44 px tap target").isGreaterThanOrEqualTo(44);
        assertThat(choice.getRect().getX() + choice.getRect().getWidth()).as("the list fits the phone").isLessThanOrEqualTo(390);
        choice.click();

        assertThat(box.getAttribute("value")).isEqualTo("Phường Nam Hà — Thành phố Hà Tĩnh");
        assertThat(browser.findElement(By.cssSelector("input[type=hidden][name=commune]")).getAttribute("value")).isEqualTo("18073");
        box.submit();
        wait.until(ExpectedConditions.urlContains("commune=18073"));
        assertThat(browser.findElement(By.id("commune-picker")).getAttribute("value")).isEqualTo("Phường Nam Hà — Thành phố Hà Tĩnh");
    }
}

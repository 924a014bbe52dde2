package vn.phaodai.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Chromium (Debian's, driven by its chromedriver): log in, search a name typed without accents, see the person. */
@PhaodaiIT
@Tag("browser")
class PersonDirectoryBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        TestApi api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        api.post("/api/v1/persons", Map.of("fullName", "Nguyễn Văn An", "sex", "MALE", "dateOfBirth", "25/03/1985",
                "nationalId", "042085000123", "communeCode", "18073"));
        api.post("/api/v1/persons", Map.of("fullName", "Trần Thị Bích", "sex", "FEMALE", "dateOfBirth", "02/02/1992",
                "nationalId", "042192000777", "communeCode", "18073"));

        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    private void logIn(String user, String password) {
        browser.get("http://localhost:" + port + "/persons");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void aCommuneOfficerSeesItsCommuneAndNotAPersonOfAnother() throws Exception {
        TestApi admin = new TestApi(port);
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        admin.post("/api/v1/users", Map.of("username", "tram-y-te-nam-ha", "password", "Mat-khau-Tram-2021",
                "roles", java.util.List.of("COMMUNE_OFFICER"), "jurisdiction", Map.of("level", "COMMUNE", "codes", java.util.List.of("18073"))));
        long outside = admin.post("/api/v1/persons", Map.of("fullName", "Phạm Văn Hà Nội", "sex", "MALE", "dateOfBirth", "03/03/1983",
                "nationalId", "001083000444", "communeCode", "00001")).body().get("person").get("id").asLong();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        logIn("tram-y-te-nam-ha", "Mat-khau-Tram-2021");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("persons")));
        String list = browser.findElement(By.id("persons")).getText();
        assertThat(list).contains("Nguyễn Văn An").contains("Trần Thị Bích").doesNotContain("Phạm Văn Hà Nội");

        browser.get("http://localhost:" + port + "/persons/" + outside);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "not-found.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(browser.getPageSource()).contains("Không tìm thấy").doesNotContain("Phạm Văn Hà Nội").doesNotContain("001083000444");
    }

    @Test
    void logInSearchWithoutAccentsAndFindThePerson() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        logIn("admin", TestApi.ADMIN_PASSWORD);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("persons")));
        browser.findElement(By.id("q")).sendKeys("nguyen van an");
        browser.findElement(By.id("search")).click();

        wait.until(ExpectedConditions.urlContains("q=nguyen"));
        String table = browser.findElement(By.id("persons")).getText();
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "person-directory.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(table).contains("Nguyễn Văn An").doesNotContain("Trần Thị Bích");
        assertThat(browser.findElement(By.id("total")).getText()).contains("1");

        browser.findElement(By.linkText("Nguyễn Văn An")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-name"), "Nguyễn Văn An"));
        assertThat(browser.getPageSource()).contains("042085000123");

        // A wrong phone number on the edit form is named next to its field, in Vietnamese; nothing is saved.
        browser.findElement(By.linkText("Sửa")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone")));
        browser.findElement(By.id("phone")).sendKeys("12345");
        browser.findElement(By.id("phone")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#phone.is-invalid")));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "person-form.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(browser.getPageSource()).contains("Số điện thoại không đúng dạng số Việt Nam");
        assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Nguyễn Văn An");
        assertThat(jdbc.sql("select phone from person where national_id = '042085000123'").query(String.class).optional()
                .orElse(null)).isNull();
    }
}

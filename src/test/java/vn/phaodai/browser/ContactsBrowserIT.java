package vn.phaodai.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

/**
 * A commune officer on a 390 × 844 phone enters two contacts of a case in the per-person form and records the
 * day's follow-up of an F1: neither page is wider than the screen, and each "Lưu" is a 44 px target a tap reaches.
 */
@PhaodaiIT
@Tag("browser")
class ContactsBrowserIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    WebDriverWait wait;
    long caseId;

    @BeforeEach
    void aCaseAndAnOfficer() throws Exception {
        TestApi admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        caseId = new CaseFixture(admin, jdbc).freshCase(COMMUNE, null, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2));
        var user = admin.post("/api/v1/users", Map.of("username", "truy-vet-xa-1", "password", "Mat-khau-Truy-Vet-2021",
                "roles", List.of("COMMUNE_OFFICER"), "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(COMMUNE))));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        browser = Chromium.phone(390, 844);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Neither the page nor the viewport wider than the 390 px screen (a wider page widens an emulated phone's viewport). */
    private void fitsTheScreen(String page) {
        Object widths = js("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(widths).as(page + ": page and viewport width on a 390 px screen").isEqualTo(List.of(390L, 390L));
    }

    /** What the officer sees first on the phone, for readers of docs/screens (issue 14). */
    private void screenshot(String name) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("docs/screens");
        java.nio.file.Files.createDirectories(dir);
        js("window.scrollTo({top: 0, behavior: 'instant'})");
        java.nio.file.Files.write(dir.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Tall enough for a finger, inside the screen, the element a tap at its centre lands on: then tapped. */
    private void tap(WebElement button) {
        // At once, not smoothly (Bootstrap scrolls smoothly): the centre is measured where the button stays.
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        assertThat(button.getSize().getHeight()).as("tap target height").isGreaterThanOrEqualTo(44);
        Object hit = js("var r = arguments[0].getBoundingClientRect();"
                + "return r.right <= window.innerWidth && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === arguments[0];", button);
        assertThat(hit).as("the button is on screen and nothing covers it").isEqualTo(true);
        button.click();
    }

    @Test
    void theContactsAndFollowUpPagesFitAPhoneAndTheirSaveAnswersATap() throws Exception {
        browser.get("http://localhost:" + port + "/cases/" + caseId + "/contacts");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("truy-vet-xa-1");
        browser.findElement(By.id("password")).sendKeys("Mat-khau-Truy-Vet-2021");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry")));
        fitsTheScreen("contacts");

        // "Thêm người" adds a fourth box in place (no reload: what is typed in the first stays).
        browser.findElement(By.id("r0-fullName")).sendKeys("Hà Văn Sát");
        tap(browser.findElement(By.id("entry-add")));
        assertThat(browser.findElements(By.cssSelector("#rows .contact-row"))).hasSize(4);
        assertThat(browser.findElement(By.id("r3-fullName")).getAttribute("name")).isEqualTo("rows[3].fullName");
        assertThat(browser.findElement(By.id("r0-fullName")).getAttribute("value")).isEqualTo("Hà Văn Sát");

        browser.findElement(By.id("r0-birthYear")).sendKeys("1988");
        new Select(browser.findElement(By.id("r0-sex"))).selectByVisibleText("Nam");
        new Select(browser.findElement(By.id("r0-proximity"))).selectByVisibleText("Tiếp xúc cơ thể");
        browser.findElement(By.id("r3-fullName")).sendKeys("Hà Thị Xa");
        browser.findElement(By.id("r3-birthYear")).sendKeys("1992");
        new Select(browser.findElement(By.id("r3-sex"))).selectByVisibleText("Nữ");
        new Select(browser.findElement(By.id("r3-proximity"))).selectByVisibleText("Trong vòng 2 m");
        fitsTheScreen("contacts, four boxes");
        WebElement save = browser.findElement(By.id("entry-save"));
        tap(save);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entered")));
        String entered = browser.findElement(By.id("entered")).getText();
        assertThat(entered).contains("Là F1", "Hà Văn Sát", "Không phải F1", "Hà Thị Xa không phải F1 của ca này vì: Tiếp xúc trong vòng 2 m không đủ");
        fitsTheScreen("contacts, answered");
        screenshot("commune-officer-contacts-390.png");

        // The F1 is on the commune's follow-up list of the day: the outcome and "Lưu" are on screen and answer a tap.
        browser.get("http://localhost:" + port + "/follow-ups?commune=" + COMMUNE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("due")));
        fitsTheScreen("follow-ups");
        screenshot("commune-officer-follow-ups-390.png");
        WebElement due = browser.findElement(By.cssSelector("#due .list-group-item form"));
        new Select(due.findElement(By.name("kind"))).selectByVisibleText("Đến nhà");
        WebElement outcome = due.findElement(By.name("outcome"));
        assertThat(outcome.getSize().getWidth()).as("the outcome shows its words, not just an arrow").isGreaterThan(120);
        new Select(outcome).selectByVisibleText("Bình thường");
        WebElement followUpSave = due.findElement(By.cssSelector("button[type=submit]"));
        tap(followUpSave);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("due"), "Đến nhà · Bình thường"));
        fitsTheScreen("follow-ups, recorded");
    }
}

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
import org.openqa.selenium.support.ui.Select;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vaccinator on a 390 × 844 phone: plans the day's session at the health station with the lot it holds, invites
 * from the due list, types the code of a person's invitation, confirms the dose the rules propose, and sees the
 * person gone from the due list. Every page fits the screen.
 */
@PhaodaiIT
@Tag("browser")
class SessionBrowserIT {

    static final String COMMUNE = "18073"; // Phường Nam Hà
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    WebDriverWait wait;
    String pointName;
    String lotNumber;
    long personId;

    @BeforeEach
    void aStationWithALotAndAPersonDue() throws Exception {
        TestApi admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        String n = Long.toString(System.nanoTime(), 36).toUpperCase();
        pointName = "Trạm Y tế phường Nam Hà " + n;
        long point = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') returning id")
                .params(COMMUNE, pointName).query(Long.class).single();
        lotNumber = "FK" + n;
        var lot = admin.post("/api/v1/vaccine/lots", Map.of("unit", "436", "product", "COMIRNATY_30", "lot", lotNumber,
                "expiry", TODAY.plusDays(60).toString(), "doses", 120, "supplier", "Trung tâm Kiểm soát bệnh tật tỉnh", "on", TODAY.minusDays(3).toString()));
        assertThat(lot.status()).as(lot.text()).isEqualTo(201);
        var moved = admin.post("/api/v1/vaccine/allocations", Map.of("lotId", lot.body().get("lotId").asLong(), "from", "436",
                "to", "point-" + point, "doses", 60, "on", TODAY.minusDays(2).toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        var person = admin.post("/api/v1/persons", Map.of("fullName", "Võ Thị Hồng Nhung", "sex", "FEMALE", "birthYear", 1950,
                "communeCode", COMMUNE, "address", "Số 8 đường Phan Đình Phùng", "phone", "0915123456"));
        assertThat(person.status()).as(person.text()).isEqualTo(201);
        personId = person.body().get("person").get("id").asLong();
        var user = admin.post("/api/v1/users", Map.of("username", "tiem-nam-ha", "password", "Mat-khau-Tiem-Chung-2021",
                "roles", List.of("VACCINATOR"), "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(COMMUNE))));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        browser = Chromium.phone(390, 844);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aVaccinatorChecksAPersonInAndRecordsTheDose() throws Exception {
        browser.get("http://localhost:" + port + "/vaccination/due?first=true");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("tiem-nam-ha");
        browser.findElement(By.id("password")).sendKeys("Mat-khau-Tiem-Chung-2021");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("due")));
        assertThat(browser.findElement(By.id("due")).getText()).as("due for a first dose").contains("Võ Thị Hồng Nhung");

        // Plan the session: the commune is the vaccinator's own; the point, then its lot.
        browser.get("http://localhost:" + port + "/vaccination/sessions");
        fits("sessions");
        tap(browser.findElement(By.id("new-session")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pointId")));
        new Select(browser.findElement(By.id("pointId"))).selectByVisibleText(pointName + " (Trạm y tế)");
        tap(browser.findElement(By.id("show-lots")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-form")));
        fits("session form");
        browser.findElement(By.id("capacity")).sendKeys("abc");
        tap(browser.findElement(By.id("plan")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lotIds-error")));
        assertThat(browser.findElement(By.id("capacity")).getAttribute("value")).as("what was typed is kept").isEqualTo("abc");
        assertThat(browser.findElement(By.id("lotIds-error")).getText()).isNotBlank();
        browser.findElement(By.id("capacity")).clear();
        browser.findElement(By.id("capacity")).sendKeys("50");
        WebElement lot = browser.findElement(By.cssSelector("input[name=lotIds]"));
        assertThat(browser.findElement(By.cssSelector("label[for=" + lot.getAttribute("id") + "]")).getText()).contains(lotNumber, "60 liều");
        tap(lot);
        tap(browser.findElement(By.id("plan")));

        // The session: invite from the due list, then check the person in by the code on her invitation.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invite")));
        fits("session");
        tap(browser.findElement(By.id("invite")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invited")));
        assertThat(browser.findElement(By.id("invitations")).getText()).contains("Võ Thị Hồng Nhung", "Đã mời");
        String token = jdbc.sql("select token from vaccination_invitation where person_id = ?").param(personId).query(String.class).single();
        browser.findElement(By.id("token")).sendKeys(token.toLowerCase());
        tap(browser.findElement(By.id("find")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-form")));
        fits("confirm");
        assertThat(browser.findElement(By.id("person")).getText()).isEqualTo("Võ Thị Hồng Nhung");
        assertThat(browser.findElement(By.id("dose-kind")).getText()).contains("Mũi 1");
        screenshot("vaccinator-confirm-dose-390.png");
        tap(browser.findElement(By.id("record")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(browser.findElement(By.id("recorded")).getText()).contains("Võ Thị Hồng Nhung");
        assertThat(browser.findElement(By.id("invitations")).getText()).contains("Đã tiêm");
        screenshot("vaccinator-session-390.png");
        assertThat(jdbc.sql("select count(*) from vaccine_dose where person_id = ? and source = 'SESSION' and lot_number = ?")
                .params(personId, lotNumber).query(Long.class).single()).isEqualTo(1);

        browser.get("http://localhost:" + port + "/vaccination/due?first=true");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("due")));
        assertThat(browser.findElement(By.id("due")).getText()).as("vaccinated: off the due list").doesNotContain("Võ Thị Hồng Nhung");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void fits(String page) {
        Object widths = js("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(widths).as(page + ": page and viewport width on a 390 px screen").isEqualTo(List.of(390L, 390L));
        assertThat(browser.getPageSource()).as(page + ": no untranslated key").doesNotContain("??");
    }

    /** Tall enough for a finger, on screen, nothing covering it: then tapped. */
    private void tap(WebElement target) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", target);
        if (!"checkbox".equals(target.getAttribute("type"))) {
            assertThat(target.getSize().getHeight()).as("tap target height").isGreaterThanOrEqualTo(44);
        }
        target.click();
    }

    private void screenshot(String name) throws java.io.IOException {
        Path dir = Path.of("docs/screens");
        Files.createDirectories(dir);
        js("window.scrollTo({top: 0, behavior: 'instant'})");
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

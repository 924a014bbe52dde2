package vn.phaodai.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.cases.Decisions;
import vn.phaodai.householdsupport.SupportRequests;
import vn.phaodai.homecare.readings.ReadingForm;
import vn.phaodai.population.Relation;
import vn.phaodai.population.Sex;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.policies.Policies;
import vn.phaodai.security.Right;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.Chromium;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.testing.results.ResultFields;
import vn.phaodai.tracing.chains.Clusters;
import vn.phaodai.tracing.contacts.Contacts;
import vn.phaodai.tracing.followups.FollowUps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's daily pages at 390 × 844, as the people who use them (issue 14, "Phone-first"): the first page, every
 * entry of the role's menu (read from the menu, so a new page is walked by itself) and the detail pages opened every
 * day. A page fails when it is wider than the screen (naming the element that passes its edge), shows a code value or
 * an untranslated key, is an error page, or has a button, form control or menu link under 44 px. Each page leaves a
 * screenshot in docs/screens, listed in docs/screens/README.md. The administrator's desktop menu fits one line at
 * 1280 and 1440 px with "Đăng xuất" on screen.
 */
@PhaodaiIT
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleWalkBrowserIT {

    static final String COMMUNE = "18073";
    static final String PASSWORD = "Mat-khau-Di-Bo-2021";
    static final int PHONE_WIDTH = 390;
    static final Path SCREENS = Path.of("docs/screens");
    /** Real abbreviations a page may show in capitals. */
    static final Set<String> ABBREVIATIONS = Set.of("CCCD", "CMND", "SARS", "COVID", "BHYT", "UBND", "XLSX", "HTTP");
    static final Pattern CAPITALS = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b");
    static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[^\\s?]*\\?\\?");
    /** The titles of templates/error/*.html (Vietnamese and English) and Spring's own page. */
    static final List<String> ERROR_TITLES = List.of("Không tìm thấy", "Không có quyền", "Yêu cầu không hợp lệ", "Không thực hiện được",
            "Not found", "Forbidden", "Bad request", "Whitelabel Error Page");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    WebDriverWait wait;

    long person;
    long caseId;
    long contact;
    long facility;
    long stay;
    final Map<String, String[]> shots = new TreeMap<>();

    /**
     * One commune's day: an F0 at home with a low reading and a support request, an F1 of theirs, a care team, and a
     * facility with a stay (of October 2021: F1 are no longer quarantined since April 2022).
     */
    @BeforeAll
    void aCommunesDay() {
        TestApi admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        jdbc.sql("delete from quarantine_facility").update();
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        CaseFixture cases = new CaseFixture(admin, jdbc);
        person = cases.person(COMMUNE, null);
        caseId = cases.confirmed(person, COMMUNE, null, today.minusDays(2));
        contact = cases.person(COMMUNE, null);
        ok(admin.post("/api/v1/contacts", Map.of("sourcePersonId", person, "exposedPersonId", contact,
                "exposureDate", today.minusDays(3).toString(), "proximity", "PHYSICAL", "setting", "HOUSEHOLD")));
        ok(admin.post("/api/v1/cases/" + caseId + "/readings", Map.of("spo2", 94, "breathingRate", 18, "temperature", 37.5)));
        ok(admin.post("/api/v1/cases/" + caseId + "/support-requests", Map.of("kind", "FOOD", "detail", "Gạo và rau cho 4 người")));
        var team = ok(admin.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "MOBILE_STATION", "name", "Trạm y tế lưu động số 1")));
        ok(admin.post("/api/v1/care-teams/" + team.body().get("id").asLong() + "/workers",
                Map.of("fullName", "Lê Thị Chăm", "phone", "0912345678", "villageIds", List.of())));
        facility = ok(admin.post("/api/v1/quarantine/facilities", Map.of("name", "Khu cách ly Trường Quân sự tỉnh", "kind", "CONCENTRATED",
                "communeCode", COMMUNE, "capacity", 1200, "rooms", 300))).body().get("id").asLong();
        stay = ok(admin.post("/api/v1/quarantine/stays", Map.of("personId", contact, "facilityId", facility,
                "start", "2021-10-10", "subject", "F1"))).body().get("id").asLong();
        user(admin, "xa-di-bo", "COMMUNE_OFFICER", "COMMUNE", List.of(COMMUNE));
        user(admin, "cham-soc-di-bo", "CARE_TEAM", "COMMUNE", List.of(COMMUNE));
        user(admin, "cong-dong-di-bo", "COMMUNITY_TEAM", "COMMUNE", List.of(COMMUNE));
        user(admin, "chot-di-bo", "CHECKPOINT_OFFICER", "COMMUNE", List.of(COMMUNE));
        user(admin, "bcd-tinh-di-bo", "PROVINCIAL_COMMITTEE", "PROVINCE", List.of());
    }

    private static TestApi.Response ok(TestApi.Response r) {
        assertThat(r.status()).as(r.text()).isBetween(200, 201);
        return r;
    }

    private static void user(TestApi admin, String name, String role, String level, List<String> codes) {
        ok(admin.post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role),
                "jurisdiction", Map.of("level", level, "codes", codes))));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
        browser = null;
    }

    /** The screenshots this run made, with those of earlier runs still on disk, as a table a reader opens. */
    @AfterAll
    void listTheScreens() throws IOException {
        Files.createDirectories(SCREENS);
        Path readme = SCREENS.resolve("README.md");
        Map<String, String[]> rows = new TreeMap<>();
        if (Files.exists(readme)) {
            Matcher m = Pattern.compile("(?m)^\\| ([^|]+) \\| ([^|]+) \\| \\[([^]]+)]").matcher(Files.readString(readme));
            while (m.find()) if (Files.exists(SCREENS.resolve(m.group(3)))) rows.put(m.group(3), new String[]{m.group(1), m.group(2)});
        }
        rows.putAll(shots);
        StringBuilder md = new StringBuilder("""
                # What each role sees

                Made by `RoleWalkBrowserIT` (and the other browser tests): each role's first page, every entry of its menu and
                the detail pages it opens every day, on a 390 × 844 phone; the administrator's menu at 1440 px.

                | Role | Page | File |
                |------|------|------|
                """);
        rows.forEach((file, row) -> md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | [")
                .append(file).append("](").append(file).append(") |\n"));
        Files.writeString(readme, md);
    }

    @Test
    void aCommuneOfficersDay() throws Exception {
        walk("commune-officer", "xa-di-bo", Map.of(
                "person", "/persons/" + person,
                "case", "/cases/" + caseId,
                "case-contacts", "/cases/" + caseId + "/contacts",
                "follow-ups-commune", "/follow-ups?commune=" + COMMUNE,
                "person-tests", "/persons/" + person + "/tests",
                "commune", "/geography/communes/" + COMMUNE));
    }

    @Test
    void aCareWorkersDay() throws Exception {
        walk("care-team", "cham-soc-di-bo", Map.of(
                "reading", "/home-care/cases/" + caseId + "/reading",
                "case", "/cases/" + caseId,
                "person", "/persons/" + person,
                "placement", "/home-care/cases/" + caseId + "/placement",
                "support-of-case", "/home-care/cases/" + caseId + "/support"));
    }

    @Test
    void aCommunityTeamsDay() throws Exception {
        walk("community-team", "cong-dong-di-bo", Map.of(
                "person", "/persons/" + contact,
                "tier", "/persons/" + contact + "/tier",
                "follow-ups-commune", "/follow-ups?commune=" + COMMUNE));
    }

    @Test
    void aCheckpointOfficersDay() throws Exception {
        walk("checkpoint-officer", "chot-di-bo", Map.of(
                "facility", "/quarantine/facilities/" + facility,
                "stay", "/quarantine/stays/" + stay,
                "person-stays", "/persons/" + contact + "/stays"));
    }

    @Test
    void theProvincialCommitteesDay() throws Exception {
        walk("provincial-committee", "bcd-tinh-di-bo", Map.of(
                "case", "/cases/" + caseId,
                "person", "/persons/" + person,
                "facility", "/quarantine/facilities/" + facility));
    }

    /** At 1280 and 1440 px the administrator, who sees every entry, has the menu on one line and "Đăng xuất" on screen. */
    @Test
    void theAdministratorsMenuFitsOneLineOnADesktop() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int width : new int[]{1280, 1440}) {
            browser = Chromium.start(width, 900);
            wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            logIn("admin", TestApi.ADMIN_PASSWORD);
            // Every page at the narrower width; the first page at 1440 px.
            List<String> pages = new ArrayList<>(List.of("/"));
            if (width == 1280) pages.addAll(menuLinks().values());
            for (String path : pages) {
                open(path);
                Object line = js("""
                        var items = Array.from(document.querySelectorAll('#menu .navbar-nav > .nav-item'));
                        var tops = new Set(items.map(function (i) { return Math.round(i.getBoundingClientRect().top); }));
                        var out = document.querySelector('#logout button').getBoundingClientRect();
                        var bar = document.getElementById('menu').getBoundingClientRect();
                        var page = document.documentElement; // clientWidth: the window less its scroll bar
                        return [items.length, tops.size, out.right <= page.clientWidth && out.left >= 0 && out.bottom <= bar.bottom && out.width > 0,
                                Math.round(bar.height), page.scrollWidth <= page.clientWidth];""");
                List<?> m = (List<?>) line;
                if (((Number) m.get(0)).intValue() < 5) problems.add(width + " px " + path + ": the administrator sees only " + m.get(0) + " menu groups");
                if (((Number) m.get(1)).intValue() != 1) problems.add(width + " px " + path + ": the menu wraps onto " + m.get(1) + " lines");
                if (!Boolean.TRUE.equals(m.get(2))) problems.add(width + " px " + path + ": \"Đăng xuất\" is off screen");
                if (((Number) m.get(3)).intValue() > 80) problems.add(width + " px " + path + ": the menu is " + m.get(3) + " px high");
                if (!Boolean.TRUE.equals(m.get(4))) problems.add(width + " px " + path + ": the page scrolls sideways");
            }
            open("/");
            if (width == 1440) screenshot("admin-menu-1440.png", "administrator", "menu at 1440 px");
            browser.quit();
            browser = null;
        }
        assertThat(problems).isEmpty();
    }

    /** Logs in, then walks the first page, every menu entry and the given detail pages; fails listing every problem. */
    private void walk(String role, String username, Map<String, String> details) throws Exception {
        browser = Chromium.phone(PHONE_WIDTH, 844);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        logIn(username, PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("first-page", "/");
        pages.putAll(menuLinks());
        new TreeMap<>(details).forEach(pages::put);
        List<String> problems = new ArrayList<>();
        menuOpensToTapTargets(problems);
        for (var page : pages.entrySet()) {
            open(page.getValue());
            for (String p : problemsOfThePage()) problems.add(role + " " + page.getValue() + ": " + p);
            screenshot(role + "-" + page.getKey() + "-390.png", role, page.getKey() + " (" + page.getValue() + ")");
        }
        assertThat(pages).as("the role's menu has pages").hasSizeGreaterThan(details.size() + 2);
        assertThat(problems).isEmpty();
    }

    private void logIn(String username, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The menu's pages (name from the path), without files (exports) and the API's own page. */
    private Map<String, String> menuLinks() {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) js("return Array.from(document.querySelectorAll('#nav .dropdown-item'))"
                + ".map(function (a) { return a.getAttribute('href'); })");
        Map<String, String> links = new LinkedHashMap<>();
        for (String href : hrefs) {
            if (href.matches(".*\\.(xlsx|csv|pdf)(\\?.*)?$") || href.contains("swagger")) continue;
            String name = href.equals("/") ? "first-page" : href.replaceAll("^/", "").replaceAll("[^a-z0-9]+", "-");
            links.putIfAbsent(name, href);
        }
        return links;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    /** On the phone the menu opens from its button; its groups and the first group's entries are 44 px targets. */
    private void menuOpensToTapTargets(List<String> problems) {
        open("/");
        browser.findElement(By.cssSelector("#menu .navbar-toggler")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#nav .nav-link")));
        wait.until(d -> "false".equals(js("return String(document.getElementById('nav').classList.contains('collapsing'))")));
        browser.findElement(By.cssSelector("#nav .nav-link.dropdown-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#nav .dropdown-menu.show .dropdown-item")));
        for (String p : smallTargets()) problems.add("open menu: " + p);
    }

    /** What is wrong with the page in the browser now. */
    private List<String> problemsOfThePage() {
        List<String> problems = new ArrayList<>();
        // The page's own answer, as the browser received it (no second request).
        Object status = js("return performance.getEntriesByType('navigation')[0].responseStatus");
        if (((Number) status).intValue() >= 400) problems.add("answers " + status);
        String title = browser.getTitle();
        String text = String.valueOf(js("return document.body.innerText"));
        if (ERROR_TITLES.stream().anyMatch(title::startsWith) || text.contains("Whitelabel Error Page")) problems.add("an error page: " + title);
        // Against the screen's 390 px: a wider page widens an emulated phone's viewport (innerWidth) with it.
        Object tooWide = js("""
                var w = arguments[0];
                if (Math.max(document.documentElement.scrollWidth, window.innerWidth) <= w) return null;
                var worst = null, right = w;
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > w + 0.5 && (worst === null || r.right >= right)) { worst = e; right = r.right; }
                });
                var name = worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '')
                    + (worst.className && worst.className.baseVal === undefined ? '.' + worst.className.trim().split(/\\s+/).join('.') : '')
                    + ' "' + (worst.innerText || worst.value || '').trim().slice(0, 40) + '"' : '?';
                return 'wider than the screen: ' + document.documentElement.scrollWidth + ' px, widest ' + name + ' ends at ' + Math.round(right) + ' px';""", PHONE_WIDTH);
        if (tooWide != null) problems.add(String.valueOf(tooWide));
        for (String c : codesIn(text)) problems.add("shows the code " + c);
        Matcher key = UNTRANSLATED.matcher(text);
        while (key.find()) problems.add("shows an untranslated key " + key.group());
        problems.addAll(smallTargets());
        return problems;
    }

    /** The visible text's words in capitals that are code values: with an underscore, or a value of a known code set. */
    static Set<String> codesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = CAPITALS.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (ABBREVIATIONS.contains(word)) continue;
            if (word.contains("_") || CODES.contains(word)) found.add(word);
        }
        return found;
    }

    static final Set<String> CODES = codes();

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        Stream.of(CovidCase.STATUSES, CovidCase.SEVERITIES, CovidCase.CARE_SETTINGS, CovidCase.SOURCES, FollowUps.KINDS, FollowUps.OUTCOMES,
                        Contacts.SETTINGS, Contacts.PROXIMITIES, Clusters.KINDS, Policies.SUBJECTS, Facilities.KINDS, ResultFields.REASONS,
                        SupportRequests.KINDS, ReadingForm.SYMPTOMS,
                        List.of("RELEASED", "TURNED_CASE", "RAPID", "NEGATIVE", "POSITIVE", "INVALID", "RETEST", "PENDING", "TAKEN", "DONE", "CANCELLED",
                                "PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE", "FACILITY", "MOBILE_STATION", "HOME_CARE_TEAM", "ABROAD",
                                "ADMIN", "PROVINCIAL_COMMITTEE", "HEALTH_DEPARTMENT", "DISTRICT_OFFICER", "COMMUNE_OFFICER", "LOCAL_ADMIN",
                                "COMMUNITY_TEAM", "CARE_TEAM", "LAB_TECHNICIAN", "FACILITY_MANAGER", "CHECKPOINT_OFFICER", "ANALYST",
                                "CREATE", "VIEW", "LIST", "UPDATE", "READING", "OPEN", "ACKNOWLEDGED", "RESOLVED"))
                .flatMap(java.util.Collection::stream).forEach(codes::add);
        for (Enum<?>[] values : List.<Enum<?>[]>of(Sex.values(), Relation.values(), Decisions.Kind.values(), Right.values(),
                vn.phaodai.geography.VillageKind.values())) {
            Arrays.stream(values).map(Enum::name).forEach(codes::add);
        }
        return codes;
    }

    /** Buttons, form controls, menu links and folds (summary) under 44 px high (a link inside running text is left to its line). */
    @SuppressWarnings("unchecked")
    private List<String> smallTargets() {
        return (List<String>) js("""
                function shown(e) {
                  var r = e.getBoundingClientRect(), s = getComputedStyle(e);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > -10000;
                }
                var small = [];
                document.querySelectorAll('a, button, input, select, textarea, summary').forEach(function (e) {
                  if (e.type === 'hidden' || !shown(e)) return;
                  var target = e;
                  if (e.tagName === 'A') {
                    var styled = e.matches('.btn, .nav-link, .dropdown-item, .page-link, .navbar-brand, .list-group-item, #menu a');
                    if (!styled && getComputedStyle(e).display === 'inline') return; // a link in a sentence
                  }
                  if (e.type === 'checkbox' || e.type === 'radio') target = e.closest('label, .form-check') || e;
                  var h = target.getBoundingClientRect().height;
                  if (h < 43.5) small.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')
                      + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '" is ' + Math.round(h) + ' px high');
                });
                return small;""");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String file, String role, String page) throws IOException {
        Files.createDirectories(SCREENS);
        js("window.scrollTo({top: 0, behavior: 'instant'})");
        Files.write(SCREENS.resolve(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        shots.put(file, new String[]{role, page});
    }
}

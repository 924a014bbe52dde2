package vn.phaodai.home;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.security.Right;
import vn.phaodai.shared.NavigationArea;
import vn.phaodai.shared.NavigationEntry;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The menu grouped by area of work as two roles see it, and the shared pager of a list. */
@PhaodaiIT
class NavigationIT {

    static final String NAM_HA = "18073";
    static final String PASSWORD = "Mat-khau-kiem-thu-9";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Navigation navigation;
    TestApi api;

    @BeforeEach
    void registry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
    }

    @Test
    void aCommuneOfficerSeesItsGroupsAndTheAdministratorAlsoAdministration() throws Exception {
        String officer = "menu-officer-" + System.nanoTime();
        var created = api.post("/api/v1/users", Map.of("username", officer, "password", PASSWORD, "roles", List.of("COMMUNE_OFFICER"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(NAM_HA))));
        assertThat(created.status()).isEqualTo(201);

        String officersPage = WebSession.logIn(port, officer, PASSWORD).get("/").body();
        assertThat(areas(officersPage)).contains("REGISTRY", "TESTING", "CASES", "TRACING_AND_QUARANTINE", "HOME_CARE", "VACCINATION", "REPORTS")
                .doesNotContain("ADMINISTRATION");
        assertThat(officersPage).contains("href=\"/persons\"", "href=\"/cases\"", "Truy vết, cách ly", "Đăng xuất", "href=\"/vaccination/doses/new\"")
                .doesNotContain("href=\"/admin/users\"", "href=\"/admin/audit\"", "href=\"/geography/import\"", "href=\"/quarantine/policies\"");

        String adminsPage = WebSession.admin(port).get("/?lang=en").body();
        assertThat(areas(adminsPage)).contains("REGISTRY", "ADMINISTRATION");
        assertThat(adminsPage).contains("href=\"/admin/users\"", "href=\"/admin/audit\"", "Administration", "Log out")
                .doesNotContain("Quản trị");
        // "Log out" stands outside the collapsed part of the menu: one tap away on a phone.
        assertThat(adminsPage.indexOf("id=\"logout\"")).isLessThan(adminsPage.indexOf("id=\"nav\""));
    }

    @Test
    void aListShowsTheSharedPagerWithItsTotalAndKeepsItsSearch() throws Exception {
        CaseFixture people = new CaseFixture(api, jdbc);
        for (int i = 0; i < 23; i++) people.person(NAM_HA, null);

        String first = WebSession.admin(port).get("/persons?commune=" + NAM_HA).body();
        assertThat(first).contains("class=\"pager ", "Tổng số: 23 người", "Trang 1 / 2")
                .contains("href=\"/persons?commune=" + NAM_HA + "&amp;page=1\"");
        String second = WebSession.admin(port).get("/persons?commune=" + NAM_HA + "&page=1").body();
        assertThat(second).contains("Trang 2 / 2", "href=\"/persons?commune=" + NAM_HA + "&amp;page=0\"");
    }

    @Test
    void everyImportPageIsTheSharedFlowWithWhatItsImportOffers() throws Exception {
        WebSession admin = WebSession.admin(port);
        String persons = admin.get("/persons/import").body();
        assertThat(persons).contains("action=\"/persons/import\"", "name=\"allOrNothing\"", "href=\"/persons/import/template.xlsx\"");
        for (String base : List.of("/lab-results/import", "/contacts/import")) {
            String page = admin.get(base).body();
            assertThat(page).contains("action=\"" + base + "\"", "type=\"file\"").doesNotContain("allOrNothing", "template.xlsx");
        }
    }

    @Test
    void everyMenuTextIsInBothBundlesAndEveryRightExists() throws Exception {
        Properties vi = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        Set<String> rights = Arrays.stream(Right.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(navigation.all()).isNotEmpty();
        for (NavigationEntry e : navigation.all()) {
            assertThat(vi).as("vi " + e.labelKey()).containsKey(e.labelKey());
            assertThat(en).as("en " + e.labelKey()).containsKey(e.labelKey());
            assertThat(rights).as(e.path()).containsAll(e.anyOf());
        }
        for (NavigationArea a : NavigationArea.values()) {
            assertThat(vi).containsKey(a.labelKey());
            assertThat(en).containsKey(a.labelKey());
        }
        for (String key : List.of("nav.logout", "nav.menu", "common.previous", "common.next", "common.pageOf")) {
            assertThat(vi).containsKey(key);
            assertThat(en).containsKey(key);
        }
        // The pager's totals: the same keys on both sides.
        Set<String> viPager = vi.stringPropertyNames().stream().filter(k -> k.startsWith("pager.")).collect(Collectors.toSet());
        Set<String> enPager = en.stringPropertyNames().stream().filter(k -> k.startsWith("pager.")).collect(Collectors.toSet());
        assertThat(viPager).isNotEmpty().isEqualTo(enPager);
    }

    private static Set<String> areas(String page) {
        return Pattern.compile("data-area=\"(\\w+)\"").matcher(page).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = NavigationIT.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

package vn.phaodai.home;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ClockForTests;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first page by role: the day's figures of the user's area, each opening its filtered list. */
@PhaodaiIT
class HomePageIT {

    static final String NAM_HA = "18073";
    static final String PASSWORD = "Mat-khau-kiem-thu-9";
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationClock clock;
    TestApi api;
    ClockForTests at;
    String other;
    String province;

    @BeforeEach
    void twoCommunesWithCases() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        at = ClockForTests.at(clock, DAY);
        province = jdbc.sql("select province_code from commune_card where code = ?").param(NAM_HA).query(String.class).single();
        other = jdbc.sql("select code from commune_card where province_code = ? and code <> ? and active order by code limit 1")
                .params(province, NAM_HA).query(String.class).single();
        CaseFixture cases = new CaseFixture(api, jdbc);
        // Nam Hà: two new F0 today, one of them moved to a treatment facility.
        cases.freshCase(NAM_HA, null, DAY);
        long moved = cases.freshCase(NAM_HA, null, DAY);
        var r = api.post("/api/v1/cases/" + moved + "/transfers", Map.of("careSetting", "TREATMENT_FACILITY",
                "facility", "Cơ sở thu dung số 1", "severity", "MILD"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        // The other commune: one new today, one from yesterday, both at home.
        cases.freshCase(other, null, DAY);
        cases.freshCase(other, null, DAY.minusDays(1));
    }

    @AfterEach
    void clockBack() {
        at.close();
    }

    @Test
    void aCommuneOfficerSeesOnlyTheCommunesTasksOfTheDay() throws Exception {
        WebSession officer = user("COMMUNE_OFFICER", "COMMUNE", NAM_HA);
        String page = officer.get("/").body();
        assertThat(page).contains("Việc trong ngày của xã", "Số liệu ngày 10/03/2026").doesNotContain("id=\"home-registry\"");
        assertThat(text(page)).doesNotContain("HOME", "ACTIVE");
        assertThat(figure(page, "home.f0.newToday")).isEqualTo(new Shown("2", "/cases?commune=" + NAM_HA + "&from=2026-03-10&to=2026-03-10"));
        assertThat(figure(page, "case.careSetting.HOME")).isEqualTo(new Shown("1", "/cases?commune=" + NAM_HA + "&status=ACTIVE&careSetting=HOME"));
        assertThat(figure(page, "home.f0.withoutWorker")).isEqualTo(new Shown("1", "/care-teams?commune=" + NAM_HA));
        assertThat(figure(page, "home.alerts.open")).isEqualTo(new Shown("0", "/home-care?commune=" + NAM_HA));
        assertThat(figure(page, "home.tests.dueToday").href()).isEqualTo("/quarantine/tests-due?commune=" + NAM_HA);
        assertThat(figure(page, "home.support.open").href()).isEqualTo("/support-requests?commune=" + NAM_HA + "&status=ACTIVE");
        assertThat(figure(page, "home.persons.missingId")).isEqualTo(new Shown("0", "/persons/missing-national-id?commune=" + NAM_HA));

        // Each figure's link opens its list with the same number.
        assertThat(officer.get(figure(page, "home.f0.newToday").href()).body()).contains("Tổng số: 2 ca bệnh");
        assertThat(officer.get(figure(page, "case.careSetting.HOME").href()).body()).contains("Tổng số: 1 ca bệnh");
        for (String key : List.of("home.f0.withoutWorker", "home.alerts.open", "home.tests.dueToday", "home.support.open",
                "home.persons.missingId", "home.f1.followUp")) {
            assertThat(officer.get(figure(page, key).href()).statusCode()).as(key).isEqualTo(200);
        }
    }

    @Test
    void theCommitteeSeesTheProvincesFiguresByCareSettingAndTheAdministratorAlsoTheRegistry() throws Exception {
        WebSession committee = user("PROVINCIAL_COMMITTEE", "PROVINCE", province);
        String page = committee.get("/").body();
        assertThat(page).contains("Ca bệnh (F0) hôm nay", "Tại nhà", "Cơ sở thu dung, điều trị")
                .doesNotContain("id=\"home-registry\"", "Việc trong ngày");
        assertThat(text(page)).doesNotContain("TREATMENT_FACILITY", "HOME", "ICU ");
        assertThat(figure(page, "home.f0.newToday")).isEqualTo(new Shown("3", "/cases?from=2026-03-10&to=2026-03-10"));
        assertThat(figure(page, "home.f0.active")).isEqualTo(new Shown("4", "/cases?status=ACTIVE"));
        assertThat(figure(page, "case.careSetting.HOME")).isEqualTo(new Shown("3", "/cases?status=ACTIVE&careSetting=HOME"));
        assertThat(figure(page, "case.careSetting.TREATMENT_FACILITY"))
                .isEqualTo(new Shown("1", "/cases?status=ACTIVE&careSetting=TREATMENT_FACILITY"));
        assertThat(figure(page, "case.careSetting.ICU").value()).isEqualTo("0");
        assertThat(figure(page, "home.alerts.escalated").href()).isEqualTo("/home-care");
        assertThat(figure(page, "home.f1.followUp").href()).isEqualTo("/follow-ups");
        assertThat(figure(page, "home.beds.free").href()).isEqualTo("/quarantine/facilities");
        assertThat(committee.get(figure(page, "home.f0.newToday").href()).body()).contains("Tổng số: 3 ca bệnh");
        assertThat(committee.get(figure(page, "case.careSetting.HOME").href()).body()).contains("Tổng số: 3 ca bệnh");

        String english = committee.get("/?lang=en").body();
        assertThat(english).contains("New F0 today", "F0 under treatment", "Figures of 10/03/2026");

        String admin = WebSession.admin(port).get("/").body();
        assertThat(admin).contains("id=\"home-registry\"", "Nhân khẩu");
        assertThat(figure(admin, "home.f0.newToday").value()).isEqualTo("3");
    }

    @Test
    void aCareWorkerSeesTheF0TheyCareFor() throws Exception {
        String name = "home-care-" + System.nanoTime();
        WebSession worker = user(name, "CARE_TEAM", "COMMUNE", NAM_HA);
        var team = api.post("/api/v1/care-teams", Map.of("communeCode", NAM_HA, "kind", "HOME_CARE_TEAM", "name", "Tổ chăm sóc số 1"));
        assertThat(team.status()).as(team.text()).isEqualTo(201);
        var added = api.post("/api/v1/care-teams/" + team.body().get("id").asLong() + "/workers",
                Map.of("fullName", "Lê Thị Hoa", "username", name, "villageIds", List.of()));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        long atHome = jdbc.sql("select id from covid_case where commune_code = ? and care_setting = 'HOME'").param(NAM_HA)
                .query(Long.class).single();
        // Her arrival may have given it to her already (nobody followed it); to her in any case.
        jdbc.sql("""
                insert into care_assignment (case_id, worker_id, assigned_by) values (?, ?, 'test')
                on conflict (case_id) do update set worker_id = excluded.worker_id""")
                .params(atHome, added.body().get("id").asLong()).update();

        String page = worker.get("/").body();
        assertThat(page).contains("F0 tôi phụ trách").doesNotContain("Việc trong ngày", "id=\"home-registry\"");
        assertThat(figure(page, "home.mine.f0")).isEqualTo(new Shown("1", "/home-care?mine=true"));
        assertThat(figure(page, "home.mine.noReading")).isEqualTo(new Shown("1", "/home-care?mine=true"));
        assertThat(figure(page, "home.mine.alerts")).isEqualTo(new Shown("0", "/home-care?mine=true"));
        assertThat(worker.get("/home-care?mine=true").statusCode()).isEqualTo(200);
    }

    record Shown(String value, String href) {
    }

    /** The number and the link of one figure of the page (by its label key). */
    static Shown figure(String page, String key) {
        Matcher m = Pattern.compile("<a ([^>]*data-figure=\"" + Pattern.quote(key) + "\"[^>]*)>\\s*<div[^>]*>[^<]*</div>\\s*"
                + "<div[^>]*>([^<]*)</div>").matcher(page);
        assertThat(m.find()).as("figure " + key).isTrue();
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(m.group(1));
        assertThat(href.find()).isTrue();
        return new Shown(m.group(2).strip(), href.group(1).replace("&amp;", "&"));
    }

    /** What a reader sees: the page without its tags. */
    static String text(String page) {
        return page.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
    }

    private WebSession user(String role, String level, String code) throws Exception {
        return user("home-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime(), role, level, code);
    }

    private WebSession user(String name, String role, String level, String code) throws Exception {
        var created = api.post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role),
                "jurisdiction", Map.of("level", level, "codes", List.of(code))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return WebSession.logIn(port, name, PASSWORD);
    }
}

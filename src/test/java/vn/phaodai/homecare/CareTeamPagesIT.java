package vn.phaodai.homecare;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.phaodai.support.WebSession.encode;

/**
 * The care-teams page: teams, workers, the villages they serve by name and the F0 each follows; teams and workers added
 * from it, a case given to another worker; nothing of the commune for an officer of another.
 */
@PhaodaiIT
class CareTeamPagesIT {

    static final String COMMUNE = "18073";
    static final String OTHER_COMMUNE = "18070";
    static final String PAGE = "/care-teams?commune=" + COMMUNE;
    static final String PASSWORD = "Mat-khau-doi-cham-soc-9";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    CaseFixture cases;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
    }

    private long village(String name) {
        return api.post("/api/v1/geography/communes/" + COMMUNE + "/villages", Map.of("name", name)).body().get("id").asLong();
    }

    private long caseIn(Long village) {
        return cases.freshCase(COMMUNE, village, LocalDate.now().minusDays(1));
    }

    private String account(String level, String code, String role) {
        String name = "dcs-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        var r = api.post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role),
                "jurisdiction", Map.of("level", level, "codes", List.of(code))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    private long workerId(String fullName) {
        return jdbc.sql("select id from care_worker where full_name = ?").param(fullName).query(Long.class).single();
    }

    private static HttpResponse<String> post(WebSession web, String path, String form) throws Exception {
        var r = web.post(path, form + "&_csrf=" + web.csrf(PAGE));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith(PAGE);
        return r;
    }

    /** The F0 each worker on the page follows, by worker id. */
    private static Map<Long, Long> load(String page) {
        Map<Long, Long> load = new java.util.HashMap<>();
        Matcher m = Pattern.compile("data-worker=\"(\\d+)\" data-cases=\"(\\d+)\"").matcher(page);
        while (m.find()) load.put(Long.valueOf(m.group(1)), Long.valueOf(m.group(2)));
        return load;
    }

    private static String total(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    @Test
    void theOfficerBuildsTheTeamsAndSeesTheWorkloadAndMovesACase() throws Exception {
        long north = village("Thôn Bắc"), south = village("Thôn Nam");
        WebSession web = WebSession.admin(port);
        assertThat(web.get("/").body()).contains("href=\"/care-teams\"", "Đội chăm sóc F0");
        var empty = web.get(PAGE);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Phường Nam Hà", "Xã chưa có đội/trạm nào", "id=\"add-team\"");

        post(web, "/care-teams", "commune=" + COMMUNE + "&kind=MOBILE_STATION&name=+");
        assertThat(web.get(PAGE).body()).contains("Cần tên đội/trạm", "is-invalid");
        post(web, "/care-teams", "commune=" + COMMUNE + "&kind=MOBILE_STATION&name=" + encode("Trạm lưu động số 1"));
        assertThat(web.get(PAGE).body()).contains("Đã thêm đội/trạm.", "Trạm lưu động số 1", "Trạm y tế lưu động");
        post(web, "/care-teams", "commune=" + COMMUNE + "&kind=HOME_CARE_TEAM&name=" + encode("Trạm lưu động số 1"));
        assertThat(web.get(PAGE).body()).contains("Xã đã có đội/trạm tên Trạm lưu động số 1");
        long team = jdbc.sql("select id from care_team where name = 'Trạm lưu động số 1'").query(Long.class).single();
        // An F0 before the team has anyone: without a worker, listed as such.
        long early = caseIn(null);
        String before = web.get(PAGE).body();
        assertThat(total(before, "without-worker")).isEqualTo("1");
        assertThat(before).contains("id=\"unassigned\"", "href=\"/cases/" + early + "\"");

        String workers = "/care-teams/" + team + "/workers";
        post(web, workers, "commune=" + COMMUNE + "&fullName=&phone=0912345678&villageIds=" + north);
        String refused = web.get(PAGE).body();
        assertThat(refused).contains("Cần họ tên cán bộ y tế", "value=\"0912345678\"", "<details open");
        post(web, workers, "commune=" + COMMUNE + "&fullName=" + encode("Y sĩ Hoa") + "&phone=09123456789012");
        assertThat(web.get(PAGE).body()).contains("Số điện thoại không hợp lệ: 09123456789012");
        post(web, workers, "commune=" + COMMUNE + "&fullName=" + encode("Y sĩ Hoa") + "&phone=0912345678&villageIds=" + north);
        post(web, workers, "commune=" + COMMUNE + "&fullName=" + encode("Điều dưỡng Lan") + "&phone=&username=lan-nam-ha&villageIds="
                + south + "&villageIds=" + north);
        long hoa = workerId("Y sĩ Hoa"), lan = workerId("Điều dưỡng Lan");
        assertThat(jdbc.sql("select username is null and phone = '0912345678' from care_worker where id = ?").param(hoa)
                .query(Boolean.class).single()).isTrue();

        long c1 = caseIn(south);
        caseIn(south);
        long c3 = caseIn(north);
        // The first worker took the F0 nobody followed (the commune's, as it has no village); the new ones went by village.
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(early).query(Long.class).single())
                .isEqualTo(hoa);
        String page = web.get(PAGE).body();
        assertThat(load(page)).containsExactlyInAnyOrderEntriesOf(Map.of(lan, 2L, hoa, 2L));
        assertThat(total(page, "at-home")).isEqualTo("4");
        assertThat(total(page, "without-worker")).isEqualTo("0");
        assertThat(page).contains("tel:0912345678", "Phụ trách: Thôn Bắc", "Phụ trách: Thôn Bắc, Thôn Nam", "lan-nam-ha", "2 F0");
        assertThat(page).doesNotContain("id=\"unassigned\"");

        post(web, "/care-teams/reassign", "commune=" + COMMUNE + "&caseId=" + c1 + "&workerId=" + hoa);
        page = web.get(PAGE).body();
        assertThat(page).contains("Đã giao ca cho Y sĩ Hoa.");
        assertThat(load(page)).containsExactlyInAnyOrderEntriesOf(Map.of(lan, 1L, hoa, 3L));
        assertThat(page.indexOf("data-worker=\"" + hoa + "\"")).as("the busiest first").isLessThan(page.indexOf("data-worker=\"" + lan + "\""));
        post(web, "/care-teams/reassign", "commune=" + COMMUNE + "&caseId=" + early + "&workerId=" + lan);
        page = web.get(PAGE).body();
        assertThat(load(page)).containsExactlyInAnyOrderEntriesOf(Map.of(lan, 2L, hoa, 2L));
        assertThat(total(page, "without-worker")).isEqualTo("0");

        post(web, "/care-teams/reassign", "commune=" + COMMUNE + "&caseId=&workerId=" + hoa);
        assertThat(web.get(PAGE).body()).contains("Nhập mã ca bệnh");
        post(web, "/care-teams/reassign", "commune=" + COMMUNE + "&caseId=999999&workerId=" + hoa);
        assertThat(web.get(PAGE).body()).contains("Không có ca bệnh mã 999999", "value=\"999999\"");
        long elsewhere = api.post("/api/v1/care-teams", Map.of("communeCode", OTHER_COMMUNE, "kind", "HOME_CARE_TEAM", "name", "Tổ F0"))
                .body().get("id").asLong();
        long stranger = api.post("/api/v1/care-teams/" + elsewhere + "/workers", Map.of("fullName", "Người xã khác")).body().get("id").asLong();
        post(web, "/care-teams/reassign", "commune=" + COMMUNE + "&caseId=" + c3 + "&workerId=" + stranger);
        assertThat(web.get(PAGE).body()).contains("Cán bộ không thuộc đội/trạm của xã có ca bệnh").doesNotContain("Người xã khác");
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(c3).query(Long.class).single()).isEqualTo(hoa);

        // An F0 of the south left without a worker (as before this was mended); giving Hoa the south village gives it a worker.
        long left = caseIn(south);
        jdbc.sql("delete from care_assignment where case_id = ?").param(left).update();
        assertThat(total(web.get(PAGE).body(), "without-worker")).isEqualTo("1");
        assertThat(web.get(PAGE).body()).contains("Giao thêm thôn/tổ dân phố", "/care-teams/" + team + "/workers/" + hoa + "/villages");
        post(web, "/care-teams/" + team + "/workers/" + hoa + "/villages", "commune=" + COMMUNE + "&villageIds=" + south);
        page = web.get(PAGE).body();
        assertThat(page).contains("Đã giao thêm thôn/tổ");
        assertThat(jdbc.sql("select count(*) from care_worker_village where worker_id = ?").param(hoa).query(Long.class).single()).isEqualTo(2);
        assertThat(total(page, "without-worker")).isEqualTo("0");
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(left).query(Long.class).single())
                .isIn(hoa, lan);
    }

    @Test
    void anotherCommuneSeesNothingOfItAndAReaderHasNoForms() throws Exception {
        long north = village("Thôn Bắc");
        long team = api.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "HOME_CARE_TEAM", "name", "Tổ chăm sóc Nam Hà"))
                .body().get("id").asLong();
        long hoa = api.post("/api/v1/care-teams/" + team + "/workers", Map.of("fullName", "Y sĩ Hoa", "villageIds", List.of(north)))
                .body().get("id").asLong();
        long own = api.post("/api/v1/care-teams", Map.of("communeCode", OTHER_COMMUNE, "kind", "HOME_CARE_TEAM", "name", "Tổ Trần Phú"))
                .body().get("id").asLong();
        long neighbour = api.post("/api/v1/care-teams/" + own + "/workers", Map.of("fullName", "Y sĩ Trần Phú")).body().get("id").asLong();
        long f0 = caseIn(north);

        WebSession officer = WebSession.logIn(port, account("COMMUNE", OTHER_COMMUNE, "COMMUNE_OFFICER"), PASSWORD);
        assertThat(officer.get(PAGE).statusCode()).isEqualTo(404);
        var home = officer.get("/care-teams");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Phường Trần Phú", "Tổ Trần Phú", "Y sĩ Trần Phú")
                .doesNotContain("id=\"commune-picker\"", "Nam Hà", "Y sĩ Hoa");
        String csrf = officer.csrf("/care-teams");
        assertThat(officer.post("/care-teams/" + team + "/workers", "commune=" + COMMUNE + "&fullName=X&_csrf=" + csrf).statusCode())
                .isEqualTo(404);
        assertThat(officer.post("/care-teams", "commune=" + COMMUNE + "&kind=HOME_CARE_TEAM&name=X&_csrf=" + csrf).statusCode()).isEqualTo(403);
        var moved = officer.post("/care-teams/reassign", "commune=" + OTHER_COMMUNE + "&caseId=" + f0 + "&workerId=" + neighbour + "&_csrf=" + csrf);
        assertThat(moved.statusCode()).isEqualTo(302);
        String back = "/care-teams?commune=" + OTHER_COMMUNE;
        assertThat(moved.headers().firstValue("Location").orElse("")).endsWith(back);
        assertThat(officer.get(back).body()).contains("Không có ca bệnh mã " + f0);
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(f0).query(Long.class).single()).isEqualTo(hoa);
        assertThat(jdbc.sql("select count(*) from care_team where name = 'X'").query(Long.class).single()).isZero();

        WebSession reader = WebSession.logIn(port, account("PROVINCE", "42", "PROVINCIAL_COMMITTEE"), PASSWORD);
        var read = reader.get(PAGE);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("id=\"commune-picker\"", "Tổ chăm sóc Nam Hà", "Y sĩ Hoa", "1 F0")
                .doesNotContain("add-worker", "id=\"reassign\"", "id=\"add-team\"");
        assertThat(reader.post("/care-teams", "commune=" + COMMUNE + "&kind=HOME_CARE_TEAM&name=X&_csrf=" + reader.csrf(PAGE)).statusCode())
                .isEqualTo(403);
        assertThat(reader.post("/care-teams/reassign", "caseId=" + f0 + "&workerId=" + hoa + "&_csrf=" + reader.csrf(PAGE)).statusCode())
                .isEqualTo(403);
    }
}

package vn.phaodai.quarantine;

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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The quarantine pages as an officer and the provincial administrator use them. */
@PhaodaiIT
class QuarantinePagesIT {

    static final String NAM_HA = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    WebSession web;
    CaseFixture people;

    @BeforeEach
    void logIn() throws Exception {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("delete from quarantine_facility").update();
        people = new CaseFixture(api, jdbc);
        people.noDecisions();
        web = WebSession.admin(port);
    }

    @Test
    void anOfficerAdmitsFollowsAndReleasesAStay() throws Exception {
        long facility = api.post("/api/v1/quarantine/facilities", Map.of("name", "Khu cách ly Ký túc xá Đại học Hà Tĩnh",
                "kind", "CONCENTRATED", "communeCode", NAM_HA, "capacity", 120, "rooms", 40)).body().get("id").asLong();
        long person = people.person(NAM_HA, null);

        var list = web.get("/quarantine/facilities");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Giường trống theo huyện", "Thành phố Hà Tĩnh", "Khu cách ly Ký túc xá Đại học Hà Tĩnh", "120");

        String page = "/quarantine/facilities/" + facility;
        var full = web.post(page + "/stays", "personId=" + person + "&start=2026-01-01&subject=F1&_csrf=" + web.csrf(page));
        assertThat(full.statusCode()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("1909/BYT-DP");
        var admitted = web.post(page + "/stays", "personId=" + person + "&start=2021-07-20&subject=F1&_csrf=" + web.csrf(page));
        assertThat(admitted.statusCode()).isEqualTo(302);
        String stay = admitted.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/quarantine/stays/\\d+)$", "$1");
        var stayPage = web.get(stay);
        assertThat(stayPage.statusCode()).isEqualTo(200);
        assertThat(stayPage.body()).contains("Đang cách ly", "20/07/2021 – 02/08/2021", "16/08/2021", "5599/BYT-MT", "Tiếp nhận");
        assertThat(web.get(page).body()).contains("Trần Văn", "02/08/2021");

        assertThat(web.get("/quarantine/tests-due?date=2021-07-26").body()).contains("Trần Văn", "Khu cách ly Ký túc xá");
        assertThat(web.get("/quarantine/tests-due?date=2021-07-28").body()).contains("Đã bỏ lỡ ngày xét nghiệm", "26/07/2021");

        web.post(stay + "/release", "on=2021-08-03&_csrf=" + web.csrf(stay));
        assertThat(web.get(stay).body()).contains("Đã kết thúc cách ly", "decision.pdf");
        assertThat(web.bytes(stay + "/decision.pdf").statusCode()).isEqualTo(404); // a link takes no number
        var issued = web.post(stay + "/decision.pdf", "_csrf=" + web.csrf(stay));
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.body()).startsWith("%PDF");
        var pdf = web.bytes(stay + "/decision.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(web.get("/persons/" + person + "/stays").body()).contains("20/07/2021", "Đã kết thúc cách ly");
        assertThat(web.get("/persons/" + person).body()).contains("/persons/" + person + "/stays");
    }

    @Test
    void aCareTeamReadsButChangesNothing() throws Exception {
        jdbc.sql("delete from app_user where username = 'q-care'").update();
        var created = api.post("/api/v1/users", Map.of("username", "q-care", "password", "Mat-khau-rat-dai-42",
                "roles", java.util.List.of("CARE_TEAM"), "jurisdiction", Map.of("level", "COMMUNE", "codes", java.util.List.of(NAM_HA))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        WebSession care = WebSession.logIn(port, "q-care", "Mat-khau-rat-dai-42");
        var policies = care.get("/quarantine/policies");
        assertThat(policies.statusCode()).isEqualTo(200);
        assertThat(policies.body()).contains("5599/BYT-MT").doesNotContain("new-policy");
        assertThat(care.get("/quarantine/facilities").body()).contains("Giường trống theo huyện").doesNotContain("Thêm cơ sở");
        assertThat(care.get("/quarantine/tests-due").statusCode()).isEqualTo(200);
        assertThat(care.get("/quarantine/arrivals").body()).doesNotContain("id=\"arrive\"");
        assertThat(care.get("/").body()).contains("/quarantine/facilities", "/quarantine/tests-due").doesNotContain("/quarantine/policies");
        var refused = care.post("/quarantine/policies", "subject=F1&vaccination=ANY&validFrom=2035-01-01&place=HOME&quarantineDays=5"
                + "&document=x&_csrf=" + care.csrf("/quarantine/policies"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void arrivalsAndThePolicyTable() throws Exception {
        long facility = api.post("/api/v1/quarantine/facilities", Map.of("name", "Khách sạn Bình Minh", "kind", "HOTEL",
                "communeCode", NAM_HA, "capacity", 10)).body().get("id").asLong();
        long person = people.person(NAM_HA, null);
        var arrived = web.post("/quarantine/arrivals", "personId=" + person + "&originKind=ABROAD&origin=" + WebSession.encode("Nhật Bản")
                + "&arrivedOn=2021-06-10&checkpoint=" + WebSession.encode("Sân bay Vinh") + "&facilityId=" + facility
                + "&_csrf=" + web.csrf("/quarantine/arrivals"));
        assertThat(arrived.statusCode()).isEqualTo(302);
        assertThat(arrived.headers().firstValue("Location").orElseThrow()).contains("/quarantine/stays/");
        assertThat(web.get("/quarantine/arrivals").body()).contains("Nhật Bản", "10/06/2021", "Sân bay Vinh", "Khách sạn Bình Minh");

        var policies = web.get("/quarantine/policies");
        assertThat(policies.statusCode()).isEqualTo(200);
        assertThat(policies.body()).contains("Quy định cách ly", "5599/BYT-MT (14/7/2021)", "10696/BYT-MT", "1909/BYT-DP", "new-policy");
        // An editor's rows have one cell a header, so every header stands over its own column.
        String table = policies.body().substring(policies.body().indexOf("id=\"policies\""));
        table = table.substring(0, table.indexOf("</table>"));
        int headers = count(table.substring(0, table.indexOf("</thead>")), "<th");
        String[] rows = table.substring(table.indexOf("<tbody>")).split("<tr");
        assertThat(rows.length).isGreaterThan(3);
        for (int i = 1; i < rows.length; i++) assertThat(count(rows[i], "<td")).as(rows[i]).isEqualTo(headers);
        long maxPolicy = jdbc.sql("select max(id) from quarantine_policy").query(Long.class).single();
        try {
            var bad = web.post("/quarantine/policies", "subject=F1&vaccination=ANY&validFrom=2035-01-01&place=NONE&quarantineDays=5"
                    + "&testDays=1&document=x&_csrf=" + web.csrf("/quarantine/policies"));
            assertThat(bad.statusCode()).isEqualTo(302);
            assertThat(web.get("/quarantine/policies").body()).contains("Không cách ly (NONE)");
            var created = web.post("/quarantine/policies", "subject=ARRIVAL_ABROAD&vaccination=VACCINATED&validFrom=2035-01-01"
                    + "&validTo=2035-01-31&place=HOME&quarantineDays=3&testDays=1,3&document=" + WebSession.encode("12/SYT-NV thử")
                    + "&_csrf=" + web.csrf("/quarantine/policies"));
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(web.get("/quarantine/policies").body()).contains("12/SYT-NV thử");
        } finally {
            jdbc.sql("delete from quarantine_policy where id > ?").param(maxPolicy).update();
        }
    }

    private static int count(String text, String tag) {
        return text.split(java.util.regex.Pattern.quote(tag) + "[ >]", -1).length - 1;
    }
}

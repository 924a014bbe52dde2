package vn.phaodai.tracing;

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

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracing pages as an officer uses them: quick entry of contacts on a case, tiers, chains, clusters, follow-up. */
@PhaodaiIT
class TracingPagesIT {

    static final String COMMUNE = "18073";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    WebSession web;

    @BeforeEach
    void logIn() throws Exception {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        web = WebSession.admin(port);
    }

    /** The texts the tracing's Java code builds (i18n/tracing) come in the user's language: Vietnamese first, English on request. */
    @Test
    void theTextsTheCodeBuildsFollowTheUsersLanguage() throws Exception {
        long caseId = new CaseFixture(api, jdbc).freshCase(COMMUNE, null, TODAY.minusDays(2));
        String page = "/cases/" + caseId + "/contacts";
        WebSession english = WebSession.admin(port);
        assertThat(english.get(page + "?lang=en").statusCode()).isEqualTo(200);
        var bad = english.post(page, "exposureDate=" + TODAY.minusDays(1) + "&setting=HOUSEHOLD&proximity=PHYSICAL&lines="
                + WebSession.encode("không hợp lệ") + "&_csrf=" + english.csrf(page));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(english.get(page).body()).contains("needed: full name; year of birth").doesNotContain("cần: họ tên");

        var vietnamese = api.get("/api/v1/cases/" + caseId + "/contacts?tier=F3");
        assertThat(vietnamese.status()).isEqualTo(400);
        assertThat(vietnamese.text()).contains("Nhóm không hợp lệ: F3 (F1 hoặc F2)");
        var inEnglish = api.get("/api/v1/cases/" + caseId + "/contacts?tier=F3&lang=en");
        assertThat(inEnglish.status()).isEqualTo(400);
        assertThat(inEnglish.text()).contains("Not a valid tier: F3 (F1 or F2)");
    }

    @Test
    void anOfficerEntersContactsOnACaseAndFollowsThem() throws Exception {
        CaseFixture cases = new CaseFixture(api, jdbc);
        long known = cases.person(COMMUNE, null);
        long caseId = cases.freshCase(COMMUNE, null, TODAY.minusDays(2));
        String page = "/cases/" + caseId + "/contacts";
        var form = web.get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Nhập nhanh người tiếp xúc", "Trong vòng 2 m");
        assertThat(web.get("/cases/" + caseId).body()).contains("Người tiếp xúc (F1, F2)", "Chuỗi lây nhiễm");

        String lines = known + "\nPhạm Văn Bình; 1980; Nam; 0912000111; ; ; 042080000999\nkhông hợp lệ";
        var bad = web.post(page, "exposureDate=" + TODAY.minusDays(1) + "&setting=HOUSEHOLD&proximity=PHYSICAL&lines="
                + WebSession.encode(lines) + "&_csrf=" + web.csrf(page));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("cần: họ tên");
        var ok = web.post(page, "exposureDate=" + TODAY.minusDays(1) + "&setting=HOUSEHOLD&proximity=PHYSICAL&masked=true&durationMinutes=30&lines="
                + WebSession.encode(known + "\nPhạm Văn Bình; 1980; Nam; 0912000111; ; ; 042080000999") + "&_csrf=" + web.csrf(page));
        assertThat(ok.statusCode()).isEqualTo(302);
        var list = web.get(page).body();
        assertThat(list).contains("Đã thêm người mới", "Phạm Văn Bình", "F1");
        assertThat(jdbc.sql("select count(*) from person_tier where root_case_id = ? and tier = 1").param(caseId).query(Long.class).single())
                .isEqualTo(2);

        assertThat(web.get("/persons/" + known + "/tier").body()).contains("F1", "1909/BYT-DP");
        var chain = web.get("/cases/" + caseId + "/chain");
        assertThat(chain.statusCode()).isEqualTo(200);
        assertThat(chain.body()).contains("chain-graph", "cytoscape", "data-chain");
        assertThat(web.get("/chains?minCases=1").body()).contains("Chuỗi lây nhiễm", "Ca đầu tiên");

        var due = web.get("/follow-ups?commune=" + COMMUNE);
        assertThat(due.body()).contains("Phạm Văn Bình", "F1 cần gọi điện");
        var called = web.post("/follow-ups", "personId=" + known + "&date=" + TODAY + "&kind=VISIT&outcome=WELL&commune=" + COMMUNE
                + "&_csrf=" + web.csrf("/follow-ups?commune=" + COMMUNE));
        assertThat(called.statusCode()).isEqualTo(302);
        assertThat(web.get("/follow-ups?commune=" + COMMUNE).body()).contains("Đến nhà · Bình thường");

        var opened = web.post("/clusters", "name=" + WebSession.encode("Xóm Chợ") + "&kind=HAMLET&communeCode=" + COMMUNE + "&_csrf="
                + web.csrf("/clusters"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String cluster = opened.headers().firstValue("Location").orElseThrow();
        cluster = cluster.substring(cluster.indexOf("/clusters/"));
        web.post(cluster + "/cases", "caseId=" + caseId + "&_csrf=" + web.csrf(cluster));
        assertThat(web.get(cluster).body()).contains("Xóm Chợ", "Đang hoạt động", String.valueOf(caseId));
        web.post(cluster + "/close", "_csrf=" + web.csrf(cluster));
        assertThat(web.get(cluster).body()).contains("có thể đóng từ ngày");
        assertThat(web.get("/clusters").body()).contains("Xóm Chợ", "Mở ổ dịch");
    }
}

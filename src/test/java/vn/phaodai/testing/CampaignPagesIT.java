package vn.phaodai.testing;

import vn.phaodai.testing.screening.FactoryTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign and factory pages render, in Vietnamese, for a logged-in officer; the form reports bad fields. */
@PhaodaiIT
class CampaignPagesIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestingFixture fx;
    WebSession web;

    @BeforeEach
    void logIn() throws Exception {
        TestApi admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        fx = new TestingFixture(admin, jdbc, port);
        web = WebSession.admin(port);
    }

    @Test
    void createACampaignAndFollowItsCoverage() throws Exception {
        long village = fx.village(COMMUNE, "Tổ dân phố Trang");
        long household = fx.household(COMMUNE, village, "Số 5 ngõ 1");
        fx.person("Nguyễn Văn An", COMMUNE, village, household, null);
        long sampled = fx.person("Nguyễn Thị Bé", COMMUNE, village, household, null);

        assertThat(get("/campaigns").statusCode()).isEqualTo(200);
        var form = get("/campaigns/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Tạo đợt xét nghiệm");

        String token = csrf("/campaigns/new");
        var bad = post("/campaigns/new", "name=&startsOn=2021-10-05&endsOn=2021-10-01&testType=RAPID&_csrf=" + token);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Tên đợt xét nghiệm là bắt buộc", "Ngày kết thúc không được trước ngày bắt đầu", "is-invalid");

        LocalDate today = LocalDate.now(FactoryTesting.ZONE);
        var ok = post("/campaigns/new", "name=" + URLEncoder.encode("Sàng lọc Trang", StandardCharsets.UTF_8) + "&communeCodes=" + COMMUNE
                + "&villageIds=&villageIds=" + village + "&startsOn=" + today + "&endsOn=" + today + "&testType=PCR&poolSize=5&_csrf="
                + csrf("/campaigns/new"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        String location = ok.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        fx.sample(sampled, today, id);

        var page = get("/campaigns/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sàng lọc Trang", "Tổ dân phố Trang", "progress-bar", "50.0%", "Nguyễn Văn An")
                .doesNotContain("Nguyễn Thị Bé</a>");
        assertThat(get("/campaigns").body()).contains("Sàng lọc Trang");
        assertThat(get("/campaigns/" + id + "/unsampled.xlsx").statusCode()).isEqualTo(200);
    }

    /** The form's refusals come from the testing bundle, in the language the reader chose (a cookie remembers it). */
    @Test
    void theFormSpeaksTheReadersLanguage() throws Exception {
        String bad = "name=&startsOn=2021-10-05&endsOn=2021-10-01&testType=RAPID&poolSize=30&_csrf=";
        WebSession english = WebSession.admin(port);
        var en = english.post("/campaigns/new", bad + english.csrf("/campaigns/new?lang=en"));
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("The campaign name is required", "The end date cannot be before the start date",
                "The pool size is from 2 to 20").doesNotContain("Tên đợt xét nghiệm là bắt buộc");

        var vi = post("/campaigns/new", bad + csrf("/campaigns/new"));
        assertThat(vi.body()).contains("Tên đợt xét nghiệm là bắt buộc", "Ngày kết thúc không được trước ngày bắt đầu",
                "Số mẫu gộp từ 2 đến 20").doesNotContain("The campaign name is required");
    }

    @Test
    void theFactoryPageListsEnterprises() throws Exception {
        long firm = fx.enterprise("Công ty May Hồng Lĩnh", COMMUNE);
        fx.person("Nguyễn Văn Công", COMMUNE, null, null, firm);
        var page = get("/enterprises/testing?commune=" + COMMUNE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Công ty May Hồng Lĩnh", "8228/BYT-MT");
        assertThat(get("/enterprises/testing?behindOnly=true").body()).contains("Công ty May Hồng Lĩnh");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return web.get(path);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return web.post(path, form);
    }

    private String csrf(String page) throws Exception {
        return web.csrf(page);
    }
}

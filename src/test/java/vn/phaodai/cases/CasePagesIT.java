package vn.phaodai.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The case, test and laboratory pages as an officer uses them: forms that validate, lists, the import's progress. */
@PhaodaiIT
class CasePagesIT {

    static final String COMMUNE = "18073";

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
        web = WebSession.admin(port);
    }

    @Test
    void anOfficerEntersACaseByHandFollowsItAndClosesIt() throws Exception {
        long person = new Registry(api).person(COMMUNE, null);
        // Without a case the person's page offers only to enter one.
        String before = web.get("/persons/" + person).body();
        assertThat(before).contains("/cases/new?person=" + person).doesNotContain("Xem ca bệnh", "person-case");
        var form = web.get("/cases/new?person=" + person);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Nhập ca bệnh", "Bằng chứng");
        var bad = web.post("/cases/new", "personId=" + person + "&confirmedOn=&evidence=&_csrf=" + web.csrf("/cases/new"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("is-invalid", "Thiếu ngày", "Ghi bằng chứng");
        var ok = web.post("/cases/new", "personId=" + person + "&confirmedOn=2021-09-05&evidence=" + WebSession.encode("PCR Bệnh viện tỉnh")
                + "&source=COMMUNITY&severity=MILD&careSetting=HOME&_csrf=" + web.csrf("/cases/new"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        String location = ok.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        var page = web.get("/cases/" + id);
        assertThat(page.body()).contains("Đang điều trị", "Nhập tay (có bằng chứng)", "Diễn biến", "PCR Bệnh viện tỉnh");
        // The person's page links to the open case, in words, and no longer offers a second one.
        String withCase = web.get("/persons/" + person).body();
        assertThat(withCase).contains("href=\"/cases/" + id + "\"", "Xem ca bệnh (xác định 05/09/2021, Đang điều trị)")
                .doesNotContain("/cases/new?person=");
        var moved = web.post("/cases/" + id + "/transfer", "careSetting=HOSPITAL&severity=SEVERE&facility="
                + WebSession.encode("Bệnh viện Đa khoa tỉnh") + "&at=2021-09-07T10:00&note=&_csrf=" + web.csrf("/cases/" + id));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(web.get("/cases/" + id).body()).contains("Bệnh viện Đa khoa tỉnh", "Nặng");
        var details = web.post("/cases/" + id + "/details", "version=1&source=IMPORTED_ABROAD&symptomatic=true&onsetDate=31/13/2021&_csrf="
                + web.csrf("/cases/" + id));
        assertThat(details.statusCode()).isEqualTo(302);
        assertThat(web.get("/cases/" + id).body()).contains("Ngày không hợp lệ: 31/13/2021");
        web.post("/cases/" + id + "/details", "version=1&source=IMPORTED_ABROAD&symptomatic=true&_csrf=" + web.csrf("/cases/" + id));
        assertThat(web.get("/cases/" + id).body()).contains("Nhập cảnh");
        // The vaccination shown is the registry's on the confirmation day, in words.
        assertThat(web.get("/cases/" + id).body()).contains("Tiêm chủng khi xác định", "Chưa tiêm");
        var early = web.post("/cases/" + id + "/outcome", "outcome=RECOVERED&on=2021-09-01&_csrf=" + web.csrf("/cases/" + id));
        assertThat(early.statusCode()).isEqualTo(302);
        assertThat(web.get("/cases/" + id).body()).contains("Trước ngày xác định ca bệnh");
        web.post("/cases/" + id + "/outcome", "outcome=RECOVERED&on=2021-09-20&_csrf=" + web.csrf("/cases/" + id));
        assertThat(web.get("/cases/" + id).body()).contains("Khỏi bệnh");
        // Closed: the link stays, with its state, and a new case may be entered again.
        assertThat(web.get("/persons/" + person).body()).contains("Xem ca bệnh (xác định 05/09/2021, Khỏi bệnh)", "/cases/new?person=" + person);

        // A link only shows what was issued; issuing is the page's form (a POST with its CSRF token).
        assertThat(web.bytes("/cases/" + id + "/decisions/isolation.pdf").statusCode()).isEqualTo(404);
        assertThat(web.get("/cases/" + id).body()).contains("method=\"post\"", "/cases/" + id + "/decisions/isolation.pdf");
        var issued = web.post("/cases/" + id + "/decisions/isolation.pdf", "_csrf=" + web.csrf("/cases/" + id));
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.body()).startsWith("%PDF");
        var pdf = web.bytes("/cases/" + id + "/decisions/isolation.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(web.post("/cases/decisions/isolation.pdf", "commune=" + COMMUNE + "&date=2021-09-05&_csrf=" + web.csrf("/cases"))
                .statusCode()).isEqualTo(200);

        var list = web.get("/cases?commune=" + COMMUNE);
        assertThat(list.body()).contains("Danh sách ca bệnh", "Nguyễn Thị");
        assertThat(web.bytes("/cases/export.xlsx?commune=" + COMMUNE).statusCode()).isEqualTo(200);
    }

    /** The texts the cases' Java code builds (i18n/cases) come in the user's language: Vietnamese first, English on request. */
    @Test
    void theTextsTheCodeBuildsFollowTheUsersLanguage() throws Exception {
        long person = new Registry(api).person(COMMUNE, null);
        WebSession english = WebSession.admin(port);
        assertThat(english.get("/cases/new?lang=en").statusCode()).isEqualTo(200);
        var bad = english.post("/cases/new", "personId=" + person + "&confirmedOn=&evidence=&_csrf=" + english.csrf("/cases/new"));
        assertThat(bad.body()).contains("The date is missing", "Write down the evidence for the case").doesNotContain("Thiếu ngày");

        long id = api.post("/api/v1/cases", Map.of("personId", person, "confirmedOn", "2021-09-05", "evidence", "PCR"))
                .body().get("id").asLong();
        assertThat(web.get("/cases/" + id).body()).contains("Xác định ca bệnh (Nhập tay (có bằng chứng))");
        assertThat(english.get("/cases/" + id).body()).contains("Case confirmed (Entered by hand (with evidence))");

        var vietnamese = api.get("/api/v1/case-counts?from=2021-09-10&to=2021-09-01");
        assertThat(vietnamese.status()).isEqualTo(400);
        assertThat(vietnamese.text()).contains("Đến ngày trước từ ngày");
        var inEnglish = api.get("/api/v1/case-counts?from=2021-09-10&to=2021-09-01&lang=en");
        assertThat(inEnglish.status()).isEqualTo(400);
        assertThat(inEnglish.text()).contains("The to date is before the from date");
    }

    @Test
    void aPersonsTestsAndTheRetestListShowPooledResults() throws Exception {
        Registry registry = new Registry(api);
        long a = registry.person(COMMUNE, null), b = registry.person(COMMUNE, null);
        api.post("/api/v1/pools", Map.of("poolCode", "WP-1", "sampledAt", "2021-09-20 08:00", "members",
                java.util.List.of(Map.of("sampleCode", "WP-1-a", "personId", a), Map.of("sampleCode", "WP-1-b", "personId", b))));
        api.post("/api/v1/lab-results", Map.of("sampleCode", "WP-1", "result", "POSITIVE"));
        assertThat(web.get("/persons/" + a + "/tests").body()).contains("WP-1-a", "cần xét nghiệm lại mẫu đơn");
        assertThat(web.get("/retests?commune=" + COMMUNE).body()).contains("WP-1", "Tổng số: 2");
        var registered = web.post("/persons/" + a + "/tests", "sampleCode=S-77&testType=RAPID&reason=RETEST&sampledAt=2021-09-21T09:00&_csrf="
                + web.csrf("/persons/" + a + "/tests"));
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(web.get("/persons/" + a + "/tests").body()).contains("S-77", "Chờ kết quả");
    }

    @Test
    void aLaboratoryFileIsImportedWithAProgressPage() throws Exception {
        long p = new Registry(api).person(COMMUNE, null);
        Path file = Files.createTempFile("kq", ".csv");
        Files.writeString(file, "Mã mẫu,Mã người,Loại xét nghiệm,Thời gian lấy mẫu,Kết quả\nF-1," + p + ",PCR,20/09/2021 08:00,Dương tính\n");
        var r = api.upload("/api/v1/lab-results/import", file);
        String job = r.body().get("jobId").asString();
        for (int i = 0; i < 100 && !api.get("/api/v1/jobs/" + job).body().get("status").asString().equals("DONE"); i++) Thread.sleep(100);
        assertThat(web.get("/lab-results/import").body()).contains("Nhập kết quả xét nghiệm", "Mã mẫu");
        // The same import page serves the contact files.
        var contacts = web.get("/contacts/import");
        assertThat(contacts.statusCode()).isEqualTo(200);
        assertThat(contacts.body()).contains("action=\"/contacts/import\"", "Nhập danh sách tiếp xúc");
        var progress = web.get("/lab-results/import/" + job);
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("Kết quả mới", "Ca bệnh mới");
    }
}

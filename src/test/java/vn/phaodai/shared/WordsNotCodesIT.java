package vn.phaodai.shared;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages the issue found showing codes, with data that holds those codes: each shows the words (Vietnamese
 * first, English with ?lang=en) and never the code, an untranslated key (??…??), a field path or a file path.
 */
@PhaodaiIT
class WordsNotCodesIT {

    static final String NAM_HA = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    WebSession web;
    CaseFixture fixture;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("delete from quarantine_facility").update();
        fixture = new CaseFixture(api, jdbc);
        fixture.noDecisions();
        web = WebSession.admin(port);
    }

    /** A man of Nam Hà with a cerebrovascular disease and a mobile phone, confirmed by an RT-PCR of Ct 19, at home. */
    private long[] caseAtHome() {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Phạm Văn Lời");
        p.put("sex", "MALE");
        p.put("dateOfBirth", "03/04/1961");
        p.put("nationalId", "042061" + String.format("%06d", System.nanoTime() % 1_000_000));
        p.put("communeCode", NAM_HA);
        p.put("phone", "0369100355");
        p.put("address", "Số 12 ngõ 4, Phường Nam Hà");
        p.put("comorbidities", List.of("CEREBROVASCULAR"));
        long person = fixture.person(p);
        var r = api.post("/api/v1/lab-results", Map.of("sampleCode", "WN-" + System.nanoTime(), "personId", person,
                "testType", "PCR", "sampledAt", "2021-10-12T08:00:00+07:00", "result", "POSITIVE", "ct", 19.0));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        long caseId = api.get("/api/v1/persons/" + person + "/cases").body().get(0).get("id").asLong();
        return new long[]{person, caseId};
    }

    @Test
    void theCaseAndItsTestsInWords() throws Exception {
        long[] c = caseAtHome();
        String casePage = "/cases/" + c[1];
        assertThat(web.post(casePage + "/decisions/isolation.pdf", "_csrf=" + web.csrf(casePage)).statusCode()).isEqualTo(200);

        String page = visible(web.get(casePage).body());
        assertThat(page).contains("Bệnh mạch máu não", "Dương tính", "Ct 19,0", "0369 100 355", "Quyết định cách ly")
                .doesNotContain("CEREBROVASCULAR", "POSITIVE", "19.0", "+84369100355", "ISOLATION", "ASYMPTOMATIC", "HOME", "??");
        // the address, then the place without the commune the address already names
        assertThat(page).contains("Số 12 ngõ 4, Phường Nam Hà, ").doesNotContain("Phường Nam Hà · Phường Nam Hà");
        assertThat(visible(web.get(casePage + "?lang=en").body())).contains("Cerebrovascular disease", "Positive")
                .doesNotContain("CEREBROVASCULAR", "POSITIVE", "??");
        web.get("/?lang=vi");

        String tests = visible(web.get("/persons/" + c[0] + "/tests").body());
        assertThat(tests).contains("Dương tính", "19,0").doesNotContain("POSITIVE", "19.0", "??");
        assertThat(visible(web.get("/home-care").body())).contains("Phạm Văn Lời").doesNotContain("HOME", "ASYMPTOMATIC", "TREATMENT", "??");
    }

    @Test
    void onePhoneFormatOnEveryPage() throws Exception {
        long[] c = caseAtHome();
        assertThat(web.get("/persons/" + c[0]).body()).contains("0369 100 355", "Bệnh mạch máu não")
                .doesNotContain("+84369100355", "CEREBROVASCULAR");
        assertThat(web.get("/cases/" + c[1]).body()).contains("0369 100 355").doesNotContain("+84369100355");
        assertThat(Display.phone("+84369100355")).isEqualTo("0369 100 355");
        assertThat(Display.phone("0239 3855 555")).isEqualTo("0239 385 5555");
        assertThat(Display.decimal(new java.math.BigDecimal("38.5"), 1)).isEqualTo("38,5");
        assertThat(Display.integer(6375)).isEqualTo("6.375");
    }

    @Test
    void aStayItsTestsAndTheFacilitiesInWordsAndNumbers() throws Exception {
        long facility = api.post("/api/v1/quarantine/facilities", Map.of("name", "Khu cách ly Trường Quân sự", "kind", "CONCENTRATED",
                "communeCode", NAM_HA, "capacity", 1200, "rooms", 300)).body().get("id").asLong();
        long person = fixture.person(NAM_HA, null);
        String page = "/quarantine/facilities/" + facility;
        var admitted = web.post(page + "/stays", "personId=" + person + "&start=2021-07-20&subject=F1&_csrf=" + web.csrf(page));
        assertThat(admitted.statusCode()).isEqualTo(302);
        String stay = admitted.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/quarantine/stays/\\d+)$", "$1");
        var negative = api.post("/api/v1/lab-results", Map.of("sampleCode", "WS-" + System.nanoTime(), "personId", person,
                "testType", "PCR", "sampledAt", "2021-07-20T08:00:00+07:00", "result", "NEGATIVE"));
        assertThat(negative.status()).as(negative.text()).isEqualTo(200);

        assertThat(visible(web.get(stay).body())).contains("Âm tính").doesNotContain("NEGATIVE", "??");
        assertThat(web.get("/quarantine/tests-due?date=2021-07-20").body()).contains("Âm tính", "Phường Nam Hà")
                .doesNotContain("NEGATIVE", ">" + NAM_HA + "<");
        String facilities = web.get("/quarantine/facilities").body();
        assertThat(facilities).contains(">1.200<", "Phường Nam Hà").doesNotContain(">1200<", ">" + NAM_HA + "<");
        // The facility's own page counts its beds the same way (it said "Số giường: 1200").
        assertThat(visible(web.get(page).body())).contains("Số giường: 1.200").doesNotContain("1200");
    }

    @Test
    void theAuditTrailInSentences() throws Exception {
        long[] c = caseAtHome();
        String name = "kiem-tra-" + System.nanoTime();
        var created = api.post("/api/v1/users", Map.of("username", name, "password", "Mat-khau-kiem-thu-9", "fullName", "Nguyễn Văn Kiểm",
                "roles", List.of("PROVINCIAL_COMMITTEE"), "jurisdiction", Map.of("level", "PROVINCE", "codes", List.of())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        WebSession committee = WebSession.logIn(port, name, "Mat-khau-kiem-thu-9");
        assertThat(committee.get("/cases/" + c[1]).statusCode()).isEqualTo(200);
        assertThat(committee.get("/cases").statusCode()).isEqualTo(200);

        // the technical record stays, folded under its summary; what one reads is the sentence
        String trail = visible(web.get("/admin/audit?username=" + name).body().replaceAll("(?s)<details>.*?</details>", ""));
        assertThat(trail).contains("Nguyễn Văn Kiểm xem ca bệnh số " + c[1] + ", ", "Nguyễn Văn Kiểm xem danh sách ca bệnh (1 người)")
                .doesNotContain("VIEW", "LIST", "CREATE", " case ", "persons", "{", "??");
        assertThat(visible(web.get("/admin/audit?username=" + name + "&lang=en").body()))
                .contains("Nguyễn Văn Kiểm viewed case no. " + c[1] + ", ", "Nguyễn Văn Kiểm viewed the case list (1 person)");
        web.get("/?lang=vi");
        // the administrator's own entries, by the full name: created a user, recorded results
        assertThat(web.get("/admin/audit?username=admin").body()).contains("Quản trị hệ thống tạo người dùng số ", "Quản trị hệ thống ghi kết quả mẫu xét nghiệm, ");
    }

    @Test
    void usersByRoleNameAndPlaceNameAndAnErrorWithoutItsFieldPath() throws Exception {
        var created = api.post("/api/v1/users", Map.of("username", "xa-" + System.nanoTime(), "password", "Mat-khau-kiem-thu-9",
                "roles", List.of("PROVINCIAL_COMMITTEE", "COMMUNE_OFFICER"), "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(NAM_HA))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String users = web.get("/admin/users").body();
        assertThat(visible(users)).contains("Ban Chỉ đạo tỉnh", "Phường Nam Hà").doesNotContain("PROVINCIAL_COMMITTEE", "COMMUNE " + NAM_HA, "??");
        // No "disable" on one's own row (the server refuses it too); another user's row offers it.
        String own = users.substring(users.indexOf("<td>admin</td>"));
        assertThat(own.substring(0, own.indexOf("</tr>"))).doesNotContain("/disable");
        assertThat(users).contains("/disable");

        var bad = web.post("/admin/users", "username=sai-ma-" + System.nanoTime() + "&password=Mat-khau-kiem-thu-9&roles=COMMUNE_OFFICER"
                + "&level=COMMUNE&codes=99999&_csrf=" + web.csrf("/admin/users"));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(web.get("/admin/users").body()).contains("Có mã đơn vị không tồn tại").doesNotContain("jurisdiction.codes");
    }

    @Test
    void theImportPageHasItsTitleAndAPictureNamedXlsxIsRefusedAtTheFileField() throws Exception {
        String importPage = web.get("/lab-results/import").body();
        assertThat(importPage).contains("<title>Nhập kết quả xét nghiệm · Pháo Đài</title>", "<h1 class=\"h4\">Nhập kết quả xét nghiệm</h1>")
                .doesNotContain("??");

        var village = web.post("/geography/communes/" + NAM_HA + "/villages", "name=" + WebSession.encode("Tổ dân phố 21")
                + "&kind=TO_DAN_PHO&_csrf=" + web.csrf("/geography/communes/" + NAM_HA));
        assertThat(village.statusCode()).isLessThan(400);
        assertThat(visible(web.get("/geography/communes/" + NAM_HA).body())).contains("Tổ dân phố 21 Tổ dân phố").doesNotContain("TO_DAN_PHO");

        Path png = dir.resolve("danh-sach.xlsx");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        for (String path : List.of("/api/v1/persons/import", "/api/v1/lab-results/import")) {
            TestApi.Response r = api.upload(path, png);
            assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
            assertThat(r.body().get("errors").get(0).get("message").asString()).isEqualTo("Tệp không phải bảng tính Excel (.xlsx) hay CSV");
            assertThat(r.text()).doesNotContain("/tmp", "upload-", "it-data", "Failed to read", "Exception");
        }
        Path pdf = dir.resolve("danh-sach.csv");
        Files.writeString(pdf, "%PDF-1.4 không phải bảng tính");
        assertThat(api.upload("/api/v1/persons/import", pdf).status()).isEqualTo(400);
    }

    /** What a person reads: the page's text without its tags, scripts and attribute values (a form's codes). */
    static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}

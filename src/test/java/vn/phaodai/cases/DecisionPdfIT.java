package vn.phaodai.cases;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@PhaodaiIT
class DecisionPdfIT {

    /** Phường Nam Hà, thành phố Hà Tĩnh. */
    static final String NAM_HA = "18073";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    CaseFixture cases;
    long village;

    @BeforeEach
    void registry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
        cases.noDecisions();
        village = api.post("/api/v1/geography/communes/" + NAM_HA + "/villages", Map.of("name", "Tổ dân phố 5")).body().get("id").asLong();
    }

    long giang(LocalDate confirmedOn) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Nguyễn Thị Hương Giang");
        p.put("sex", "FEMALE");
        p.put("dateOfBirth", "15/02/1990");
        p.put("nationalId", "042190001234");
        p.put("communeCode", NAM_HA);
        p.put("villageId", village);
        p.put("address", "Số 12 đường Nguyễn Du");
        return cases.confirmed(cases.person(p), NAM_HA, village, confirmedOn);
    }

    @Test
    void theIsolationDecisionIsPrintedInTheAdministrativeForm() throws IOException {
        long id = giang(LocalDate.of(2021, 11, 24));

        TestApi.Download pdf = api.issue("/api/v1/cases/" + id + "/decisions/isolation");

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).startsWith("inline").contains("QD-cach-ly-1-" + YEAR + ".pdf");
        Files.write(Path.of("target", "decision-isolation-sample.pdf"), pdf.bytes());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = text(doc);
            assertThat(text).contains("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ TĨNH\nỦY BAN NHÂN DÂN\nPHƯỜNG NAM HÀ",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1/QĐ-UBND",
                    "Nam Hà, ngày ", "năm " + YEAR, "QUYẾT ĐỊNH",
                    "Về việc cách ly y tế, điều trị người mắc COVID-19 (F0) tại nhà",
                    "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NAM HÀ", "Căn cứ Luật Tổ chức chính quyền địa phương",
                    "Căn cứ Luật Phòng, chống bệnh truyền nhiễm", "4038/QĐ-BYT", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.",
                    "Nguyễn Thị Hương Giang", "15/02/1990", "042190001234", "Tổ dân phố 5", "Phường Nam Hà",
                    "24/11/2021", "Nơi nhận:", "Trung tâm Y tế thành phố Hà Tĩnh", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                    "(Ký, ghi rõ họ tên, đóng dấu)");
            // Glyphs a font without Vietnamese would drop or replace.
            assertThat(text).contains("ệ", "ữ", "đ", "Đ", "ƯỜ", "ỦY", "Ộ");
            assertThat(fonts(doc)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("LiberationSerif");
                assertThat(f.isEmbedded()).isTrue();
            });
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ISSUE_DECISION' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isOne();
    }

    @Test
    void askingAgainGivesTheSameDecisionAndNumber() throws IOException {
        long first = giang(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        long second = cases.freshCase(NAM_HA, null, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(api.issue("/api/v1/cases/" + first + "/decisions/isolation").status()).isEqualTo(200);
        assertThat(api.issue("/api/v1/cases/" + second + "/decisions/isolation").disposition()).contains("QD-cach-ly-2-");

        TestApi.Download again = api.issue("/api/v1/cases/" + first + "/decisions/isolation");

        assertThat(again.disposition()).contains("QD-cach-ly-1-" + YEAR + ".pdf");
        try (PDDocument doc = Loader.loadPDF(again.bytes())) {
            assertThat(text(doc)).contains("Số: 1/QĐ-UBND").doesNotContain("4038/QĐ-BYT");
        }
        assertThat(jdbc.sql("select count(*) from case_decision").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select last_number from decision_counter where commune_code = ?").param(NAM_HA)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theEndOfIsolationWaitsForRecovery() throws IOException {
        long id = giang(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(8));
        assertThat(api.issue("/api/v1/cases/" + id + "/decisions/isolation").status()).isEqualTo(200);

        TestApi.Response refused = api.post("/api/v1/cases/" + id + "/decisions/end-of-isolation", java.util.Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("khỏi bệnh");
        assertThat(refused.body().get("status").asInt()).isEqualTo(409);
        assertThat(refused.body().get("caseStatus").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select last_number from decision_counter").query(Integer.class).single()).isOne();

        LocalDate recovered = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        cases.recovered(id, recovered);
        TestApi.Download end = api.issue("/api/v1/cases/" + id + "/decisions/end-of-isolation");

        assertThat(end.status()).as(end.text()).isEqualTo(200);
        assertThat(end.disposition()).contains("QD-ket-thuc-cach-ly-2-" + YEAR + ".pdf");
        Files.write(Path.of("target", "decision-end-sample.pdf"), end.bytes());
        try (PDDocument doc = Loader.loadPDF(end.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(text(doc)).contains("Số: 2/QĐ-UBND", "Về việc kết thúc cách ly y tế, điều trị người mắc COVID-19 (F0) tại nhà",
                    "Nguyễn Thị Hương Giang", "đến ngày " + recovered.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
    }

    @Test
    void openingADecisionByGetNeverIssuesIt() {
        long id = giang(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3));
        TestApi.Response before = api.get("/api/v1/cases/" + id + "/decisions/isolation");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().get("detail").asString()).contains("chưa được ban hành");
        assertThat(jdbc.sql("select count(*) from case_decision").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from decision_counter").query(Long.class).single()).isZero();

        TestApi.Download issued = api.issue("/api/v1/cases/" + id + "/decisions/isolation");
        assertThat(issued.status()).isEqualTo(200);
        TestApi.Download shown = api.download("/api/v1/cases/" + id + "/decisions/isolation");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.disposition()).isEqualTo(issued.disposition());
        assertThat(jdbc.sql("select count(*) from case_decision").query(Long.class).single()).isOne();
    }

    @Test
    void aDiscardedCaseGetsNoDecision() {
        long id = cases.freshCase(NAM_HA, null, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        cases.discarded(id);

        TestApi.Response refused = api.post("/api/v1/cases/" + id + "/decisions/isolation", java.util.Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("loại bỏ");
        assertThat(api.post("/api/v1/cases/999999/decisions/isolation", java.util.Map.of()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from decision_counter").query(Long.class).single()).isZero();
    }

    static String text(PDDocument doc) throws IOException {
        return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
    }

    static Set<PDFont> fonts(PDDocument doc) throws IOException {
        Set<PDFont> fonts = new HashSet<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }
}

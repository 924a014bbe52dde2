package vn.phaodai.vaccination.certificates;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.CertificateDoses;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The vaccination certificate on the real database: the PDF, its QR code, and the public page that checks it. */
@PhaodaiIT
class CertificatesIT {

    static final String NAM_HA = "18073";   // Phường Nam Hà, Hà Tĩnh
    static final String PHUC_XA = "00001";  // Phường Phúc Xá, Hà Nội
    static final AtomicInteger SERIAL = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CertificateKey key;
    TestApi api;
    CertificateDoses doses;
    long point;

    @BeforeEach
    void registry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        doses = new CertificateDoses(jdbc);
        point = doses.point(NAM_HA, "Trạm Y tế phường Nam Hà");
    }

    record Holder(long id, String name, String nationalId, String phone) {
    }

    Holder person(String commune) {
        int n = SERIAL.incrementAndGet();
        String name = "Nguyễn Thị Hương " + letters(n);
        String nationalId = String.format("042190%06d", n % 1_000_000);
        String phone = String.format("0912%06d", n % 1_000_000);
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("sex", "FEMALE");
        p.put("dateOfBirth", "15/02/1990");
        p.put("nationalId", nationalId);
        p.put("phone", phone);
        p.put("communeCode", commune);
        p.put("address", "Số 12 đường Nguyễn Du");
        var r = api.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new Holder(r.body().get("person").get("id").asLong(), name, nationalId, phone);
    }

    /** Two doses of AstraZeneca at the ward's health station and a booster of Pfizer given elsewhere (no point). */
    Holder vaccinated() {
        Holder h = person(NAM_HA);
        doses.dose(h.id(), LocalDate.of(2021, 9, 1), "ASTRAZENECA", "PRIMARY_1", "NJ0342", point);
        doses.dose(h.id(), LocalDate.of(2021, 11, 10), "ASTRAZENECA", "PRIMARY_2", "NJ0417", point);
        doses.dose(h.id(), LocalDate.of(2022, 3, 1), "COMIRNATY_30", "BOOSTER_1", "FK7861", null);
        return h;
    }

    @Test
    void thePdfHoldsTheHolderAndTheDosesAndItsQrCodeOpensThePublicPage() throws Exception {
        Holder h = vaccinated();

        TestApi.Download pdf = api.download("/api/v1/persons/" + h.id() + "/vaccination/certificate");

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).startsWith("inline").contains("chung-nhan-tiem-chung-" + h.id() + ".pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "vaccination-certificate-sample.pdf"), pdf.bytes());
        String token;
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            // A table cell wraps its words over lines: compared with the line breaks as spaces.
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            assertThat(text).contains("GIẤY CHỨNG NHẬN TIÊM CHỦNG COVID-19", h.name(), "15/02/1990", h.nationalId(),
                    "Mũi 1", "01/09/2021", "AstraZeneca (Vaxzevria)", "NJ0342", "Trạm Y tế phường Nam Hà",
                    "Mũi 2", "10/11/2021", "NJ0417", "Mũi nhắc lại lần 1", "01/03/2022", "Pfizer-BioNTech (Comirnaty) 30 µg", "FK7861");
            assertThat(text).doesNotContain(h.phone());
            String url = qr(doc);
            assertThat(url).matches("https?://[^/]+/verify/[A-Za-z0-9_-]{130}");
            token = url.substring(url.lastIndexOf('/') + 1);
            assertThat(text.replaceAll("\\s", "")).contains("/verify/" + token);
        }

        HttpResponse<String> page = anonymous("/verify/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("data-outcome=\"VALID\"", "Giấy chứng nhận hợp lệ", h.name(), "1990",
                "Mũi 1", "01/09/2021", "AstraZeneca (Vaxzevria)", "Mũi 2", "10/11/2021",
                "Mũi nhắc lại lần 1", "01/03/2022", "Pfizer-BioNTech (Comirnaty) 30 µg");
        // Only the name, the birth year and the doses: no ID number, phone, address, birth day, lot or point.
        assertThat(body).doesNotContain(h.nationalId(), h.phone(), "Nguyễn Du", "15/02", "NJ0342", "Trạm Y tế");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'VERIFY_CERTIFICATE' and person_id = ?").param(h.id())
                .query(Long.class).single()).isEqualTo(1);

        // The same doses printed again: the same certificate, the same code.
        try (PDDocument again = Loader.loadPDF(api.download("/api/v1/persons/" + h.id() + "/vaccination/certificate").bytes())) {
            assertThat(qr(again)).endsWith("/verify/" + token);
        }
        assertThat(jdbc.sql("select count(*) from vaccination_certificate where person_id = ?").param(h.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ISSUE_CERTIFICATE' and person_id = ?").param(h.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCodeAlteredForgedOrOfAnotherPersonIsRefusedInWords() throws Exception {
        Holder a = vaccinated();
        Holder b = vaccinated();
        String tokenA = token(a.id());
        String tokenB = token(b.id());
        CertificateToken signedA = CertificateToken.verified(tokenA, key).orElseThrow();
        CertificateToken signedB = CertificateToken.verified(tokenB, key).orElseThrow();

        // One character changed, wherever it is: the signature no longer holds.
        for (int at : new int[] {0, 5, 40, 80, 129}) {
            char c = tokenA.charAt(at);
            String altered = tokenA.substring(0, at) + (c == 'A' ? 'B' : 'A') + tokenA.substring(at + 1);
            assertRefused(altered);
        }
        // The same claims signed with another installation's key.
        var other = CertificateKey.generate();
        assertRefused(signedA.encode(m -> CertificateKey.sign(m, other.getPrivate())));
        // Signed with this installation's key, yet naming another person, or another person's content.
        assertRefused(new CertificateToken(signedA.certificateId(), b.id(), signedA.digest()).encode(key::sign));
        assertRefused(new CertificateToken(signedB.certificateId(), a.id(), signedA.digest()).encode(key::sign));
        assertRefused(new CertificateToken(signedA.certificateId(), a.id(), signedB.digest()).encode(key::sign));
        assertRefused(new CertificateToken(Long.MAX_VALUE, a.id(), signedA.digest()).encode(key::sign));
        // Not a code at all.
        for (String junk : new String[] {"abc", "x".repeat(130), "x".repeat(500), tokenA + "A", tokenA.substring(1),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[97])}) {
            assertRefused(junk);
        }
        // The genuine codes still verify, each with its own holder.
        assertThat(anonymous("/verify/" + tokenA).body()).contains("data-outcome=\"VALID\"", a.name()).doesNotContain(b.name());
        assertThat(anonymous("/verify/" + tokenB).body()).contains("data-outcome=\"VALID\"", b.name()).doesNotContain(a.name());
    }

    @Test
    void aCertificateWhoseDosesChangedNoLongerMatchesAndANewOneDoes() throws Exception {
        Holder h = vaccinated();
        String first = token(h.id());
        doses.dose(h.id(), LocalDate.of(2022, 7, 15), "SPIKEVAX", "BOOSTER_2", "MD2207", point);

        String page = anonymous("/verify/" + first).body();
        assertThat(page).contains("data-outcome=\"CHANGED\"", "không còn khớp", "Đề nghị cấp giấy mới", h.name(),
                "Mũi nhắc lại lần 2", "15/07/2022");

        String second = token(h.id());
        assertThat(second).isNotEqualTo(first);
        assertThat(anonymous("/verify/" + second).body()).contains("data-outcome=\"VALID\"", "Mũi nhắc lại lần 2");
        assertThat(anonymous("/verify/" + first).body()).contains("data-outcome=\"CHANGED\"");
    }

    @Test
    void aPersonOutsideTheAreaIsMissingAndOneWithoutADoseHasNoCertificate() {
        TestApi officer = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", NAM_HA);
        Holder inside = vaccinated();
        Holder outside = person(PHUC_XA);
        doses.dose(outside.id(), LocalDate.of(2021, 9, 1), "VERO_CELL", "PRIMARY_1", "202108", null);

        assertThat(officer.download("/api/v1/persons/" + inside.id() + "/vaccination/certificate").status()).isEqualTo(200);
        var missing = officer.get("/api/v1/persons/" + outside.id() + "/vaccination/certificate");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).doesNotContain(outside.name());
        assertThat(officer.get("/api/v1/persons/999999999/vaccination/certificate").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from vaccination_certificate where person_id = ?").param(outside.id()).query(Long.class).single())
                .isZero();

        Holder none = person(NAM_HA);
        var refused = officer.get("/api/v1/persons/" + none.id() + "/vaccination/certificate");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("chưa có mũi tiêm");
        // A stock keeper reads no doses.
        assertThat(api.newUser(port, "STOCK_KEEPER", "COMMUNE", NAM_HA).get("/api/v1/persons/" + inside.id() + "/vaccination/certificate")
                .status()).isEqualTo(403);
    }

    @Test
    void thePersonsPageHasTheButtonThatPrints() throws Exception {
        Holder h = vaccinated();
        var session = vn.phaodai.support.WebSession.admin(port);
        var page = session.get("/vaccination/persons/" + h.id() + "/certificate");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(h.name(), "id=\"print-certificate\"", "/vaccination/persons/" + h.id() + "/certificate.pdf",
                "Mũi 1", "01/09/2021");
        var printed = session.bytes("/vaccination/persons/" + h.id() + "/certificate.pdf");
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(new String(printed.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    private void assertRefused(String token) throws Exception {
        HttpResponse<String> page = anonymous("/verify/" + token);
        assertThat(page.statusCode()).as(token).isEqualTo(404);
        assertThat(page.body()).as(token).contains("data-outcome=\"REFUSED\"", "giấy chứng nhận không hợp lệ")
                .doesNotContain("Nguyễn Thị Hương");
    }

    /** The token of the person's certificate, read off its QR code. */
    private String token(long person) throws Exception {
        TestApi.Download pdf = api.download("/api/v1/persons/" + person + "/vaccination/certificate");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            String url = qr(doc);
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    /** Reads the QR code of the first page's image with zxing. */
    private static String qr(PDDocument doc) throws Exception {
        BufferedImage image = image(doc.getPage(0).getResources());
        assertThat(image).as("an image on the page").isNotNull();
        return QrImageTest.read(image);
    }

    private static BufferedImage image(PDResources resources) throws Exception {
        if (resources == null) return null;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject img) return img.getImage();
            if (x instanceof PDFormXObject form) {
                BufferedImage inner = image(form.getResources());
                if (inner != null) return inner;
            }
        }
        return null;
    }

    /** A page as anyone on the street opens it: no account, no cookie. */
    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Names without digits: a person's name is letters only. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int x = n; x > 0; x /= 20) s.append("ABCDEGHIKLMNOPQRSTUV".charAt(x % 20));
        return s.toString();
    }
}

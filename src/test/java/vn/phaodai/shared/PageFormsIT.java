package vn.phaodai.shared;

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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms of the pages never lose what was typed: a word in a number field, a value out of its plausible range or a
 * Vietnamese decimal comma answer on the same form, the message in Vietnamese at the field, every typed value kept;
 * never the Whitelabel page, never an English 400.
 */
@PhaodaiIT
class PageFormsIT {

    static final String COMMUNE = "18073";
    static final String WHOLE_NUMBER = "Hãy nhập một số nguyên";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationClock clock;
    TestApi api;
    CaseFixture cases;
    WebSession web;

    @BeforeEach
    void registry() throws Exception {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        cases = new CaseFixture(api, jdbc);
        web = WebSession.admin(port);
    }

    /** The page the answer shows: the page itself, or the form's page a redirect goes back to. */
    private HttpResponse<String> shown(HttpResponse<String> answer) throws Exception {
        if (answer.statusCode() == 302) return web.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        return answer;
    }

    private static void aFormPage(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Whitelabel").doesNotContain("status=400").doesNotContain("Bad Request");
    }

    /** The invalid-feedback message under a field. */
    private static String messageAt(String html, String field) {
        int at = html.indexOf("id=\"" + field + "\"");
        assertThat(at).as("field " + field).isPositive();
        int start = html.indexOf("invalid-feedback", at);
        return html.substring(html.indexOf('>', start) + 1, html.indexOf("</div>", start));
    }

    private int readings(long caseId) {
        return jdbc.sql("select count(*) from reading where case_id = ?").param(caseId).query(Integer.class).single();
    }

    @Test
    void theReadingFormSaysWhoseAndWhenAndKeepsWhatWasTyped() throws Exception {
        try (var at = ClockForTests.at(clock, LocalDate.of(2021, 10, 15))) {
            long person = cases.person(COMMUNE, null);
            String name = jdbc.sql("select full_name from person where id = ?").param(person).query(String.class).single();
            long id = cases.confirmed(person, COMMUNE, null, LocalDate.of(2021, 10, 13));
            String form = "/home-care/cases/" + id + "/reading";

            // Whose reading, taken when: now on the application clock (15/10/2021 09:00), not the computer's.
            String page = web.get(form).body();
            assertThat(page).contains(name).containsPattern("name=\"takenAt\"[^>]*value=\"2021-10-15T09:0\\d\"|value=\"2021-10-15T09:0\\d\"[^>]*name=\"takenAt\"");

            // A word as the breathing rate: the message at its field, the rest as typed (the comma too), nothing stored.
            var words = shown(web.post(form, "takenAt=2021-10-15T08:30&temperature=" + WebSession.encode("38,5") + "&spo2=95&breathingRate=abc"
                    + "&symptoms=COUGH&_csrf=" + web.csrf(form)));
            aFormPage(words);
            assertThat(messageAt(words.body(), "breathingRate")).contains(WHOLE_NUMBER);
            assertThat(words.body()).contains("value=\"abc\"").contains("value=\"38,5\"").contains("value=\"95\"")
                    .contains("value=\"2021-10-15T08:30\"").containsPattern("value=\"COUGH\"[^>]*checked");
            assertThat(readings(id)).isZero();

            // 45 °C is no temperature of a living patient: refused at its field.
            var hot = shown(web.post(form, "temperature=45&spo2=96&_csrf=" + web.csrf(form)));
            aFormPage(hot);
            assertThat(messageAt(hot.body(), "temperature")).contains("Nhiệt độ phải từ 34 đến 42");
            assertThat(hot.body()).contains("value=\"45\"").contains("value=\"96\"");
            assertThat(readings(id)).isZero();

            // The Vietnamese decimal comma is 38.5.
            var ok = web.post(form, "temperature=" + WebSession.encode("38,5") + "&spo2=96&breathingRate=18&_csrf=" + web.csrf(form));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(ok.headers().firstValue("Location").orElse("")).endsWith("/home-care");
            assertThat(jdbc.sql("select temperature from reading where case_id = ?").param(id).query(BigDecimal.class).single())
                    .isEqualByComparingTo("38.5");
        }
    }

    @Test
    void aWordAsTheBirthYearKeepsThePersonForm() throws Exception {
        int before = jdbc.sql("select count(*) from person").query(Integer.class).single();
        var page = web.post("/persons/new", "fullName=" + WebSession.encode("Lê Thị Nhập Sai") + "&sex=FEMALE&birthYear="
                + WebSession.encode("năm 90") + "&phone=0912345678&communeCode=" + COMMUNE + "&_csrf=" + web.csrf("/persons/new"));
        aFormPage(page);
        assertThat(messageAt(page.body(), "birthYear")).contains(WHOLE_NUMBER);
        assertThat(page.body()).contains("value=\"năm 90\"").contains("value=\"Lê Thị Nhập Sai\"").contains("value=\"0912345678\"")
                .containsPattern("value=\"FEMALE\"[^>]*selected");
        assertThat(jdbc.sql("select count(*) from person").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aNameAsThePersonsIdKeepsTheCaseForm() throws Exception {
        // The person is picked by name: the box the officer types in is personIdName; a name in the hidden id too.
        var page = web.post("/cases/new", "personId=" + WebSession.encode("Nguyễn Văn A") + "&personIdName=" + WebSession.encode("Nguyễn Văn A") + "&confirmedOn=2021-09-05&evidence="
                + WebSession.encode("PCR Bệnh viện tỉnh") + "&source=COMMUNITY&severity=MILD&careSetting=HOME&_csrf="
                + web.csrf("/cases/new"));
        aFormPage(page);
        assertThat(messageAt(page.body(), "personId-picker")).contains(WHOLE_NUMBER);
        assertThat(page.body()).contains("value=\"Nguyễn Văn A\"").contains("value=\"PCR Bệnh viện tỉnh\"").contains("value=\"2021-09-05\"")
                .containsPattern("value=\"MILD\"[^>]*selected");
    }

    @Test
    void aWordAsThePoolSizeKeepsTheCampaignForm() throws Exception {
        var page = web.post("/campaigns/new", "name=" + WebSession.encode("Xét nghiệm diện rộng đợt 3") + "&communeCodes=" + COMMUNE
                + "&startsOn=2021-10-01&endsOn=2021-10-03&testType=PCR&poolSize=abc&_csrf=" + web.csrf("/campaigns/new"));
        aFormPage(page);
        assertThat(messageAt(page.body(), "poolSize")).isNotBlank();
        assertThat(page.body()).contains("value=\"abc\"").contains("value=\"Xét nghiệm diện rộng đợt 3\"");
    }

    @Test
    void aWordOrTooManyBedsKeepTheFacilityForm() throws Exception {
        String form = "/quarantine/facilities";
        var words = shown(web.post(form, "name=" + WebSession.encode("Khu cách ly Ký túc xá") + "&kind=CONCENTRATED&communeCode=" + COMMUNE
                + "&capacity=" + WebSession.encode("ba trăm") + "&rooms=40&_csrf=" + web.csrf(form)));
        aFormPage(words);
        assertThat(messageAt(words.body(), "capacity")).contains(WHOLE_NUMBER);
        assertThat(words.body()).contains("value=\"ba trăm\"").contains("value=\"Khu cách ly Ký túc xá\"").contains("value=\"40\"");

        var many = shown(web.post(form, "name=" + WebSession.encode("Khu cách ly Ký túc xá") + "&kind=CONCENTRATED&communeCode=" + COMMUNE
                + "&capacity=" + WebSession.encode("300.000") + "&_csrf=" + web.csrf(form)));
        aFormPage(many);
        assertThat(messageAt(many.body(), "capacity")).contains("Số giường quá lớn: tối đa 20.000");
        assertThat(many.body()).contains("value=\"300.000\"");
        assertThat(jdbc.sql("select count(*) from quarantine_facility where name = 'Khu cách ly Ký túc xá'").query(Integer.class).single()).isZero();
    }

    @Test
    void aWordOrAnImpossibleSpo2KeepsThePlacementForm() throws Exception {
        long id = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(1));
        String form = "/home-care/cases/" + id + "/placement";
        var words = web.post(form, "spo2=" + WebSession.encode("chín sáu") + "&breathingRate=18&canSelfCare=true&_csrf=" + web.csrf(form));
        aFormPage(words);
        assertThat(messageAt(words.body(), "spo2")).contains(WHOLE_NUMBER);
        assertThat(words.body()).contains("value=\"chín sáu\"").contains("value=\"18\"");

        var impossible = web.post(form, "spo2=200&breathingRate=18&canSelfCare=true&hasCarer=true&_csrf=" + web.csrf(form));
        aFormPage(impossible);
        assertThat(messageAt(impossible.body(), "spo2")).contains("50").contains("100");
        assertThat(impossible.body()).contains("value=\"200\"");
        assertThat(jdbc.sql("select count(*) from home_placement where case_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void aNameAsThePersonsIdGoesBackToTheFacilityPageItWasTypedOn() throws Exception {
        long facility = jdbc.sql("""
                insert into quarantine_facility (code, name, kind, commune_code, capacity, created_by)
                values ('FORMS-1', 'Khu cách ly Trường Chính trị', 'CONCENTRATED', ?, 100, 'admin')
                on conflict (code) do update set name = excluded.name returning id""").param(COMMUNE).query(Long.class).single();
        String page = "/quarantine/facilities/" + facility;
        var answer = web.postFrom(page, page + "/stays", "personId=" + WebSession.encode("Phạm Văn B") + "&personIdName=" + WebSession.encode("Phạm Văn B") + "&start=2021-10-02&subject=F1"
                + "&group=" + WebSession.encode("Tầng 2") + "&_csrf=" + web.csrf(page));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith(page);
        var shown = shown(answer);
        aFormPage(shown);
        assertThat(messageAt(shown.body(), "personId-picker")).contains(WHOLE_NUMBER);
        assertThat(shown.body()).contains("value=\"Phạm Văn B\"").contains("value=\"2021-10-02\"").contains("value=\"Tầng 2\"")
                .containsPattern("value=\"F1\"[^>]*selected");
    }

    @Test
    void thePatientsOwnFormKeepsWhatThePatientTyped() throws Exception {
        long id = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(1));
        var issued = api.post("/api/v1/cases/" + id + "/patient-link", java.util.Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String path = issued.body().get("path").asString();
        WebSession patient = WebSession.anonymous(port);
        var page = patient.post(path, "spo2=96&breathingRate=" + WebSession.encode("hai mươi") + "&temperature=" + WebSession.encode("38,5")
                + "&symptoms=COUGH&_csrf=" + patient.csrf(path));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(messageAt(page.body(), "breathingRate")).contains(WHOLE_NUMBER);
        assertThat(page.body()).contains("value=\"hai mươi\"").contains("value=\"38,5\"").contains("value=\"96\"")
                .containsPattern("value=\"COUGH\"[^>]*checked");
        assertThat(readings(id)).isZero();
    }

    @Test
    void theApiStillAnswersAWordInANumberWithProblemJson() {
        var r = api.get("/api/v1/quarantine/facilities?page=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"page\"").doesNotContain("<html");
    }
}

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

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms PageFormsIT does not cover keep what was typed too: the quarantine policy table (a new policy and a row
 * corrected), arrivals, the case page's three forms, an alert's resolution, a new user and one's own password. A bad
 * value answers the form again (never a 5xx, never the generic error page), the message in Vietnamese at its field,
 * the other values as typed; a transfer to a facility that names none is refused at the facility, on the page and
 * through the API.
 */
@PhaodaiIT
class MoreFormsIT {

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

    /** Posts a page's form as a browser does and follows the redirect back to the page, as the browser shows it. */
    private String refused(String page, String action, String form) throws Exception {
        HttpResponse<String> answer = web.postFrom(page, action, form + "&_csrf=" + web.csrf(page));
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 302, 400);
        HttpResponse<String> shown = answer.statusCode() == 302
                ? web.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")) : answer;
        assertThat(shown.statusCode()).isIn(200, 400);
        assertThat(shown.body()).doesNotContain("Whitelabel").doesNotContain("status=400").doesNotContain("Bad Request")
                .doesNotContain("id=\"bad-request\"").doesNotContain("id=\"refused\"");
        return shown.body();
    }

    /** The invalid-feedback message after the element of that id. */
    private static String messageAt(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("field " + id).isPositive();
        int start = html.indexOf("invalid-feedback", at);
        assertThat(start).as("message after " + id).isPositive();
        return html.substring(html.indexOf('>', start) + 1, html.indexOf("</div>", start));
    }

    /** The markup of one form (from its id to its end). */
    private static String form(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("form " + id).isPositive();
        return html.substring(at, html.indexOf("</form>", at));
    }

    private static String e(String s) {
        return WebSession.encode(s);
    }

    @Test
    void thePolicyTableKeepsANewPolicyAndACorrectedRowAsTyped() throws Exception {
        String page = "/quarantine/policies";
        long max = jdbc.sql("select max(id) from quarantine_policy").query(Long.class).single();
        Map<Long, LocalDate> ends = new java.util.HashMap<>();
        jdbc.sql("select id, valid_to from quarantine_policy").query((rs, i) -> ends.put(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        String typed = "subject=ARRIVAL_PROVINCE&vaccination=UNVACCINATED&validFrom=2036-02-01&place=HOME&homeMonitoringDays=7&testDays="
                + e("1, 3") + "&document=" + e("99/SYT-NV thử") + "&note=" + e("Ghi chú thử");
        try {
            // A word as the days: at its field of the new policy's form, the rest as typed.
            String words = refused(page, page, typed + "&quarantineDays=" + e("mười"));
            assertThat(messageAt(words, "new-policy-quarantineDays")).contains(WHOLE_NUMBER);
            String created = form(words, "new-policy");
            assertThat(created).contains("value=\"mười\"", "value=\"7\"", "value=\"1, 3\"", "value=\"2036-02-01\"", "value=\"99/SYT-NV thử\"",
                    "value=\"Ghi chú thử\"").containsPattern("value=\"UNVACCINATED\"[^>]*selected").containsPattern("value=\"ARRIVAL_PROVINCE\"[^>]*selected");
            // Days are whole: 7,5 is refused, not cut to 7; 61 days is out of range.
            assertThat(messageAt(refused(page, page, typed + "&quarantineDays=" + e("7,5")), "new-policy-quarantineDays")).contains(WHOLE_NUMBER);
            String many = refused(page, page, typed + "&quarantineDays=61");
            assertThat(messageAt(many, "new-policy-quarantineDays")).contains("Số ngày cách ly từ 0 đến 60");
            assertThat(form(many, "new-policy")).contains("value=\"61\"");
            // A word among the test days.
            String tests = refused(page, page, typed.replace("testDays=" + e("1, 3"), "testDays=" + e("ngày 1")) + "&quarantineDays=7");
            assertThat(messageAt(tests, "new-policy-testDays")).contains("Ngày xét nghiệm phải là các số");
            assertThat(jdbc.sql("select count(*) from quarantine_policy where id > ?").param(max).query(Integer.class).single()).isZero();

            // A row corrected with a word: the message under that row's input, the other rows and the new form untouched.
            long row = jdbc.sql("select min(id) from quarantine_policy").query(Long.class).single();
            int days = jdbc.sql("select quarantine_days from quarantine_policy where id = ?").param(row).query(Integer.class).single();
            String edited = refused(page, page, "id=" + row + "&" + typed.replace("validFrom=2036-02-01", "validFrom=2021-01-01")
                    + "&quarantineDays=abc");
            assertThat(messageAt(edited, "policy-" + row + "-quarantineDays")).contains(WHOLE_NUMBER);
            assertThat(edited).containsPattern("id=\"policy-" + row + "-quarantineDays\"[^>]*value=\"abc\"|value=\"abc\"[^>]*id=\"policy-" + row + "-quarantineDays\"");
            assertThat(form(edited, "new-policy")).doesNotContain("is-invalid").doesNotContain("value=\"abc\"");
            assertThat(jdbc.sql("select quarantine_days from quarantine_policy where id = ?").param(row).query(Integer.class).single()).isEqualTo(days);

            // Spaces around a number are no error: the policy is saved.
            var ok = web.post(page, typed + "&quarantineDays=" + e(" 14 ") + "&_csrf=" + web.csrf(page));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(jdbc.sql("select quarantine_days from quarantine_policy where id > ? and document = '99/SYT-NV thử'").param(max)
                    .query(Integer.class).single()).isEqualTo(14);
        } finally {
            jdbc.sql("delete from quarantine_policy where id > ?").param(max).update();
            ends.forEach((id, to) -> jdbc.sql("update quarantine_policy set valid_to = ? where id = ?").params(to, id).update());
        }
    }

    @Test
    void anArrivalKeepsWhatWasTyped() throws Exception {
        String page = "/quarantine/arrivals";
        int before = jdbc.sql("select count(*) from quarantine_arrival").query(Integer.class).single();
        String typed = "originKind=PROVINCE&origin=" + e("Đà Nẵng") + "&outbreakArea=true&checkpoint=" + e("Trạm Cầu Bến Thủy")
                + "&nationalId=042099000123";
        // Nobody of that name: at the person's box, the name and the rest as typed.
        String nobody = refused(page, page, "personId=&personIdName=" + e("Không Ai Tên Này") + "&arrivedOn=2021-09-03&" + typed);
        assertThat(messageAt(nobody, "personId-picker")).contains("Không có người nào tên");
        String arrive = form(nobody, "arrive");
        assertThat(arrive).contains("value=\"Không Ai Tên Này\"", "value=\"Đà Nẵng\"", "value=\"Trạm Cầu Bến Thủy\"", "value=\"042099000123\"",
                "value=\"2021-09-03\"").containsPattern("value=\"PROVINCE\"[^>]*selected").containsPattern("id=\"outbreak\"[^>]*checked")
                .doesNotContain("name=\"vaccinated\""); // vaccination comes from the registry of doses, never a box
        // A date that is no date.
        long person = cases.person(COMMUNE, null);
        String date = refused(page, page, "personId=" + person + "&arrivedOn=" + e("3 tháng 9") + "&" + typed);
        assertThat(messageAt(date, "arrivedOn")).contains("Ngày không hợp lệ");
        assertThat(form(date, "arrive")).contains("value=\"Đà Nẵng\"");
        // No origin: at its field.
        String origin = refused(page, page, "personId=" + person + "&arrivedOn=2021-09-03&" + typed.replace("origin=" + e("Đà Nẵng"), "origin="));
        assertThat(messageAt(origin, "origin")).contains("Nơi đi (quốc gia, tỉnh) là bắt buộc");
        assertThat(jdbc.sql("select count(*) from quarantine_arrival").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void theCasePagesFormsKeepWhatWasTyped() throws Exception {
        long id = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        String page = "/cases/" + id;
        int version = jdbc.sql("select version from covid_case where id = ?").param(id).query(Integer.class).single();
        String onset = LocalDate.now().minusDays(3).toString();

        // Details: an onset day in words; the words and the choices as typed, nothing changed. (The number of doses is
        // no longer typed on a case: it comes from the registry of doses.)
        String words = refused(page, page + "/details", "version=" + version + "&source=QUARANTINE&onsetDate=" + e("hôm kia")
                + "&symptomatic=true");
        assertThat(messageAt(words, "d-onset")).contains("Ngày không hợp lệ: hôm kia");
        assertThat(form(words, "details")).contains("value=\"hôm kia\"").doesNotContain("vaccineDoses")
                .containsPattern("value=\"QUARANTINE\"[^>]*selected").containsPattern("value=\"true\"[^>]*selected");
        assertThat(form(words, "transfer")).doesNotContain("is-invalid");
        assertThat(jdbc.sql("select version from covid_case where id = ?").param(id).query(Integer.class).single()).isEqualTo(version);

        // A transfer to a treatment facility with no facility: refused at the facility's box, the rest as typed.
        String nowhere = refused(page, page + "/transfer", "careSetting=TREATMENT_FACILITY&severity=MODERATE&facility=&facilityName=&at=&note="
                + e("Khó thở tăng"));
        assertThat(messageAt(nowhere, "facility-picker")).contains("Chọn cơ sở");
        String transfer = form(nowhere, "transfer");
        assertThat(transfer).contains("value=\"Khó thở tăng\"").containsPattern("value=\"TREATMENT_FACILITY\"[^>]*selected")
                .containsPattern("value=\"MODERATE\"[^>]*selected");
        assertThat(form(nowhere, "outcome")).doesNotContain("Khó thở tăng");
        assertThat(jdbc.sql("select care_setting from covid_case where id = ?").param(id).query(String.class).single()).isEqualTo("HOME");

        // Chosen by name in the picker: the case keeps the facility's name, not the commune its suggestion shows.
        long facility = jdbc.sql("""
                insert into quarantine_facility (code, name, kind, commune_code, capacity, created_by)
                values ('FORMS-TREAT', 'Cơ sở thu dung số 2', 'TREATMENT', ?, 100, 'admin')
                on conflict (code) do update set name = excluded.name returning id""").param(COMMUNE).query(Long.class).single();
        var moved = web.postFrom(page, page + "/transfer", "careSetting=TREATMENT_FACILITY&severity=MODERATE&facility=" + facility + "&facilityName="
                + e("Cơ sở thu dung số 2 — Phường Thử") + "&_csrf=" + web.csrf(page));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select care_setting || ' / ' || facility from covid_case where id = ?").param(id).query(String.class).single())
                .isEqualTo("TREATMENT_FACILITY / Cơ sở thu dung số 2");

        // The outcome in the future: at its day, the outcome and the note as typed; the case still open.
        String future = LocalDate.now().plusDays(3).toString();
        String closed = refused(page, page + "/outcome", "outcome=RECOVERED&on=" + future + "&note=" + e("Xuất viện sớm"));
        assertThat(messageAt(closed, "o-on")).contains("Ngày ở tương lai");
        assertThat(form(closed, "outcome")).contains("value=\"" + future + "\"", "value=\"Xuất viện sớm\"")
                .containsPattern("value=\"RECOVERED\"[^>]*selected");
        assertThat(form(closed, "transfer")).doesNotContain("Xuất viện sớm");
        assertThat(jdbc.sql("select status from covid_case where id = ?").param(id).query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    void theApiRefusesATransferToAFacilityThatNamesNone() {
        long id = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        var r = api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "TREATMENT_FACILITY", "severity", "MODERATE"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("facility");
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains("Chọn cơ sở");
        assertThat(api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "HOSPITAL", "facility", "  ")).status()).isEqualTo(400);
        assertThat(jdbc.sql("select care_setting from covid_case where id = ?").param(id).query(String.class).single()).isEqualTo("HOME");
        // Home needs no facility; a named one moves the case.
        var ok = api.post("/api/v1/cases/" + id + "/transfers", Map.of("careSetting", "TREATMENT_FACILITY", "facility", "Cơ sở thu dung số 1"));
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    }

    @Test
    void anAlertsResolutionKeepsWhatWasTyped() throws Exception {
        long id = cases.freshCase(COMMUNE, null, LocalDate.now().minusDays(2));
        var reading = api.post("/api/v1/cases/" + id + "/readings", Map.of("spo2", 93));
        assertThat(reading.status()).as(reading.text()).isEqualTo(201);
        long alert = reading.body().get("alertId").asLong();
        String page = "/home-care";
        String shown = refused(page, "/home-care/alerts/" + alert + "/resolve", "action=TRANSFER&careSetting=HOSPITAL&facility=&note="
                + e("SpO2 93%, chuyển viện"));
        assertThat(messageAt(shown, "facility-" + alert)).contains("Chọn cơ sở");
        String resolve = shown.substring(shown.indexOf("id=\"resolve-" + alert + "\""));
        resolve = resolve.substring(0, resolve.indexOf("</details>"));
        assertThat(resolve).containsPattern("id=\"resolve-" + alert + "\"[^>]*open").contains("value=\"SpO2 93%, chuyển viện\"")
                .containsPattern("value=\"TRANSFER\"[^>]*checked").containsPattern("value=\"HOSPITAL\"[^>]*selected");
        assertThat(jdbc.sql("select status from alert where id = ?").param(alert).query(String.class).single()).isNotEqualTo("RESOLVED");
    }

    @Test
    void aNewUserAndOnesOwnPasswordAreRefusedAtTheirFields() throws Exception {
        String page = "/admin/users";
        String typed = "fullName=" + e("Trần Thị Tạo Sai") + "&password=" + e("Mat-khau-kiem-thu-9") + "&level=DISTRICT&roles=COMMUNE_OFFICER";
        String name = refused(page, page, "username=" + e("a b") + "&codes=180&" + typed);
        assertThat(messageAt(name, "username")).contains("Tên đăng nhập 3–40 ký tự");
        String created = form(name, "new-user");
        assertThat(created).contains("value=\"a b\"", "value=\"Trần Thị Tạo Sai\"", "value=\"180\"").doesNotContain("Mat-khau-kiem-thu-9")
                .containsPattern("value=\"DISTRICT\"[^>]*selected").containsPattern("value=\"COMMUNE_OFFICER\"[^>]*checked");
        String unit = refused(page, page, "username=tao-sai-" + System.nanoTime() % 100000 + "&codes=99999&" + typed);
        assertThat(messageAt(unit, "codes")).contains("Có mã đơn vị không tồn tại");
        assertThat(unit).doesNotContain("jurisdiction.codes");
        assertThat(jdbc.sql("select count(*) from app_user where full_name = 'Trần Thị Tạo Sai'").query(Integer.class).single()).isZero();

        String wrong = refused("/me", "/me/password", "currentPassword=" + e("khong-phai-mat-khau") + "&newPassword=" + e("Mat-khau-moi-rat-dai-7"));
        assertThat(messageAt(wrong, "currentPassword")).contains("Mật khẩu hiện tại không đúng");
        assertThat(wrong).doesNotContain("khong-phai-mat-khau").doesNotContain("Mat-khau-moi-rat-dai-7");
        String weak = refused("/me", "/me/password", "currentPassword=" + e(TestApi.ADMIN_PASSWORD) + "&newPassword=ngan");
        assertThat(messageAt(weak, "newPassword")).isNotBlank();
        assertThat(List.of(weak)).noneMatch(b -> b.contains(TestApi.ADMIN_PASSWORD));
    }

    @Test
    void clustersVillagesAndAStaysReleaseKeepWhatWasTyped() throws Exception {
        // A cluster without a name: at the name, the address and the day as typed.
        String clusters = refused("/clusters", "/clusters", "name=&kind=MARKET&communeCode=" + COMMUNE + "&communeCodeName=&address="
                + e("Chợ Thử, lô 3") + "&openedOn=2021-09-20");
        assertThat(messageAt(clusters, "cluster-name")).contains("Thiếu tên ổ dịch");
        assertThat(form(clusters, "new-cluster")).contains("value=\"Chợ Thử, lô 3\"", "value=\"2021-09-20\"").containsPattern("value=\"MARKET\"[^>]*selected");

        // A word as the case to link: at the case's box, as typed.
        var opened = api.post("/api/v1/clusters", Map.of("name", "Ổ dịch biểu mẫu", "kind", "MARKET", "communeCode", COMMUNE));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String cluster = "/clusters/" + opened.body().get("id").asLong();
        String linked = refused(cluster, cluster + "/cases", "caseId=" + e("ca của bà Tư"));
        assertThat(messageAt(linked, "caseId")).contains(WHOLE_NUMBER);
        assertThat(form(linked, "add-case")).contains("value=\"ca của bà Tư\"");

        // A village without a name: at the name, the kind as chosen.
        String commune = "/geography/communes/" + COMMUNE;
        String village = refused(commune, commune + "/villages", "name=%20&kind=XOM");
        assertThat(messageAt(village, "village-name")).isNotBlank();
        assertThat(form(village, "add-village")).containsPattern("value=\"XOM\"[^>]*selected");

        // A release in the future: at its day, as typed; the stay still open (a day of 2021, when F1 were quarantined).
        try (var at = ClockForTests.at(clock, LocalDate.of(2021, 10, 10))) {
            var facility = api.post("/api/v1/quarantine/facilities", Map.of("name", "Khu cách ly biểu mẫu", "kind", "CONCENTRATED",
                    "communeCode", COMMUNE, "capacity", 50));
            assertThat(facility.status()).as(facility.text()).isEqualTo(201);
            var admitted = api.post("/api/v1/quarantine/stays", Map.of("personId", cases.person(COMMUNE, null), "start", "2021-10-01",
                    "facilityId", facility.body().get("id").asLong(), "subject", "F1"));
            assertThat(admitted.status()).as(admitted.text()).isEqualTo(201);
            long stay = admitted.body().get("id").asLong();
            String page = "/quarantine/stays/" + stay;
            String released = refused(page, page + "/release", "on=2021-10-15");
            assertThat(messageAt(released, "release-on")).contains("Ngày kết thúc ở tương lai");
            assertThat(form(released, "release")).contains("value=\"2021-10-15\"");
            assertThat(jdbc.sql("select status from quarantine_stay where id = ?").param(stay).query(String.class).single()).isEqualTo("ACTIVE");
        }
    }
}

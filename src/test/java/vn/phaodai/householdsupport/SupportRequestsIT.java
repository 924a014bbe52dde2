package vn.phaodai.householdsupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support to F0 households: asked for by the worker or the patient's link, taken and done by a mass organisation,
 * seen and handled only within the jurisdiction (a village's community team sees its village).
 */
@PhaodaiIT
class SupportRequestsIT {

    static final String COMMUNE = "18073";
    static final String OTHER_COMMUNE = "18070";
    static final LocalDate YESTERDAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
    static final String PASSWORD = "Mat-khau-ho-tro-F0-9";
    static final AtomicInteger SERIAL = new AtomicInteger(4_000);

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

    /** A new user of the role and jurisdiction; returns the username. */
    private String account(String level, String code, String role) {
        String name = "ht-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        var r = api.post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role),
                "jurisdiction", Map.of("level", level, "codes", List.of(code))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    private TestApi user(String level, String code, String role) {
        return new TestApi(port, account(level, code, role), PASSWORD);
    }

    /** A case at home of a person with a phone and an address, in the village when given. */
    private long household(Long village) {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> p = new HashMap<>(Map.of("fullName", "Lê Thị " + CaseFixture.letters(n), "sex", "FEMALE",
                "dateOfBirth", "03/04/1985", "nationalId", String.format("042185%06d", n), "communeCode", COMMUNE,
                "phone", "0912345678", "address", "Số 12 ngõ 3 đường Hà Huy Tập"));
        if (village != null) p.put("villageId", village);
        return cases.confirmed(cases.person(p), COMMUNE, village, YESTERDAY);
    }

    private TestApi.Response raise(TestApi as, long caseId, String kind, String detail) {
        Map<String, Object> need = new HashMap<>();
        need.put("kind", kind);
        need.put("detail", detail);
        return as.post("/api/v1/cases/" + caseId + "/support-requests", need);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    @Test
    void theWorkerAsksForFoodAndTheWomensUnionTakesItThenDeliversIt() {
        long east = village("Thôn Đông");
        long caseId = household(east);
        TestApi worker = user("COMMUNE", COMMUNE, "CARE_TEAM");
        TestApi team = user("VILLAGE", String.valueOf(east), "COMMUNITY_TEAM");

        var raised = raise(worker, caseId, "FOOD", "  Gạo 10 kg, rau xanh ");
        assertThat(raised.status()).as(raised.text()).isEqualTo(201);
        JsonNode r = raised.body();
        long id = r.get("id").asLong();
        assertThat(r.get("status").asString()).isEqualTo("OPEN");
        assertThat(r.get("detail").asString()).isEqualTo("Gạo 10 kg, rau xanh");
        assertThat(r.get("raisedBy").asString()).startsWith("ht-care-team-");
        assertThat(r.get("phone").asString()).endsWith("912345678");
        assertThat(r.get("address").asString()).isEqualTo("Số 12 ngõ 3 đường Hà Huy Tập");
        assertThat(r.get("villageName").asString()).isEqualTo("Thôn Đông");
        assertThat(r.has("severity")).isFalse();
        // The same form sent again (a retry) is the same request.
        var again = raise(worker, caseId, "FOOD", "Gạo 10 kg, rau xanh");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(id);

        // The worker sees the request but does not handle it; the village's team does.
        assertThat(ids(worker.get("/api/v1/support-requests").body())).containsExactly(id);
        assertThat(worker.post("/api/v1/support-requests/" + id + "/take", Map.of("handledBy", "Trạm y tế")).status()).isEqualTo(403);
        assertThat(team.post("/api/v1/support-requests/" + id + "/done", Map.of()).status()).isEqualTo(409);
        var nobody = team.post("/api/v1/support-requests/" + id + "/take", Map.of("handledBy", " "));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.text()).contains("handledBy");
        var taken = team.post("/api/v1/support-requests/" + id + "/take", Map.of("handledBy", "Hội Phụ nữ phường Nam Hà"));
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);
        assertThat(taken.body().get("status").asString()).isEqualTo("TAKEN");
        assertThat(taken.body().get("takenAt").isNull()).isFalse();
        var twice = team.post("/api/v1/support-requests/" + id + "/take", Map.of("handledBy", "Đoàn Thanh niên"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("Hội Phụ nữ phường Nam Hà");
        var done = team.post("/api/v1/support-requests/" + id + "/done", Map.of("note", "Đã giao gạo và rau"));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("status").asString()).isEqualTo("DONE");
        assertThat(done.body().get("note").asString()).isEqualTo("Đã giao gạo và rau");
        assertThat(team.post("/api/v1/support-requests/" + id + "/cancel", Map.of()).status()).isEqualTo(409);

        assertThat(team.get("/api/v1/support-requests").body().get("total").asInt()).isZero();
        assertThat(ids(team.get("/api/v1/support-requests?status=DONE").body())).containsExactly(id);
        // The same need again, once the first was taken, is a new request; this one is cancelled.
        long medicine = raise(api, caseId, "MEDICINE", null).body().get("id").asLong();
        var cancelled = team.post("/api/v1/support-requests/" + medicine + "/cancel", Map.of("note", "Gia đình đã tự mua"));
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ids(api.get("/api/v1/support-requests?status=ALL&kind=MEDICINE").body())).containsExactly(medicine);

        List<String> audited = jdbc.sql("select action from audit_log where entity = 'support_request' order by id").query(String.class).list();
        // The changes, in order; and each list of requests shown was audited too.
        assertThat(audited.stream().filter(a -> !a.equals("LIST")).toList()).containsExactly("RAISE", "TAKE", "DONE", "RAISE", "CANCEL");
        assertThat(audited).contains("LIST");
    }

    @Test
    void openRequestsComeFirstThenTheLongestWaiting() {
        long first = raise(api, household(null), "FOOD", null).body().get("id").asLong();
        long second = raise(api, household(null), "WASTE", null).body().get("id").asLong();
        long third = raise(api, household(null), "OTHER", "Sửa ống nước").body().get("id").asLong();
        api.post("/api/v1/support-requests/" + first + "/take", Map.of("handledBy", "Đoàn Thanh niên"));
        assertThat(ids(api.get("/api/v1/support-requests?commune=" + COMMUNE).body())).containsExactly(second, third, first);
        assertThat(ids(api.get("/api/v1/support-requests?status=TAKEN").body())).containsExactly(first);
        JsonNode page = api.get("/api/v1/support-requests?size=2&page=1").body();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(first);
    }

    @Test
    void thePatientLinkAsksForItsOwnHouseholdUntilItIsRevoked() throws Exception {
        long mine = household(null);
        long other = household(null);
        String path = api.post("/api/v1/cases/" + mine + "/patient-link", Map.of()).body().get("path").asString();
        WebSession patient = WebSession.anonymous(port);
        var page = patient.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Cần hỗ trợ?", "Thu gom rác thải");

        var sent = patient.post(path + "/support", "kind=WASTE&detail=" + WebSession.encode("Rác 3 ngày chưa thu") + "&_csrf=" + patient.csrf(path));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Đã gửi yêu cầu", "Yêu cầu đã gửi");
        JsonNode list = api.get("/api/v1/support-requests").body();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode r = list.get("items").get(0);
        assertThat(r.get("caseId").asLong()).isEqualTo(mine);
        assertThat(r.get("raisedBy").asString()).isEqualTo("patient-link");
        assertThat(r.get("kind").asString()).isEqualTo("WASTE");

        var vague = patient.post(path + "/support", "kind=OTHER&_csrf=" + patient.csrf(path));
        assertThat(vague.statusCode()).isEqualTo(200);
        assertThat(vague.body()).contains("Ghi rõ cần hỗ trợ gì");
        assertThat(api.get("/api/v1/support-requests").body().get("total").asInt()).isEqualTo(1);

        String csrf = patient.csrf(path);
        assertThat(api.delete("/api/v1/cases/" + mine + "/patient-link").status()).isEqualTo(204);
        assertThat(patient.post(path + "/support", "kind=FOOD&_csrf=" + csrf).statusCode()).isEqualTo(410);
        assertThat(api.get("/api/v1/support-requests?status=ALL").body().get("total").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from support_request where case_id = ?").param(other).query(Long.class).single()).isZero();
    }

    @Test
    void aRequestOutsideTheJurisdictionDoesNotExistAndAVillageTeamSeesItsVillageOnly() {
        long east = village("Thôn Đông"), west = village("Thôn Tây");
        long eastRequest = raise(api, household(east), "FOOD", null).body().get("id").asLong();
        long westCase = household(west);
        long westRequest = raise(api, westCase, "FOOD", null).body().get("id").asLong();

        TestApi elsewhere = user("COMMUNE", OTHER_COMMUNE, "COMMUNE_OFFICER");
        assertThat(elsewhere.get("/api/v1/support-requests").body().get("total").asInt()).isZero();
        assertThat(elsewhere.post("/api/v1/support-requests/" + eastRequest + "/take", Map.of("handledBy", "Hội Nông dân")).status())
                .isEqualTo(404);
        assertThat(raise(elsewhere, westCase, "MEDICINE", null).status()).isEqualTo(404);

        TestApi eastTeam = user("VILLAGE", String.valueOf(east), "COMMUNITY_TEAM");
        assertThat(ids(eastTeam.get("/api/v1/support-requests").body())).containsExactly(eastRequest);
        assertThat(eastTeam.post("/api/v1/support-requests/" + westRequest + "/take", Map.of("handledBy", "Tổ Covid")).status())
                .isEqualTo(404);
        assertThat(raise(eastTeam, westCase, "MEDICINE", null).status()).isEqualTo(403); // the team does not raise
        assertThat(user("COMMUNE", COMMUNE, "COMMUNE_OFFICER").get("/api/v1/support-requests").body().get("total").asInt()).isEqualTo(2);
        assertThat(user("PROVINCE", "42", "ANALYST").get("/api/v1/support-requests").status()).isEqualTo(403);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        long caseId = household(null);
        var bad = raise(api, caseId, "PIZZA", "x".repeat(501));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("\"kind\"", "\"detail\"");
        var vague = raise(api, caseId, "OTHER", " ");
        assertThat(vague.status()).isEqualTo(400);
        assertThat(vague.text()).contains("Ghi rõ cần hỗ trợ gì");
        var vagueInEnglish = api.post("/api/v1/cases/" + caseId + "/support-requests?lang=en", Map.of("kind", "OTHER", "detail", " "));
        assertThat(vagueInEnglish.status()).isEqualTo(400);
        assertThat(vagueInEnglish.text()).contains("Say what support is needed").doesNotContain("Ghi rõ");
        assertThat(api.get("/api/v1/support-requests?status=LOST&lang=en").text()).contains("Invalid status: LOST");
        assertThat(api.get("/api/v1/support-requests?status=LOST").text()).contains("Trạng thái không hợp lệ: LOST");
        assertThat(api.get("/api/v1/support-requests?status=LOST").status()).isEqualTo(400);
        assertThat(raise(api, 999_999, "FOOD", null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/support-requests/999999/take", Map.of("handledBy", "Hội Phụ nữ")).status()).isEqualTo(404);
        cases.recovered(caseId, YESTERDAY.plusDays(1));
        assertThat(raise(api, caseId, "FOOD", null).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isZero();
    }

    @Test
    void theOrganisationsWorkFromThePageAndTheWorkerAsksFromTheTodayList() throws Exception {
        long caseId = household(null);
        String name = jdbc.sql("select p.full_name from covid_case c join person p on p.id = c.person_id where c.id = ?")
                .param(caseId).query(String.class).single();
        WebSession web = WebSession.admin(port);
        assertThat(web.get("/home-care").body()).contains("/home-care/cases/" + caseId + "/support", "href=\"/support-requests\"");

        String form = "/home-care/cases/" + caseId + "/support";
        var page = web.get(form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name, "Lương thực, thực phẩm", "Thu gom rác thải");
        var missing = web.post(form, "detail=&_csrf=" + web.csrf(form));
        assertThat(missing.statusCode()).isEqualTo(302);
        assertThat(web.get(form).body()).contains("Chọn loại hỗ trợ");
        var sent = web.post(form, "kind=MEDICINE&detail=" + WebSession.encode("Paracetamol 500 mg") + "&_csrf=" + web.csrf(form));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(web.get(form).body()).contains("Đã gửi yêu cầu hỗ trợ", "Paracetamol 500 mg");
        long id = jdbc.sql("select id from support_request where case_id = ?").param(caseId).query(Long.class).single();

        var list = web.get("/support-requests");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name, "Số 12 ngõ 3 đường Hà Huy Tập", "tel:+84912345678", "Paracetamol 500 mg", "Nhận", "Huỷ");
        String take = "/support-requests/" + id + "/take";
        assertThat(web.post(take, "handledBy=&status=ACTIVE&_csrf=" + web.csrf("/support-requests")).headers().firstValue("Location")
                .orElse("")).endsWith("/support-requests?status=ACTIVE");
        assertThat(web.get("/support-requests?status=ACTIVE").body()).contains("Cần tên tổ chức hoặc người nhận hỗ trợ");
        web.post(take, "handledBy=" + WebSession.encode("Hội Phụ nữ phường") + "&_csrf=" + web.csrf("/support-requests"));
        var after = web.get("/support-requests").body();
        assertThat(after).contains("Đã cập nhật yêu cầu", "Hội Phụ nữ phường", "Đã hỗ trợ");
        web.post("/support-requests/" + id + "/done", "note=&_csrf=" + web.csrf("/support-requests"));
        assertThat(web.get("/support-requests?status=DONE").body()).contains(name);
        assertThat(api.get("/api/v1/support-requests?status=DONE").body().get("items").get(0).get("handledBy").asString())
                .isEqualTo("Hội Phụ nữ phường");

        // The menu shows the page only to those who may read it.
        WebSession numbers = WebSession.logIn(port, account("PROVINCE", "42", "ANALYST"), PASSWORD);
        assertThat(numbers.get("/").body()).doesNotContain("href=\"/support-requests\"");
        assertThat(numbers.get("/support-requests").statusCode()).isEqualTo(403);
    }
}

package vn.phaodai.tracing;

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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiers derived from contacts and cases (F0 → F1 → F2), promotion and fall-back, the definitions by date, follow-up, jurisdiction. */
@PhaodaiIT
class TracingIT {

    static final String COMMUNE = "18073";
    static final String ELSEWHERE = "00001";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tiers tiers;

    TestApi admin;
    CaseFixture cases;

    @BeforeEach
    void setUp() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        cases = new CaseFixture(admin, jdbc);
    }

    private void contact(long source, long exposed, LocalDate on, String proximity) {
        var r = admin.post("/api/v1/contacts", Map.of("sourcePersonId", source, "exposedPersonId", exposed, "exposureDate", on.toString(),
                "setting", "HOUSEHOLD", "proximity", proximity, "masked", false, "durationMinutes", 30, "place", "Nhà riêng"));
        assertThat(r.status()).as(r.text()).isIn(200, 201);
    }

    private JsonNode tier(long person) {
        var r = admin.get("/api/v1/persons/" + person + "/tier");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private static String tierOf(JsonNode t) {
        return t.get("tier").isNull() ? null : t.get("tier").asString();
    }

    private static List<Long> via(JsonNode t) {
        List<Long> ids = new ArrayList<>();
        t.get("via").forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    @Test
    void tiersAreDerivedPromotedAndFallBack() {
        long a = cases.person(COMMUNE, null), b = cases.person(COMMUNE, null), c = cases.person(COMMUNE, null), d = cases.person(COMMUNE, null);
        long caseA = cases.confirmed(a, COMMUNE, null, LocalDate.of(2021, 9, 10));
        contact(a, b, LocalDate.of(2021, 9, 9), "WITHIN_2M");
        contact(b, c, LocalDate.of(2021, 9, 11), "PHYSICAL");
        contact(c, d, LocalDate.of(2021, 9, 12), "PHYSICAL");
        assertThat(tierOf(tier(a))).isEqualTo("F0");
        assertThat(tierOf(tier(b))).isEqualTo("F1");
        assertThat(via(tier(b))).containsExactly(a, b);
        assertThat(tierOf(tier(c))).isEqualTo("F2");
        assertThat(via(tier(c))).containsExactly(a, b, c);
        assertThat(tierOf(tier(d))).isNull();
        var list = admin.get("/api/v1/cases/" + caseA + "/contacts").body();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("tier").asString()).isEqualTo("F1");
        assertThat(list.get("items").get(1).get("tier").asString()).isEqualTo("F2");

        // The F1 tests positive: F0, and its contacts become F1, theirs F2.
        long caseB = cases.confirmed(b, COMMUNE, null, LocalDate.of(2021, 9, 13));
        assertThat(tierOf(tier(b))).isEqualTo("F0");
        assertThat(tierOf(tier(c))).isEqualTo("F1");
        assertThat(via(tier(c))).containsExactly(b, c);
        assertThat(tierOf(tier(d))).isEqualTo("F2");
        assertThat(via(tier(d))).containsExactly(b, c, d);
        assertThat(admin.get("/api/v1/cases/" + caseA + "/contacts").body().get("total").asInt()).isZero();
        var chain = admin.get("/api/v1/cases/" + caseB + "/chain").body();
        assertThat(chain.get("cases").asInt()).isEqualTo(2);
        assertThat(chain.get("nodes").size()).isEqualTo(4);
        assertThat(chain.get("edges").size()).isEqualTo(3);
        var summary = admin.get("/api/v1/chains").body();
        assertThat(summary.get("total").asInt()).isEqualTo(1);
        assertThat(summary.get("items").get(0).get("rootCaseId").asLong()).isEqualTo(caseA);
        assertThat(summary.get("items").get(0).get("cases").asInt()).isEqualTo(2);
        assertThat(summary.get("items").get(0).get("generations").asInt()).isEqualTo(2);

        // The laboratory corrects b's result: the case is discarded and the tiers fall back.
        cases.discarded(caseB);
        assertThat(tierOf(tier(b))).isEqualTo("F1");
        assertThat(tierOf(tier(c))).isEqualTo("F2");
        assertThat(via(tier(c))).containsExactly(a, b, c);
        assertThat(tierOf(tier(d))).isNull();

        // The full recompute finds the same.
        long before = jdbc.sql("select count(*) from person_tier").query(Long.class).single();
        Tiers.Recomputed r = vn.phaodai.security.CurrentUser.asSystem(tiers::recomputeAll);
        assertThat(r.f0() + r.f1() + r.f2()).isEqualTo(before);
        assertThat(tierOf(tier(c))).isEqualTo("F2");
    }

    @Test
    void theDefinitionInForceOnTheExposureDayDecides() {
        // August 2021 (3638/QĐ-BYT): within 2 m is F1, and F2 are traced.
        long e = cases.person(COMMUNE, null), f = cases.person(COMMUNE, null), g = cases.person(COMMUNE, null);
        cases.confirmed(e, COMMUNE, null, LocalDate.of(2021, 8, 10));
        contact(e, f, LocalDate.of(2021, 8, 9), "WITHIN_2M");
        contact(f, g, LocalDate.of(2021, 8, 10), "WITHIN_2M");
        assertThat(tierOf(tier(f))).isEqualTo("F1");
        assertThat(tierOf(tier(g))).isEqualTo("F2");
        assertThat(tier(f).get("document").asString()).contains("3638");

        // After 15 April 2022 (1909/BYT-DP): 1 m, and no F2.
        long h = cases.person(COMMUNE, null), i = cases.person(COMMUNE, null), j = cases.person(COMMUNE, null), k = cases.person(COMMUNE, null);
        cases.confirmed(h, COMMUNE, null, LocalDate.of(2022, 5, 10));
        contact(h, i, LocalDate.of(2022, 5, 9), "WITHIN_2M");
        contact(h, j, LocalDate.of(2022, 5, 9), "WITHIN_1M");
        contact(j, k, LocalDate.of(2022, 5, 10), "WITHIN_1M");
        assertThat(tierOf(tier(i))).isNull();
        assertThat(tierOf(tier(j))).isEqualTo("F1");
        assertThat(tier(j).get("document").asString()).contains("1909");
        assertThat(tierOf(tier(k))).isNull();

        // Before the infectious period (more than 2 days before the positive sample), no F1.
        long l = cases.person(COMMUNE, null);
        contact(e, l, LocalDate.of(2021, 8, 1), "PHYSICAL");
        assertThat(tierOf(tier(l))).isNull();
    }

    @Test
    void contactsAreIdempotentAndEnteredInQuickLines() {
        long a = cases.person(COMMUNE, null), b = cases.person(COMMUNE, null);
        long caseA = cases.confirmed(a, COMMUNE, null, TODAY.minusDays(3));
        Map<String, Object> body = Map.of("sourcePersonId", a, "exposedPersonId", b, "exposureDate", TODAY.minusDays(2).toString(),
                "proximity", "PHYSICAL");
        var first = admin.post("/api/v1/contacts", body);
        var again = admin.post("/api/v1/contacts", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(admin.post("/api/v1/contacts", Map.of("sourcePersonId", a, "exposedPersonId", b, "exposureDate", "hôm qua"))
                .status()).isEqualTo(400);

        Map<String, Object> newcomer = new HashMap<>(Map.of("fullName", "Lê Thị Hoa", "birthYear", 1992, "sex", "Nữ",
                "nationalId", "042192000777", "phone", "0912345678"));
        var lines = admin.post("/api/v1/cases/" + caseA + "/contacts", Map.of(
                "details", Map.of("exposureDate", TODAY.minusDays(1).toString(), "setting", "WORKPLACE", "proximity", "WITHIN_1M"),
                "lines", List.of(Map.of("personId", b), newcomer, newcomer, Map.of("personId", 999_999))));
        assertThat(lines.status()).as(lines.text()).isEqualTo(200);
        assertThat(lines.body().get(0).get("status").asString()).isEqualTo("EXISTING_PERSON");
        assertThat(lines.body().get(1).get("status").asString()).isEqualTo("NEW_PERSON");
        assertThat(lines.body().get(2).get("status").asString()).isEqualTo("UNCHANGED");
        assertThat(lines.body().get(2).get("personId").asLong()).isEqualTo(lines.body().get(1).get("personId").asLong());
        assertThat(lines.body().get(3).get("status").asString()).isEqualTo("REJECTED");
        assertThat(tierOf(tier(lines.body().get(1).get("personId").asLong()))).isEqualTo("F1");
        assertThat(admin.get("/api/v1/cases/" + caseA + "/contacts?tier=F1").body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void theDailyFollowUpListsWhoToCallAndWhoWasMissed() {
        long village = admin.post("/api/v1/geography/communes/" + COMMUNE + "/villages", Map.of("name", "Thôn Theo Dõi " + System.nanoTime()))
                .body().get("id").asLong();
        long a = cases.person(COMMUNE, village), b = cases.person(COMMUNE, village), old = cases.person(COMMUNE, village);
        cases.confirmed(a, COMMUNE, village, TODAY.minusDays(30));
        long caseNow = cases.confirmed(cases.person(COMMUNE, village), COMMUNE, village, TODAY.minusDays(3));
        long source = jdbc.sql("select person_id from covid_case where id = ?").param(caseNow).query(Long.class).single();
        contact(source, b, TODAY.minusDays(2), "PHYSICAL");
        contact(a, old, TODAY.minusDays(29), "PHYSICAL");
        assertThat(tierOf(tier(old))).isEqualTo("F1");

        var lists = admin.get("/api/v1/follow-ups?commune=" + COMMUNE + "&village=" + village + "&date=" + TODAY).body();
        assertThat(ids(lists.get("due"))).containsExactly(b);
        assertThat(ids(lists.get("missedYesterday"))).containsExactly(b);
        var done = admin.post("/api/v1/follow-ups", Map.of("personId", b, "date", TODAY.minusDays(1).toString(), "kind", "CALL", "outcome", "WELL"));
        assertThat(done.status()).as(done.text()).isEqualTo(201);
        lists = admin.get("/api/v1/follow-ups?village=" + village + "&date=" + TODAY).body();
        assertThat(ids(lists.get("missedYesterday"))).isEmpty();
        assertThat(lists.get("due").get("items").get(0).get("kind").isNull()).isTrue();

        // The community team of the village sees the same list; of another village, nothing.
        TestApi team = user("VILLAGE", String.valueOf(village), "COMMUNITY_TEAM");
        assertThat(ids(team.get("/api/v1/follow-ups?date=" + TODAY).body().get("due"))).containsExactly(b);
    }

    @Test
    void anOfficerOfAnotherCommuneGets404() {
        long a = cases.person(COMMUNE, null), b = cases.person(COMMUNE, null);
        long caseA = cases.confirmed(a, COMMUNE, null, LocalDate.of(2021, 9, 10));
        contact(a, b, LocalDate.of(2021, 9, 9), "PHYSICAL");
        TestApi other = user("COMMUNE", ELSEWHERE, "COMMUNE_OFFICER");
        TestApi mine = user("COMMUNE", COMMUNE, "COMMUNE_OFFICER");
        assertThat(other.get("/api/v1/persons/" + b + "/tier").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/cases/" + caseA + "/contacts").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/cases/" + caseA + "/chain").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/contacts", Map.of("sourcePersonId", a, "exposedPersonId", b, "exposureDate", "2021-09-08")).status())
                .isEqualTo(404);
        assertThat(mine.get("/api/v1/persons/" + b + "/tier").body().get("tier").asString()).isEqualTo("F1");
        assertThat(mine.get("/api/v1/cases/" + caseA + "/contacts").body().get("total").asInt()).isEqualTo(1);
        assertThat(user("PROVINCE", "42", "ANALYST").get("/api/v1/persons/" + b + "/tier").status()).isEqualTo(403);
    }

    @Test
    void contactsAndChainsStayInsideTheTracersArea() {
        long a = cases.person(COMMUNE, null), b = cases.person(COMMUNE, null), away = cases.person(ELSEWHERE, null);
        long caseA = cases.confirmed(a, COMMUNE, null, LocalDate.of(2021, 9, 10));
        contact(a, b, LocalDate.of(2021, 9, 9), "PHYSICAL");
        TestApi mine = user("COMMUNE", COMMUNE, "COMMUNE_OFFICER");

        var foreign = mine.post("/api/v1/contacts", Map.of("sourcePersonId", a, "exposedPersonId", away, "exposureDate", "2021-09-09"));
        var missing = mine.post("/api/v1/contacts", Map.of("sourcePersonId", a, "exposedPersonId", 999_999, "exposureDate", "2021-09-09"));
        assertThat(foreign.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(foreign.text().replace(String.valueOf(away), "#")).isEqualTo(missing.text().replace("999999", "#"));
        assertThat(jdbc.sql("select count(*) from contact where exposed_person_id = ?").param(away).query(Long.class).single()).isZero();

        // The province's tracer links them; the commune's officer sees that person only as a node of the chain.
        contact(a, away, LocalDate.of(2021, 9, 9), "PHYSICAL");
        JsonNode nodes = mine.get("/api/v1/cases/" + caseA + "/chain").body().get("nodes");
        for (JsonNode n : nodes) {
            boolean outside = n.get("personId").asLong() == away;
            assertThat(n.get("tier").isNull()).as(n.toString()).isEqualTo(outside);
            assertThat(n.get("name").isNull()).as(n.toString()).isEqualTo(outside);
        }
        assertThat(nodes.size()).isEqualTo(3);
    }

    @Test
    void aClusterClosesOnlyAfterTheQuietDays() {
        long caseA = cases.freshCase(COMMUNE, null, TODAY.minusDays(2));
        var opened = admin.post("/api/v1/clusters", Map.of("name", "Chợ Hà Tĩnh", "kind", "MARKET", "communeCode", COMMUNE,
                "openedOn", TODAY.minusDays(5).toString()));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long id = opened.body().get("id").asLong();
        assertThat(admin.post("/api/v1/clusters/" + id + "/cases", Map.of("caseId", caseA)).body().get("cases").asInt()).isEqualTo(1);
        var refused = admin.post("/api/v1/clusters/" + id + "/close", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        var quiet = admin.post("/api/v1/clusters", Map.of("name", "Công ty May", "kind", "ENTERPRISE", "communeCode", COMMUNE,
                "openedOn", TODAY.minusDays(20).toString())).body().get("id").asLong();
        assertThat(admin.get("/api/v1/clusters/" + quiet).body().get("cluster").get("closable").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/clusters/" + quiet + "/close", Map.of()).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/clusters?open=true").body().get("total").asInt()).isEqualTo(1);
        assertThat(user("COMMUNE", ELSEWHERE, "COMMUNE_OFFICER").get("/api/v1/clusters/" + id).status()).isEqualTo(404);
    }

    @Test
    void aFileOfContactsIsImportedWithItsRefusedLines() throws Exception {
        long a = cases.person(COMMUNE, null), b = cases.person(COMMUNE, null), c = cases.person(COMMUNE, null);
        cases.confirmed(a, COMMUNE, null, LocalDate.of(2021, 9, 10));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("contacts", ".csv");
        java.nio.file.Files.writeString(file, String.join("\n",
                "Mã người nguồn,Mã người tiếp xúc,Ngày tiếp xúc,Bối cảnh,Mức độ tiếp xúc,Số phút,Đeo khẩu trang",
                a + "," + b + ",09/09/2021,Hộ gia đình,Tiếp xúc cơ thể,30,",
                a + "," + b + ",09/09/2021,HOUSEHOLD,PHYSICAL,30,",
                b + "," + c + ",11/09/2021,WORKPLACE,WITHIN_2M,60,x",
                a + ",999999,09/09/2021,,,,",
                a + "," + c + ",hôm qua,,,,") + "\n");
        var submitted = admin.upload("/api/v1/contacts/import", file);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String job = submitted.body().get("jobId").asString();
        JsonNode status = null;
        for (int i = 0; i < 100; i++) {
            status = admin.get("/api/v1/jobs/" + job).body();
            if (status.get("status").asString().equals("DONE") || status.get("status").asString().equals("FAILED")) break;
            Thread.sleep(100);
        }
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.get("rowsRejected").asInt()).isEqualTo(2);
        var rejections = admin.get("/api/v1/jobs/" + job + "/rejections").body().get("items");
        assertThat(rejections.get(0).get("line").asInt()).isEqualTo(5);
        assertThat(rejections.get(1).get("line").asInt()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from contact").query(Long.class).single()).isEqualTo(2);
        assertThat(tierOf(tier(b))).isEqualTo("F1");
        assertThat(tierOf(tier(c))).isEqualTo("F2");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(n -> ids.add(n.get("personId").asLong()));
        return ids;
    }

    private TestApi user(String level, String code, String role) {
        String name = "tv-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        var r = admin.post("/api/v1/users", Map.of("username", name, "password", "Mat-khau-truy-vet-9", "roles", List.of(role),
                "jurisdiction", Map.of("level", level, "codes", List.of(code))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new TestApi(port, name, "Mat-khau-truy-vet-9");
    }
}

package vn.phaodai.testing;

import vn.phaodai.testing.screening.FactoryTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign over one village of Phường Nam Hà: who is counted, who is sampled, who and which households are missed. */
@PhaodaiIT
class CampaignCoverageIT {

    static final String COMMUNE = "18073";
    static final String OTHER_COMMUNE = "18070";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    TestingFixture fx;

    long villageA;
    long villageB;
    long complete1, complete2, complete3;   // household 1: everybody sampled
    long partSampled, partMissed;           // household 2: one of two sampled
    long missed1, missed2;                  // household 3: nobody sampled ("hộ sót")
    long household3;
    long alone;                             // in the village, no household, not sampled
    long elsewhere;                         // another village of the commune: not in the campaign
    long campaign;

    @BeforeEach
    void area() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        fx = new TestingFixture(admin, jdbc, port);
        villageA = fx.village(COMMUNE, "Tổ dân phố Sàng Lọc");
        villageB = fx.village(COMMUNE, "Tổ dân phố Bên Cạnh");
        long h1 = fx.household(COMMUNE, villageA, "Số 1 ngõ 3");
        long h2 = fx.household(COMMUNE, villageA, "Số 2 ngõ 3");
        household3 = fx.household(COMMUNE, villageA, "Số 3 ngõ 3");
        complete1 = fx.person("Nguyễn Văn An", COMMUNE, villageA, h1, null);
        complete2 = fx.person("Nguyễn Văn Bình", COMMUNE, villageA, h1, null);
        complete3 = fx.person("Nguyễn Văn Cường", COMMUNE, villageA, h1, null);
        partSampled = fx.person("Trần Văn Dũng", COMMUNE, villageA, h2, null);
        partMissed = fx.person("Trần Văn Hải", COMMUNE, villageA, h2, null);
        missed1 = fx.person("Lê Văn Khánh", COMMUNE, villageA, household3, null);
        missed2 = fx.person("Lê Văn Long", COMMUNE, villageA, household3, null);
        alone = fx.person("Phạm Văn Minh", COMMUNE, villageA, null, null);
        elsewhere = fx.person("Hoàng Văn Nam", COMMUNE, villageB, null, null);

        LocalDate today = LocalDate.now(FactoryTesting.ZONE);
        var created = admin.post("/api/v1/campaigns", Map.of("name", "Sàng lọc tổ dân phố", "communeCodes", List.of(COMMUNE),
                "villageIds", List.of(villageA), "startsOn", today.minusDays(1).toString(), "endsOn", today.plusDays(2).toString(),
                "testType", "PCR", "poolSize", 5));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        campaign = created.body().get("id").asLong();

        for (long p : List.of(complete1, complete2, complete3, partSampled)) fx.sample(p, today, campaign);
        fx.sample(complete1, today, campaign);    // sampled twice: still one person
        fx.sample(elsewhere, today, campaign);    // outside the campaign's villages: not counted
        fx.sample(missed1, today, null);          // a test outside the campaign does not cover it
    }

    @Test
    void coverageCountsPersonsAndHouseholdsOfTheVillage() {
        JsonNode report = admin.get("/api/v1/campaigns/" + campaign).body();
        assertThat(report.get("campaign").get("name").asString()).isEqualTo("Sàng lọc tổ dân phố");
        JsonNode total = report.get("total");
        assertThat(total.get("persons").asLong()).isEqualTo(8);
        assertThat(total.get("sampled").asLong()).isEqualTo(4);
        assertThat(total.get("coveragePercent").asDouble()).isEqualTo(50.0);
        assertThat(total.get("households").asLong()).isEqualTo(3);
        assertThat(total.get("unsampledHouseholds").asLong()).isEqualTo(1);
        assertThat(total.get("sampledHouseholds").asLong()).isEqualTo(1);
        assertThat(report.get("villages")).hasSize(1);
        JsonNode village = report.get("villages").get(0);
        assertThat(village.get("villageId").asLong()).isEqualTo(villageA);
        assertThat(village.get("villageName").asString()).isEqualTo("Tổ dân phố Sàng Lọc");
        assertThat(village.get("persons").asLong()).isEqualTo(8);
    }

    @Test
    void theUnsampledListHoldsExactlyThoseMissedInOrder() {
        JsonNode page = admin.get("/api/v1/campaigns/" + campaign + "/unsampled").body();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(ids(page)).containsExactly(partMissed, missed1, missed2, alone);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("fullName").asString()).isEqualTo("Trần Văn Hải");
        assertThat(first.get("birthYear").asInt()).isEqualTo(1980);
        assertThat(first.get("villageName").asString()).isEqualTo("Tổ dân phố Sàng Lọc");
        assertThat(first.get("address").asString()).isNotBlank();

        assertThat(ids(admin.get("/api/v1/campaigns/" + campaign + "/unsampled?size=2&page=1").body())).containsExactly(missed2, alone);
        assertThat(admin.get("/api/v1/campaigns/" + campaign + "/unsampled?village=" + villageA).body().get("total").asLong()).isEqualTo(4);
        assertThat(admin.get("/api/v1/campaigns/" + campaign + "/unsampled?village=0").body().get("total").asLong()).isZero();

        var export = admin.get("/api/v1/campaigns/" + campaign + "/unsampled/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).startsWith("PK");
    }

    @Test
    void onlyTheHouseholdWithNobodySampledIsMissed() {
        JsonNode page = admin.get("/api/v1/campaigns/" + campaign + "/unsampled-households").body();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode h = page.get("items").get(0);
        assertThat(h.get("householdId").asLong()).isEqualTo(household3);
        assertThat(h.get("members").asInt()).isEqualTo(2);
        assertThat(h.get("villageName").asString()).isEqualTo("Tổ dân phố Sàng Lọc");
        assertThat(h.get("memberNames").asString()).contains("Lê Văn Khánh", "Lê Văn Long");
    }

    @Test
    void aCampaignOverTheWholeCommuneCountsEveryVillageAndThoseWithout() {
        LocalDate today = LocalDate.now(FactoryTesting.ZONE);
        long whole = admin.post("/api/v1/campaigns", Map.of("name", "Toàn phường", "communeCodes", List.of(COMMUNE),
                "startsOn", today.toString(), "endsOn", today.toString(), "testType", "RAPID")).body().get("id").asLong();
        long noVillage = fx.person("Vũ Văn Phúc", COMMUNE, null, null, null);
        fx.sample(noVillage, today, whole);
        JsonNode report = admin.get("/api/v1/campaigns/" + whole).body();
        assertThat(report.get("total").get("persons").asLong()).isEqualTo(10);
        assertThat(report.get("total").get("sampled").asLong()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        report.get("villages").forEach(v -> names.add(v.get("villageName").asString()));
        assertThat(names).containsExactly("Tổ dân phố Bên Cạnh", "Tổ dân phố Sàng Lọc", "Chưa rõ thôn/tổ");
    }

    @Test
    void usersSeeOnlyCampaignsOfTheirJurisdiction() {
        TestApi elsewhereOfficer = fx.user("COMMUNE_OFFICER", "COMMUNE", List.of(OTHER_COMMUNE));
        assertThat(elsewhereOfficer.get("/api/v1/campaigns/" + campaign).status()).isEqualTo(404);
        assertThat(elsewhereOfficer.get("/api/v1/campaigns/" + campaign + "/unsampled").status()).isEqualTo(404);
        assertThat(elsewhereOfficer.get("/api/v1/campaigns").body().get("total").asLong()).isZero();

        TestApi officer = fx.user("COMMUNE_OFFICER", "COMMUNE", List.of(COMMUNE));
        assertThat(officer.get("/api/v1/campaigns/" + campaign).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/campaigns").body().get("total").asLong()).isEqualTo(1);

        // A care team of the campaign's village sees it; one of the neighbouring village does not.
        TestApi careA = fx.user("CARE_TEAM", "VILLAGE", List.of(String.valueOf(villageA)));
        TestApi careB = fx.user("CARE_TEAM", "VILLAGE", List.of(String.valueOf(villageB)));
        assertThat(careA.get("/api/v1/campaigns/" + campaign).body().get("total").get("persons").asLong()).isEqualTo(8);
        assertThat(careB.get("/api/v1/campaigns/" + campaign).status()).isEqualTo(404);
    }

    @Test
    void badCampaignsAreRefusedNamingTheField() {
        LocalDate today = LocalDate.now(FactoryTesting.ZONE);
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", " ");
        bad.put("communeCodes", List.of());
        bad.put("startsOn", today.toString());
        bad.put("endsOn", today.minusDays(1).toString());
        bad.put("testType", "RAPID");
        assertThat(fields(admin.post("/api/v1/campaigns", bad))).containsExactlyInAnyOrder("name", "communeCodes", "endsOn");

        Map<String, Object> foreignVillage = new HashMap<>(Map.of("name", "Sai thôn", "communeCodes", List.of("00001"),
                "villageIds", List.of(villageA), "startsOn", today.toString(), "endsOn", today.toString(), "testType", "RAPID"));
        assertThat(fields(admin.post("/api/v1/campaigns", foreignVillage))).containsExactly("villageIds");

        Map<String, Object> unknown = new HashMap<>(foreignVillage);
        unknown.put("communeCodes", List.of("99999"));
        unknown.put("villageIds", List.of());
        var r = admin.post("/api/v1/campaigns", unknown);
        assertThat(fields(r)).containsExactly("communeCodes");
        assertThat(r.text()).contains("Không có phường/xã mã 99999");

        TestApi officer = fx.user("COMMUNE_OFFICER", "COMMUNE", List.of(COMMUNE));
        Map<String, Object> outside = new HashMap<>(unknown);
        outside.put("communeCodes", List.of(OTHER_COMMUNE));
        assertThat(officer.post("/api/v1/campaigns", outside).status()).isEqualTo(403);
        outside.put("communeCodes", List.of(COMMUNE));
        assertThat(officer.post("/api/v1/campaigns", outside).status()).isEqualTo(201);

        // Villages alone: the campaign takes their commune.
        var villagesAlone = admin.post("/api/v1/campaigns", Map.of("name", "Chỉ thôn", "villageIds", List.of(villageB),
                "startsOn", today.toString(), "endsOn", today.toString(), "testType", "RAPID"));
        assertThat(villagesAlone.status()).as(villagesAlone.text()).isEqualTo(201);
        assertThat(villagesAlone.body().get("communeCodes").get(0).asString()).isEqualTo(COMMUNE);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(p -> ids.add(p.get("id").asLong()));
        return ids;
    }

    private static List<String> fields(TestApi.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields.stream().distinct().toList();
    }
}

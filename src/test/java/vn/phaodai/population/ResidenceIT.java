package vn.phaodai.population;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Moves, arrivals and deaths on the real database: who counts where on a day, the history, the commune's lists. */
@PhaodaiIT
class ResidenceIT {

    /** Phường Nam Hà and Phường Trần Phú (thành phố Hà Tĩnh); Phường Phúc Xá, Hà Nội. */
    static final String NAM_HA = "18073";
    static final String TRAN_PHU = "18070";
    static final String PHUC_XA = "00001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Residents residents;
    TestApi admin;
    Registry registry;

    @BeforeEach
    void emptyRegistry() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        registry = new Registry(admin);
    }

    private long count(String commune, String day) {
        return residents.count(List.of(commune), List.of(), LocalDate.parse(day));
    }

    private TestApi.Response move(TestApi api, long person, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) body.put((String) fields[i], fields[i + 1]);
        return api.post("/api/v1/persons/" + person + "/moves", body);
    }

    private long village(String commune, String name) {
        var r = admin.post("/api/v1/geography/communes/" + commune + "/villages", Map.of("name", name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void aMoveAwayCountsForTheOldCommuneBeforeItsDateAndForTheNewOneFromIt() {
        long p = registry.person(NAM_HA, null);
        assertThat(count(NAM_HA, "2000-01-01")).as("no since-date: counted from always").isEqualTo(1);
        var moved = move(admin, p, "kind", "MOVE_AWAY", "date", "10/08/2021", "toCommune", TRAN_PHU);
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        assertThat(count(NAM_HA, "2021-08-09")).isEqualTo(1);
        assertThat(count(NAM_HA, "2021-08-10")).isZero();
        assertThat(count(TRAN_PHU, "2021-08-09")).isZero();
        assertThat(count(TRAN_PHU, "2021-08-10")).isEqualTo(1);
        assertThat(admin.get("/api/v1/persons/" + p).body().get("communeCode").asString()).isEqualTo(TRAN_PHU);

        long q = registry.person(TRAN_PHU, null);
        assertThat(move(admin, q, "kind", "MOVE_AWAY", "date", "2021-08-20", "toPlace", "01").status()).isEqualTo(201);
        assertThat(count(TRAN_PHU, "2021-08-19")).isEqualTo(2);
        assertThat(count(TRAN_PHU, "2021-08-20")).as("left the province").isEqualTo(1);
        // The same answer in SQL, for modules that join it.
        assertThat(jdbc.sql("select count(*) from residents_on(date '2021-08-19') where commune_code = ?").param(TRAN_PHU)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anArrivalCountsForTheCommuneFromItsDate() {
        long p = registry.person(NAM_HA, null);
        var arrived = move(admin, p, "kind", "ARRIVE", "date", "15/08/2021", "fromPlace", "79", "fromLevel", 4,
                "residenceKind", "TEMPORARY");
        assertThat(arrived.status()).as(arrived.text()).isEqualTo(201);
        assertThat(arrived.body().get("placeLevel").asInt()).isEqualTo(4);
        assertThat(count(NAM_HA, "2021-08-14")).isZero();
        assertThat(count(NAM_HA, "2021-08-15")).isEqualTo(1);
        assertThat(jdbc.sql("select residence_kind from residents_on(date '2021-08-15')").query(String.class).single())
                .isEqualTo("TEMPORARY");
    }

    @Test
    void deathEndsCounting() {
        long p = registry.person(NAM_HA, null);
        var died = admin.post("/api/v1/persons/" + p + "/death", Map.of("date", "01/09/2021"));
        assertThat(died.status()).as(died.text()).isEqualTo(201);
        assertThat(count(NAM_HA, "2021-08-31")).isEqualTo(1);
        assertThat(count(NAM_HA, "2021-09-01")).isZero();
        assertThat(count(NAM_HA, "2030-01-01")).isZero();
        assertThat(admin.post("/api/v1/persons/" + p + "/death", Map.of("date", "01/09/2021")).status()).as("a retry").isEqualTo(200);
        assertThat(admin.post("/api/v1/persons/" + p + "/death", Map.of("date", "02/09/2021")).status()).isEqualTo(409);
        assertThat(move(admin, p, "kind", "MOVE_AWAY", "date", "05/09/2021", "toPlace", "01").status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/persons/" + p + "/residence").body().get("diedOn").asString()).isEqualTo("2021-09-01");
    }

    @Test
    void theHistoryListsPeriodsInOrder() {
        long p = registry.person(NAM_HA, null);
        assertThat(move(admin, p, "kind", "ARRIVE", "date", "01/07/2021", "fromPlace", "79", "fromLevel", 3,
                "residenceKind", "TEMPORARY").status()).isEqualTo(201);
        assertThat(move(admin, p, "kind", "CHANGE_KIND", "date", "01/08/2021", "residenceKind", "PERMANENT").status()).isEqualTo(201);
        assertThat(move(admin, p, "kind", "MOVE_AWAY", "date", "01/09/2021", "toCommune", TRAN_PHU).status()).isEqualTo(201);
        assertThat(move(admin, p, "kind", "MOVE_AWAY", "date", "01/08/2021", "toCommune", NAM_HA).status())
                .as("before the last change").isEqualTo(400);

        JsonNode h = admin.get("/api/v1/persons/" + p + "/residence").body();
        JsonNode periods = h.get("periods");
        assertThat(periods).hasSize(3);
        assertThat(periods.get(0).get("communeCode").asString()).isEqualTo(NAM_HA);
        assertThat(periods.get(0).get("kind").asString()).isEqualTo("TEMPORARY");
        assertThat(periods.get(0).get("since").asString()).isEqualTo("2021-07-01");
        assertThat(periods.get(0).get("until").asString()).isEqualTo("2021-08-01");
        assertThat(periods.get(0).get("endedBy").asString()).isEqualTo("CHANGE_KIND");
        assertThat(periods.get(1).get("kind").asString()).isEqualTo("PERMANENT");
        assertThat(periods.get(1).get("until").asString()).isEqualTo("2021-09-01");
        assertThat(periods.get(1).get("endedBy").asString()).isEqualTo("MOVE_AWAY");
        assertThat(periods.get(1).get("endedTo").asString()).isEqualTo(TRAN_PHU);
        assertThat(periods.get(2).get("communeCode").asString()).isEqualTo(TRAN_PHU);
        assertThat(periods.get(2).get("communeName").asString()).isEqualTo("Phường Trần Phú");
        assertThat(periods.get(2).get("until").isNull()).isTrue();
        assertThat(h.get("changes")).hasSize(3);
        assertThat(count(NAM_HA, "2021-07-31")).isEqualTo(1);
        assertThat(count(NAM_HA, "2021-06-30")).isZero();
    }

    @Test
    void arrivalsAreListedByVillageAndFilteredByLevel() {
        long thon1 = village(NAM_HA, "Tổ dân phố 1");
        long thon2 = village(NAM_HA, "Tổ dân phố 2");
        long fromHcm = registry.person(NAM_HA, thon2);
        long fromHanoi = registry.person(NAM_HA, thon1);
        long unknownLevel = registry.person(NAM_HA, thon1);
        long fromTranPhu = registry.person(TRAN_PHU, null);
        assertThat(move(admin, fromHcm, "kind", "ARRIVE", "date", "2021-08-02", "fromPlace", "79", "fromLevel", 4).status()).isEqualTo(201);
        assertThat(move(admin, fromHanoi, "kind", "ARRIVE", "date", "2021-08-03", "fromPlace", "001", "fromLevel", 2).status()).isEqualTo(201);
        assertThat(move(admin, unknownLevel, "kind", "ARRIVE", "date", "2021-08-01", "fromPlace", "01").status()).isEqualTo(201);
        assertThat(move(admin, fromTranPhu, "kind", "MOVE_AWAY", "date", "2021-08-04", "toCommune", NAM_HA, "toVillage", thon2).status())
                .isEqualTo(201);

        JsonNode all = admin.get("/api/v1/communes/" + NAM_HA + "/arrivals").body();
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(ids(all)).containsExactly(unknownLevel, fromHanoi, fromHcm, fromTranPhu);
        assertThat(all.get("items").get(0).get("villageName").asString()).isEqualTo("Tổ dân phố 1");
        assertThat(all.get("items").get(1).get("placeName").asString()).isEqualTo("Quận Ba Đình");
        assertThat(all.get("items").get(3).get("placeName").asString()).isEqualTo("Phường Trần Phú");

        JsonNode severe = admin.get("/api/v1/communes/" + NAM_HA + "/arrivals?minLevel=3").body();
        assertThat(ids(severe)).containsExactly(fromHcm);
        assertThat(severe.get("items").get(0).get("placeName").asString()).isEqualTo("Thành phố Hồ Chí Minh");
        assertThat(ids(admin.get("/api/v1/communes/" + NAM_HA + "/arrivals?minLevel=2&from=2021-08-03&to=2021-08-31").body()))
                .containsExactly(fromHanoi);
        JsonNode paged = admin.get("/api/v1/communes/" + NAM_HA + "/arrivals?size=1&page=1").body();
        assertThat(paged.get("total").asLong()).isEqualTo(4);
        assertThat(ids(paged)).containsExactly(fromHanoi);

        JsonNode left = admin.get("/api/v1/communes/" + TRAN_PHU + "/departures?from=2021-08-01").body();
        assertThat(ids(left)).containsExactly(fromTranPhu);
        assertThat(left.get("items").get(0).get("placeName").asString()).isEqualTo("Phường Nam Hà");
        assertThat(admin.get("/api/v1/communes/" + TRAN_PHU + "/departures?to=2021-08-03").body().get("total").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LIST' and details::text like '%arrivalsOf%'")
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void theSameMovePostedTwiceIsOne() {
        long p = registry.person(NAM_HA, null);
        var first = move(admin, p, "kind", "MOVE_AWAY", "date", "2021-08-10", "toCommune", TRAN_PHU);
        var again = move(admin, p, "kind", "MOVE_AWAY", "date", "10/08/2021", "toCommune", TRAN_PHU);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(jdbc.sql("select count(*) from residence_change where person_id = ?").param(p).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from residence_period where person_id = ?").param(p).query(Long.class).single()).isEqualTo(1);
        assertThat(move(admin, p, "kind", "MOVE_AWAY", "date", "2021-08-10", "toPlace", "01").status())
                .as("another move on the same day").isEqualTo(409);
        assertThat(count(TRAN_PHU, "2021-08-10")).isEqualTo(1);
    }

    @Test
    void aCommuneMovesOnlyItsOwnAndMayMoveThemAnywhere() {
        TestApi officer = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", NAM_HA);
        long outside = registry.person(PHUC_XA, null);
        assertThat(move(officer, outside, "kind", "MOVE_AWAY", "date", "2021-08-10", "toPlace", "01").status()).isEqualTo(404);
        assertThat(officer.post("/api/v1/persons/" + outside + "/death", Map.of("date", "2021-08-10")).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/persons/" + outside + "/residence").status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/communes/" + PHUC_XA + "/arrivals").status()).isEqualTo(404);
        assertThat(move(officer, 987654321L, "kind", "MOVE_AWAY", "date", "2021-08-10", "toPlace", "01").status()).isEqualTo(404);

        long own = registry.person(NAM_HA, null);
        assertThat(move(officer, own, "kind", "MOVE_AWAY", "date", "2021-08-10", "toCommune", TRAN_PHU).status())
                .as("the destination needs no right of the officer").isEqualTo(201);
        assertThat(officer.get("/api/v1/persons/" + own).status()).as("now Trần Phú's").isEqualTo(404);
        assertThat(move(officer, own, "kind", "MOVE_AWAY", "date", "2021-08-10", "toCommune", TRAN_PHU).status())
                .as("a retry still finds the first").isEqualTo(200);
        assertThat(ids(officer.get("/api/v1/communes/" + NAM_HA + "/departures").body())).containsExactly(own);

        long arriving = registry.person(NAM_HA, null);
        assertThat(move(officer, arriving, "kind", "ARRIVE", "date", "2021-08-12", "fromPlace", "79", "communeCode", TRAN_PHU)
                .status()).as("an arrival is recorded by the commune arrived in").isEqualTo(403);
    }

    @Test
    void badInputIs400NamingTheField() {
        long p = registry.person(NAM_HA, null);
        assertThat(field(move(admin, p, "kind", "FLY", "date", "2021-08-10"))).isEqualTo("kind");
        assertThat(field(move(admin, p, "date", "2021-08-10"))).isEqualTo("kind");
        assertThat(field(move(admin, p, "kind", "MOVE_AWAY", "date", "31/02/2021", "toPlace", "01"))).isEqualTo("date");
        assertThat(field(move(admin, p, "kind", "MOVE_AWAY", "date", "2021-08-10"))).isEqualTo("toCommune");
        assertThat(field(move(admin, p, "kind", "MOVE_AWAY", "date", "2021-08-10", "toPlace", "99"))).isEqualTo("toPlace");
        assertThat(field(move(admin, p, "kind", "MOVE_AWAY", "date", LocalDate.now().plusDays(3).toString(), "toPlace", "01")))
                .isEqualTo("date");
        assertThat(field(move(admin, p, "kind", "ARRIVE", "date", "2021-08-10", "fromPlace", "79", "fromLevel", 7))).isEqualTo("fromLevel");
        assertThat(field(move(admin, p, "kind", "CHANGE_KIND", "date", "2021-08-10", "residenceKind", "VISITOR"))).isEqualTo("residenceKind");
        assertThat(field(admin.post("/api/v1/persons/" + p + "/death", Map.of()))).isEqualTo("date");
        assertThat(field(admin.get("/api/v1/communes/" + NAM_HA + "/arrivals?minLevel=9"))).isEqualTo("minLevel");
        assertThat(field(admin.get("/api/v1/communes/" + NAM_HA + "/arrivals?from=2021-09-01&to=2021-08-01"))).isEqualTo("to");
        assertThat(jdbc.sql("select count(*) from residence_change").query(Long.class).single()).isZero();
    }

    @Test
    void thePagesShowTheHistoryAndTheCommunesLists() throws Exception {
        long thon = village(NAM_HA, "Tổ dân phố Mới Đến");
        long p = registry.person(NAM_HA, thon);
        assertThat(move(admin, p, "kind", "ARRIVE", "date", "2021-08-02", "fromPlace", "79", "fromLevel", 4,
                "residenceKind", "TEMPORARY").status()).isEqualTo(201);
        var web = vn.phaodai.support.WebSession.admin(port);
        var history = web.get("/persons/" + p + "/residence");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("Quá trình cư trú", "Phường Nam Hà", "Tạm trú", "02/08/2021", "Đang ở")
                .doesNotContain("TEMPORARY");
        var arrivals = web.get("/communes/" + NAM_HA + "/movements?minLevel=3");
        assertThat(arrivals.statusCode()).isEqualTo(200);
        assertThat(arrivals.body()).contains("Người chuyển đến", "Tổ dân phố Mới Đến", "Thành phố Hồ Chí Minh", "Cấp 4", "02/08/2021");
        assertThat(web.get("/communes/" + NAM_HA + "/movements?list=departures").body()).contains("Người chuyển đi", "Không có dữ liệu");
        assertThat(web.get("/persons?commune=" + NAM_HA).body()).contains("/communes/" + NAM_HA + "/movements");
    }

    private static String field(TestApi.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return r.body().get("errors").get(0).get("field").asString();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("personId").asLong()));
        return ids;
    }
}

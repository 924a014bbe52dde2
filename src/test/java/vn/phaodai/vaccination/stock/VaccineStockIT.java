package vn.phaodai.vaccination.stock;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.phaodai.support.WebSession.encode;

/**
 * Stock by lot on the real database: a lot received by the province and sent down to a point, used by the doses
 * recorded there, wasted, returned and discarded balances at every level on every date; a movement that would leave
 * a stock below zero (that day or later) is refused in words; the expiry alert at its boundary; the keeper's area;
 * the forms keep what was typed.
 */
@PhaodaiIT
class VaccineStockIT {

    static final String PROVINCE = "42";
    static final String DISTRICT = "436";
    static final String COMMUNE = "18073";       // Phường Nam Hà, thành phố Hà Tĩnh
    static final String OTHER_COMMUNE = "18070"; // another ward of the same city
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final AtomicInteger SERIAL = new AtomicInteger(7_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    String point;
    long pointId;

    @BeforeEach
    void emptyStock() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("truncate vaccine_stock_movement, vaccine_lot restart identity cascade").update();
        pointId = point(COMMUNE, "Trạm Y tế phường Nam Hà " + SERIAL.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36));
        point = "point-" + pointId;
    }

    private long point(String commune, String name) {
        return jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') returning id")
                .params(commune, name).query(Long.class).single();
    }

    private long receive(String unit, String product, String lot, LocalDate expiry, int doses, LocalDate on) {
        var r = api.post("/api/v1/vaccine/lots", Map.of("unit", unit, "product", product, "lot", lot, "expiry", expiry.toString(),
                "doses", doses, "supplier", "Viện Vệ sinh dịch tễ Trung ương", "on", on.toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("lotId").asLong();
    }

    private TestApi.Response move(TestApi as, String path, long lot, String from, String to, int doses, LocalDate on) {
        Map<String, Object> body = new HashMap<>(Map.of("lotId", lot, "from", from, "doses", doses, "on", on.toString()));
        if (to != null) body.put("to", to);
        return as.post("/api/v1/vaccine/" + path, body);
    }

    private void allocate(long lot, String from, String to, int doses, LocalDate on) {
        var r = move(api, "allocations", lot, from, to, doses, on);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /** A dose recorded at the point (by the session code, later): here straight into the registry of doses. */
    private void dose(long point, String product, String lot, LocalDate on) {
        int n = SERIAL.incrementAndGet();
        long person = jdbc.sql("""
                insert into person (full_name, sex, birth_year, national_id, commune_code)
                values (?, 'FEMALE', 1980, ?, ?) returning id""")
                .params("Người Tiêm " + n, String.format("042180%06d", n), COMMUNE).query(Long.class).single();
        jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, lot_number, dose_kind, point_id, source, recorded_by)
                values (?, ?, ?, ?, 'PRIMARY_1', ?, 'SESSION', 'test')""").params(person, on, product, lot, point).update();
    }

    private JsonNode lotAt(TestApi as, String unit, LocalDate on, long lot) {
        var r = as.get("/api/v1/vaccine/stock?unit=" + unit + "&on=" + on);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode l : r.body().get("lots")) if (l.get("lotId").asLong() == lot) return l;
        return null;
    }

    private static long in(JsonNode l) {
        return l.get("received").asLong() + l.get("allocatedIn").asLong() + l.get("returnedIn").asLong();
    }

    private static long out(JsonNode l) {
        return l.get("onHand").asLong() + l.get("allocatedOut").asLong() + l.get("returnedOut").asLong() + l.get("used").asLong()
                + l.get("wasted").asLong() + l.get("discarded").asLong();
    }

    /** Province 1.000 → district 600 → commune 400 → point 200; 15 given, 2 vials opened (5 wasted), 30 back up, 10 discarded. */
    private long aLotDownToThePoint() {
        long lot = receive(PROVINCE, "ASTRAZENECA", "ab1234", TODAY.plusDays(60), 1000, TODAY.minusDays(10));
        allocate(lot, PROVINCE, DISTRICT, 600, TODAY.minusDays(9));
        allocate(lot, DISTRICT, COMMUNE, 400, TODAY.minusDays(8));
        allocate(lot, COMMUNE, point, 200, TODAY.minusDays(7));
        for (int i = 0; i < 15; i++) dose(pointId, "ASTRAZENECA", i % 2 == 0 ? "AB1234" : " ab1234 ", TODAY.minusDays(6));
        var counted = api.post("/api/v1/vaccine/vial-counts", Map.of("lotId", lot, "point", point, "openedVials", 2, "on", TODAY.minusDays(6).toString()));
        assertThat(counted.status()).as(counted.text()).isEqualTo(201);
        assertThat(counted.body().get("doses").asInt()).as("2 vials of 10 doses, 15 given").isEqualTo(5);
        var back = move(api, "returns", lot, point, null, 30, TODAY.minusDays(5));
        assertThat(back.status()).as(back.text()).isEqualTo(201);
        assertThat(back.body().get("to").asString()).as("one level up when not named").isEqualTo(COMMUNE);
        var discarded = api.post("/api/v1/vaccine/discards", Map.of("lotId", lot, "unit", COMMUNE, "doses", 10, "reason", "COLD_CHAIN",
                "on", TODAY.minusDays(4).toString()));
        assertThat(discarded.status()).as(discarded.text()).isEqualTo(201);
        return lot;
    }

    @Test
    void movementsBalanceAtEveryLevelAndTheStockOfAnEarlierDay() {
        long lot = aLotDownToThePoint();
        Map<String, Long> onHand = Map.of(PROVINCE, 400L, DISTRICT, 200L, COMMUNE, 400L + 30 - 200 - 10, point, 200L - 15 - 5 - 30);
        long total = 0;
        for (var level : onHand.entrySet()) {
            JsonNode l = lotAt(api, level.getKey(), TODAY, lot);
            assertThat(l.get("onHand").asLong()).as(level.getKey()).isEqualTo(level.getValue());
            assertThat(in(l)).as("came in = on hand + went out, at " + level.getKey()).isEqualTo(out(l));
            total += l.get("onHand").asLong();
        }
        JsonNode atPoint = lotAt(api, point, TODAY, lot);
        assertThat(atPoint.get("used").asLong()).as("the doses recorded at the point, lot typed in any case").isEqualTo(15);
        assertThat(atPoint.get("wasted").asLong()).isEqualTo(5);
        assertThat(lotAt(api, COMMUNE, TODAY, lot).get("discarded").asLong()).isEqualTo(10);
        assertThat(total).as("the province's delivery less what was given, wasted and discarded").isEqualTo(1000 - 15 - 5 - 10);

        JsonNode communeEarlier = lotAt(api, COMMUNE, TODAY.minusDays(8), lot);
        assertThat(communeEarlier.get("onHand").asLong()).isEqualTo(400);
        assertThat(communeEarlier.get("allocatedOut").asLong()).isZero();
        JsonNode pointEarlier = lotAt(api, point, TODAY.minusDays(7), lot);
        assertThat(pointEarlier.get("onHand").asLong()).isEqualTo(200);
        assertThat(pointEarlier.get("used").asLong()).isZero();
        assertThat(lotAt(api, point, TODAY.minusDays(8), lot)).as("nothing at the point before the allocation").isNull();
        assertThat(jdbc.sql("select count(*) from vaccine_stock_movement").query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void aMovementThatWouldMakeAStockNegativeIsRefusedInWords() {
        long lot = aLotDownToThePoint();
        var tooMany = move(api, "allocations", lot, DISTRICT, COMMUNE, 201, TODAY);
        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(409);
        assertThat(tooMany.body().get("detail").asString()).contains("200", "AB1234", "201");
        assertThat(tooMany.body().get("available").asLong()).isEqualTo(200);
        // Back-dated: on the day before the doses were given the point had 200, but 15 were given the next day.
        var backDated = api.post("/api/v1/vaccine/discards", Map.of("lotId", lot, "unit", point, "doses", 190, "reason", "DAMAGED",
                "on", TODAY.minusDays(7).toString()));
        assertThat(backDated.status()).as("no later day may fall below zero: " + backDated.text()).isEqualTo(409);
        assertThat(move(api, "allocations", lot, DISTRICT, COMMUNE, 200, TODAY).status()).isEqualTo(201);
        assertThat(lotAt(api, DISTRICT, TODAY, lot).get("onHand").asLong()).isZero();
        assertThat(move(api, "returns", lot, COMMUNE, PROVINCE, 1, TODAY.minusDays(9)).status()).as("before the commune had any").isEqualTo(409);
        // The same vials counted twice, and fewer vials than the doses given.
        assertThat(api.post("/api/v1/vaccine/vial-counts", Map.of("lotId", lot, "point", point, "openedVials", 2,
                "on", TODAY.minusDays(6).toString())).status()).isEqualTo(409);
        var tooFew = api.post("/api/v1/vaccine/vial-counts", Map.of("lotId", lot, "point", point, "openedVials", 1,
                "on", TODAY.minusDays(6).toString()));
        assertThat(tooFew.status()).isIn(400, 409);
        var empty = api.post("/api/v1/vaccine/lots", Map.of());
        assertThat(empty.status()).as("an empty delivery: " + empty.text()).isEqualTo(400);
        assertThat(empty.text()).contains("\"unit\"", "\"product\"", "\"doses\"");
        var wrongWay = move(api, "allocations", lot, COMMUNE, DISTRICT, 1, TODAY);
        assertThat(wrongWay.status()).as("allocations go down").isEqualTo(400);
        assertThat(wrongWay.text()).contains("\"to\"");
        assertThat(jdbc.sql("select count(*) from vaccine_stock_movement").query(Long.class).single()).as("nothing refused was kept").isEqualTo(8);
    }

    @Test
    void theExpiryAlertListsALotExpiringOnDayNAndNotOnDayNPlusOne() {
        long onDayN = receive(PROVINCE, "VERO_CELL", "VC-30", TODAY.plusDays(30), 500, TODAY.minusDays(3));
        long onDayN1 = receive(PROVINCE, "VERO_CELL", "VC-31", TODAY.plusDays(31), 500, TODAY.minusDays(3));
        long expired = receive(PROVINCE, "SPIKEVAX", "MD-1", TODAY.minusDays(1), 100, TODAY.minusDays(3));
        allocate(onDayN, PROVINCE, COMMUNE, 300, TODAY.minusDays(2));
        dose(pointId, "VERO_CELL", "OTHER-LOT", TODAY.minusDays(1)); // the point gives Vero Cell: a place to move it to

        var list = api.get("/api/v1/vaccine/expiring?on=" + TODAY);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        Map<String, JsonNode> byHolderAndLot = new HashMap<>();
        for (JsonNode x : list.body()) byHolderAndLot.put(x.get("unit").asString() + "/" + x.get("lotId").asLong(), x);
        assertThat(byHolderAndLot).containsKeys(PROVINCE + "/" + onDayN, COMMUNE + "/" + onDayN, PROVINCE + "/" + expired)
                .doesNotContainKey(PROVINCE + "/" + onDayN1);
        JsonNode commune = byHolderAndLot.get(COMMUNE + "/" + onDayN);
        assertThat(commune.get("atRisk").asLong()).isEqualTo(300);
        assertThat(commune.get("daysLeft").asLong()).isEqualTo(30);
        assertThat(commune.get("suggestion").asString()).isEqualTo("MOVE");
        assertThat(commune.get("moveTo").get(0).get("unit").asString()).isEqualTo(point);
        assertThat(byHolderAndLot.get(PROVINCE + "/" + expired).get("suggestion").asString()).isEqualTo("DISCARD");

        var wider = api.get("/api/v1/vaccine/expiring?on=" + TODAY + "&days=31").body();
        boolean listed = false;
        for (JsonNode x : wider) listed |= x.get("lotId").asLong() == onDayN1;
        assertThat(listed).as("day N + 1 is inside 31 days").isTrue();
        var tomorrow = api.get("/api/v1/vaccine/expiring?on=" + TODAY.minusDays(1) + "&days=30").body();
        listed = false;
        for (JsonNode x : tomorrow) listed |= x.get("lotId").asLong() == onDayN;
        assertThat(listed).as("seen the day before, the lot expires on day N + 1").isFalse();
        assertThat(api.get("/api/v1/vaccine/expiring?days=nhiều").status()).isEqualTo(400);
    }

    @Test
    void aCommuneKeeperSeesItsCommuneAndItsPointsOnly() {
        long lot = aLotDownToThePoint();
        TestApi keeper = api.newUser(port, "STOCK_KEEPER", "COMMUNE", COMMUNE);
        assertThat(lotAt(keeper, COMMUNE, TODAY, lot).get("onHand").asLong()).isEqualTo(220);
        assertThat(lotAt(keeper, point, TODAY, lot).get("onHand").asLong()).isEqualTo(150);
        assertThat(keeper.get("/api/v1/vaccine/stock?unit=" + DISTRICT).status()).isEqualTo(404);
        assertThat(keeper.get("/api/v1/vaccine/stock?unit=" + OTHER_COMMUNE).status()).isEqualTo(404);
        assertThat(keeper.get("/api/v1/vaccine/stock?unit=point-999999999").status()).isEqualTo(404);
        assertThat(move(keeper, "allocations", lot, DISTRICT, COMMUNE, 1, TODAY).status()).isEqualTo(404);
        assertThat(move(keeper, "returns", lot, COMMUNE, null, 20, TODAY).status()).as("up to the district").isEqualTo(201);
        var picks = keeper.get("/api/v1/pick/vaccine-holders?q=nam ha").body();
        assertThat(picks.size()).isGreaterThanOrEqualTo(2);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (JsonNode s : picks) ids.add(s.get("id").asString());
        assertThat(ids).contains(COMMUNE).allMatch(id -> id.equals(COMMUNE) || id.startsWith("point-"), "only its commune and points");
        // Other tests leave points of the same ward: its own point is found by its own name.
        String name = jdbc.sql("select name from vaccination_point where id = ?").param(pointId).query(String.class).single();
        java.util.List<String> own = new java.util.ArrayList<>();
        keeper.get("/api/v1/pick/vaccine-holders?q=" + name).body().forEach(s -> own.add(s.get("id").asString()));
        assertThat(own).contains(point);
        assertThat(jdbc.sql("select count(*) from vaccination_point where 'point-' || id = any(?) and commune_code <> ?")
                .params(ids.toArray(String[]::new), COMMUNE).query(Long.class).single()).isZero();
        TestApi district = api.newUser(port, "DISTRICT_OFFICER", "DISTRICT", DISTRICT);
        assertThat(lotAt(district, DISTRICT, TODAY, lot).get("onHand").asLong()).isEqualTo(220);
        assertThat(district.get("/api/v1/vaccine/stock?unit=" + PROVINCE).status()).isEqualTo(404);
        assertThat(move(district, "allocations", lot, DISTRICT, COMMUNE, 1, TODAY).status()).as("reads only").isEqualTo(403);
    }

    @Test
    void theExportHoldsTheTable() throws Exception {
        long lot = aLotDownToThePoint();
        var file = api.download("/api/v1/vaccine/stock/export?unit=" + COMMUNE + "&on=" + TODAY);
        assertThat(file.status()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            var row = wb.getSheetAt(0).getRow(3);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("AB1234");
            assertThat((long) row.getCell(12).getNumericCellValue()).isEqualTo(220);
        }
        assertThat(lot).isPositive();
    }

    @Test
    void theFormsAnswerAWrongValueAtItsFieldWithEverythingTypedKept() throws Exception {
        long lot = aLotDownToThePoint();
        WebSession web = WebSession.admin(port);
        String page = "/vaccine/stock/receive";
        var refused = web.postFrom(page, page, "_csrf=" + web.csrf(page) + "&unit=" + PROVINCE + "&unitName=" + encode("Tỉnh Hà Tĩnh")
                + "&product=ASTRAZENECA&lotNumber=XY9&expiry=&dosesPerVial=&doses=" + encode("nhiều") + "&supplier=" + encode("Bộ Y tế")
                + "&on=" + TODAY);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"nhiều\"", "value=\"Bộ Y tế\"", "value=\"XY9\"", "is-invalid")
                .contains("id=\"expiry\"").containsPattern("selected=\"selected\"[^>]*>AstraZeneca|value=\"ASTRAZENECA\" selected");

        String allocate = "/vaccine/stock/allocate?unit=" + COMMUNE + "&lot=" + lot;
        var form = web.get(allocate);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("AB1234", "Phường Nam Hà");
        var tooMany = web.postFrom(allocate, "/vaccine/stock/allocate", "_csrf=" + web.csrf(allocate) + "&unit=" + COMMUNE + "&lotId=" + lot
                + "&to=" + point + "&toName=x&doses=" + encode("5.000") + "&on=" + TODAY);
        assertThat(tooMany.statusCode()).isEqualTo(200);
        assertThat(tooMany.body()).contains("id=\"form-error\"", "value=\"5.000\"", "220");
        var byName = web.postFrom(allocate, "/vaccine/stock/allocate", "_csrf=" + web.csrf(allocate) + "&unit=" + COMMUNE + "&lotId=" + lot
                + "&to=&toName=" + encode("nowhere at all") + "&doses=5&on=" + TODAY);
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body()).contains("value=\"nowhere at all\"", "invalid-feedback");
        var sent = web.postFrom(allocate, "/vaccine/stock/allocate", "_csrf=" + web.csrf(allocate) + "&unit=" + COMMUNE + "&lotId=" + lot
                + "&to=" + point + "&doses=" + encode("1.0") + "&on=" + TODAY);
        assertThat(sent.statusCode()).as("a decimal is no number of doses").isEqualTo(200);
        sent = web.postFrom(allocate, "/vaccine/stock/allocate", "_csrf=" + web.csrf(allocate) + "&unit=" + COMMUNE + "&lotId=" + lot
                + "&to=" + point + "&doses=20&on=" + TODAY);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(lotAt(api, point, TODAY, lot).get("onHand").asLong()).isEqualTo(170);

        var stockPage = web.get("/vaccine/stock?unit=" + COMMUNE);
        assertThat(stockPage.statusCode()).isEqualTo(200);
        assertThat(stockPage.body()).contains("AB1234", "Tồn: 200");
        var expiring = web.get("/vaccine/expiring?days=" + encode("ba mươi"));
        assertThat(expiring.statusCode()).isEqualTo(200);
        assertThat(expiring.body()).contains("value=\"ba mươi\"", "is-invalid");
    }
}

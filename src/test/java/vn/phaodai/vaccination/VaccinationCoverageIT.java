package vn.phaodai.vaccination;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage on a small known commune: persons of known ages and doses on known dates, every figure asserted, the
 * boundary of a dose's day and of a birthday, a person who moved away not counted; a district rolled up from its
 * communes; the unvaccinated list's members and total; the area's edge; the workbook read back.
 */
@PhaodaiIT
class VaccinationCoverageIT {

    static final String COMMUNE = "18073";  // Phường Nam Hà, district 436
    static final String OTHER = "18070";    // Phường Trần Phú, the same district
    static final String DAY = "2022-06-15";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    long v1;
    long v2;
    final Map<String, Long> ids = new LinkedHashMap<>();
    int serial;

    @BeforeEach
    void commune() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        v1 = village(COMMUNE, "Tổ dân phố Bao Phủ 1");
        v2 = village(COMMUNE, "Tổ dân phố Bao Phủ 2");
        // a turns 12 on the day; b turns 12 the day after.
        person("a", "Lê Thị An", "15/06/2010", COMMUNE, v1);
        dose("a", "2022-01-10", "COMIRNATY_30", "PRIMARY_1");
        dose("a", DAY, "COMIRNATY_30", "PRIMARY_2");          // given on the day: counts
        person("b", "Lê Văn Bình", "16/06/2010", COMMUNE, v1);
        dose("b", "2022-05-01", "COMIRNATY_10", "PRIMARY_1");
        dose("b", "2022-06-16", "COMIRNATY_10", "PRIMARY_2");  // the day after: does not
        person("c", "Trần Văn Cường", "01/03/1950", COMMUNE, v1);
        dose("c", "2021-09-01", "ABDALA", "PRIMARY_1");
        dose("c", "2021-09-15", "ABDALA", "PRIMARY_2");        // Abdala has three primary doses
        person("d", "Phạm Thị Dung", "01/01/1970", COMMUNE, v1);
        dose("d", "2021-07-01", "ASTRAZENECA", "PRIMARY_1");
        dose("d", "2021-09-20", "ASTRAZENECA", "PRIMARY_2");
        dose("d", "2022-03-01", "COMIRNATY_30", "BOOSTER_1");
        person("e", "Hoàng Văn Em", "05/05/1990", COMMUNE, v2);
        person("f", "Đỗ Thị Phượng", "1957", COMMUNE, v2);    // the year alone: 65 in 2022
        dose("f", "2022-02-01", "SPIKEVAX", "ADDITIONAL");   // an additional dose implies the course
        person("g", "Vũ Văn Giang", "01/01/1980", COMMUNE, v1);
        var moved = admin.post("/api/v1/persons/" + ids.get("g") + "/moves", Map.of("kind", "MOVE_AWAY", "date", "2022-05-01", "toPlace", "01"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        person("h", "Ngô Bé Hà", "01/01/2019", COMMUNE, null);
        person("i", "Bùi Văn Ích", "01/01/1980", COMMUNE, v2);
        dose("i", "2021-10-01", "ABDALA", "PRIMARY_1");
        dose("i", "2021-10-15", "ABDALA", "PRIMARY_2");
        dose("i", "2022-06-14", "ABDALA", "PRIMARY_3");
        person("j", "Mai Văn Khánh", "01/01/1960", OTHER, null);
        dose("j", "2021-08-01", "VERO_CELL", "PRIMARY_1");
        person("k", "Lý Thị Lan", "01/01/2000", OTHER, null);
    }

    private long village(String commune, String name) {
        var r = admin.post("/api/v1/geography/communes/" + commune + "/villages", Map.of("name", name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private void person(String key, String name, String born, String commune, Long village) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("sex", name.contains("Thị") ? "FEMALE" : "MALE");
        if (born.length() == 4) p.put("birthYear", Integer.parseInt(born));
        else p.put("dateOfBirth", born);
        ++serial; // no ID number: children and many elders have none (decision 0012)
        p.put("communeCode", commune);
        p.put("villageId", village);
        p.put("address", "Số " + serial + " đường Hà Huy Tập");
        p.put("phone", "09120000" + String.format("%02d", serial));
        var r = admin.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ids.put(key, r.body().get("person").get("id").asLong());
    }

    /** Written with SQL: the dose-recording service is built beside this one. */
    private void dose(String key, String day, String product, String kind) {
        jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by)
                values (?, cast(? as date), ?, ?, 'MANUAL', 'test')""").params(ids.get(key), day, product, kind).update();
    }

    private JsonNode coverage(TestApi api, String query) {
        var r = api.get("/api/v1/vaccination/coverage?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    /** band code → [residents, ≥ 1 dose, complete, booster] of a unit's figures. */
    private static Map<String, List<Long>> figures(JsonNode unit) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        unit.get("bands").forEach(b -> out.put(b.get("band").asString(), List.of(b.get("residents").asLong(),
                b.get("atLeastOneDose").asLong(), b.get("primaryComplete").asLong(), b.get("boosted").asLong())));
        return out;
    }

    private static JsonNode band(JsonNode unit, String code) {
        for (JsonNode b : unit.get("bands")) if (b.get("band").asString().equals(code)) return b;
        throw new AssertionError("no band " + code);
    }

    @Test
    void everyFigureOfAKnownCommune() {
        JsonNode report = coverage(admin, "unit=" + COMMUNE + "&on=" + DAY);
        JsonNode unit = report.get("unit");
        assertThat(unit.get("name").asString()).isEqualTo("Phường Nam Hà");
        Map<String, List<Long>> f = figures(unit);
        assertThat(f.keySet()).containsExactly("ALL", "AGE_5_11", "AGE_12_17", "AGE_12_PLUS", "AGE_18_PLUS", "AGE_50_PLUS", "AGE_65_PLUS");
        // g moved away before the day: eight residents.
        assertThat(f.get("ALL")).containsExactly(8L, 6L, 4L, 1L);
        assertThat(f.get("AGE_5_11")).containsExactly(1L, 1L, 0L, 0L);      // b, 11 until tomorrow
        assertThat(f.get("AGE_12_17")).containsExactly(1L, 1L, 1L, 0L);     // a, 12 today, second dose today
        assertThat(f.get("AGE_12_PLUS")).containsExactly(6L, 5L, 4L, 1L);
        assertThat(f.get("AGE_18_PLUS")).containsExactly(5L, 4L, 3L, 1L);
        assertThat(f.get("AGE_50_PLUS")).containsExactly(3L, 3L, 2L, 1L);
        assertThat(f.get("AGE_65_PLUS")).containsExactly(2L, 2L, 1L, 0L);   // c (Abdala 2 of 3), f (additional dose)
        JsonNode all = band(unit, "ALL");
        assertThat(all.get("atLeastOneDosePercent").asDouble()).isEqualTo(75.0);
        assertThat(all.get("primaryCompletePercent").asDouble()).isEqualTo(50.0);
        assertThat(all.get("boostedPercent").asDouble()).isEqualTo(12.5);
        JsonNode twelve = band(unit, "AGE_12_PLUS");
        assertThat(twelve.get("atLeastOneDosePercent").asDouble()).isEqualTo(83.3);
        assertThat(twelve.get("primaryCompletePercent").asDouble()).isEqualTo(66.7);
        assertThat(twelve.get("boostedPercent").asDouble()).isEqualTo(16.7);
    }

    @Test
    void theDayBeforeADoseAndABirthday() {
        Map<String, List<Long>> f = figures(coverage(admin, "unit=" + COMMUNE + "&on=2022-06-14").get("unit"));
        // a is 11 and has one dose; i's third Abdala dose is today: complete.
        assertThat(f.get("AGE_5_11")).containsExactly(2L, 2L, 0L, 0L);
        assertThat(f.get("AGE_12_17")).containsExactly(0L, 0L, 0L, 0L);
        assertThat(f.get("ALL")).containsExactly(8L, 6L, 3L, 1L);
        // Before the move g is a resident; before 14/04/2022 the 5–11 band is not counted at all.
        Map<String, List<Long>> april = figures(coverage(admin, "unit=" + COMMUNE + "&on=2022-04-30").get("unit"));
        assertThat(april.get("ALL")).containsExactly(9L, 5L, 2L, 1L);
        assertThat(figures(coverage(admin, "unit=" + COMMUNE + "&on=2022-04-13").get("unit"))).doesNotContainKey("AGE_5_11");
    }

    @Test
    void byVillageAndADistrictRolledUpFromItsCommunes() {
        JsonNode byVillage = coverage(admin, "unit=" + COMMUNE + "&on=" + DAY + "&by=village");
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        byVillage.get("children").forEach(c -> rows.put(c.get("name").asString(), figures(c).get("ALL")));
        assertThat(rows).containsEntry("Tổ dân phố Bao Phủ 1", List.of(4L, 4L, 2L, 1L))
                .containsEntry("Tổ dân phố Bao Phủ 2", List.of(3L, 2L, 2L, 0L))
                .containsEntry("Chưa rõ thôn, tổ", List.of(1L, 0L, 0L, 0L));
        assertThat(coverage(admin, "unit=v" + v2 + "&on=" + DAY).get("unit").get("bands").get(0).get("residents").asLong()).isEqualTo(3);

        JsonNode district = coverage(admin, "unit=436&on=" + DAY + "&by=commune");
        assertThat(figures(district.get("unit")).get("ALL")).containsExactly(10L, 7L, 4L, 1L);
        Map<String, List<Long>> communes = new HashMap<>();
        district.get("children").forEach(c -> communes.put(c.get("code").asString(), figures(c).get("ALL")));
        assertThat(communes.get(COMMUNE)).containsExactly(8L, 6L, 4L, 1L);
        assertThat(communes.get(OTHER)).containsExactly(2L, 1L, 0L, 0L);
        assertThat(communes.get("18076")).containsExactly(0L, 0L, 0L, 0L);
        JsonNode province = coverage(admin, "unit=42&on=" + DAY + "&by=district");
        assertThat(figures(province.get("unit")).get("ALL")).containsExactly(10L, 7L, 4L, 1L);
        assertThat(province.get("children").get(0).get("code").asString()).isEqualTo("436");
    }

    @Test
    void theUnvaccinatedListMembersAndTotal() {
        JsonNode list = unvaccinated(admin, "commune=" + COMMUNE + "&on=" + DAY);
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(members(list)).containsExactly(ids.get("e"), ids.get("h")); // by village, the one without last
        assertThat(members(unvaccinated(admin, "commune=" + COMMUNE + "&village=" + v2 + "&on=" + DAY))).containsExactly(ids.get("e"));
        assertThat(members(unvaccinated(admin, "commune=" + COMMUNE + "&on=" + DAY + "&band=AGE_12_PLUS"))).containsExactly(ids.get("e"));
        assertThat(members(unvaccinated(admin, "commune=" + COMMUNE + "&on=" + DAY + "&q=ha"))).containsExactly(ids.get("h"));
        // Before b's first dose and g's move both are on the list; a page of one keeps the total.
        JsonNode april = unvaccinated(admin, "commune=" + COMMUNE + "&on=2022-04-30&size=1");
        assertThat(april.get("total").asLong()).isEqualTo(4);
        assertThat(april.get("items").size()).isEqualTo(1);
        assertThat(members(unvaccinated(admin, "commune=" + COMMUNE + "&on=2022-04-30"))).containsExactlyInAnyOrder(
                ids.get("b"), ids.get("e"), ids.get("g"), ids.get("h"));
        long audited = jdbc.sql("select count(*) from audit_log where entity = 'vaccination_coverage' and action = 'LIST'").query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(6);
    }

    private JsonNode unvaccinated(TestApi api, String query) {
        var r = api.get("/api/v1/vaccination/unvaccinated?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private static List<Long> members(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    @Test
    void outsideTheAreaIsMissingAndBadInputNamesItsField() {
        TestApi officer = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", COMMUNE);
        assertThat(officer.get("/api/v1/vaccination/coverage?unit=" + COMMUNE + "&on=" + DAY).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/vaccination/coverage?unit=436&on=" + DAY).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/coverage?unit=" + OTHER + "&on=" + DAY).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/coverage?unit=99999&on=" + DAY).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/unvaccinated?commune=" + OTHER + "&on=" + DAY).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/unvaccinated?commune=" + COMMUNE + "&on=" + DAY).status()).isEqualTo(200);
        TestApi analyst = admin.newUser(port, "ANALYST", "PROVINCE", "42");
        assertThat(analyst.get("/api/v1/vaccination/coverage?unit=42&on=" + DAY + "&by=commune").status()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/vaccination/unvaccinated?commune=" + COMMUNE).status()).isEqualTo(403);
        for (String[] bad : new String[][]{{"unit=abc", "unit"}, {"unit=" + COMMUNE + "&by=district", "by"},
                {"unit=" + COMMUNE + "&on=15-06-2022", "on"}}) {
            var r = admin.get("/api/v1/vaccination/coverage?" + bad[0]);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.text()).as(bad[0]).contains("\"" + bad[1] + "\"");
        }
        var r = admin.get("/api/v1/vaccination/unvaccinated?commune=" + COMMUNE + "&band=AGE_200");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"band\"");
    }

    @Test
    void theWorkbooksAndThePagesReadBack() throws Exception {
        WebSession web = WebSession.admin(port);
        var sheet = web.bytes("/vaccination/coverage.xlsx?unit=" + COMMUNE + "&on=15/06/2022&by=village");
        assertThat(sheet.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("Phường Nam Hà").contains("15/06/2022");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
            Row first = s.getRow(2);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Mọi lứa tuổi");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(8);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(6);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(75.0);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(12.5);
            // The commune's seven bands, then each village's.
            assertThat(s.getRow(9).getCell(0).getStringCellValue()).isEqualTo("Tổ dân phố Bao Phủ 1");
        }
        var list = web.bytes("/vaccination/unvaccinated.xlsx?commune=" + COMMUNE + "&on=15/06/2022");
        assertThat(list.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(list.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Hoàng Văn Em");
            assertThat(s.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Nam");
            assertThat(s.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Tổ dân phố Bao Phủ 2");
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Ngô Bé Hà");
            assertThat(s.getLastRowNum()).isEqualTo(3);
        }
        String page = web.get("/vaccination/coverage?commune=" + COMMUNE + "&on=15/06/2022&by=village").body();
        assertThat(page).contains("Phường Nam Hà · 15/06/2022").contains("75,0 %").contains("83,3 %").contains("Tổ dân phố Bao Phủ 1");
        String bad = web.get("/vaccination/coverage?commune=" + COMMUNE + "&on=31/02/x").body();
        assertThat(bad).contains("Ngày không đúng");
        String unvaccinated = web.get("/vaccination/unvaccinated?commune=" + COMMUNE + "&on=15/06/2022").body();
        assertThat(unvaccinated).contains("Tổng số: 2 người").contains("Hoàng Văn Em").contains("0912 000 005");
        String print = web.get("/vaccination/unvaccinated/print?commune=" + COMMUNE + "&on=2022-06-15").body();
        assertThat(print).contains("@media print").contains("Hoàng Văn Em").contains("Ngô Bé Hà").contains("Kết quả vận động");
    }
}

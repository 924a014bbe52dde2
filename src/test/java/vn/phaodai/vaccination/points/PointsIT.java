package vn.phaodai.vaccination.points;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.phaodai.support.WebSession.encode;

/**
 * Vaccination points on the real database: made by a commune officer, a retried form answering the same point, a name
 * taken by a point of another kind refused with 409 at the name (the choice documented in the README), points of
 * another commune missing for its officer on read and on write, the picker finding "Trạm Y tế" by "tram y te", every
 * wrong field named, the list page in words and its workbook with the list's rows.
 */
@PhaodaiIT
class PointsIT {

    static final String COMMUNE = "18073";  // Phường Nam Hà, thành phố Hà Tĩnh
    static final String OTHER = "18070";    // Phường Trần Phú, the same district

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    TestApi officer;
    String n;

    @BeforeEach
    void officer() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        officer = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", COMMUNE);
        n = String.valueOf(System.nanoTime() % 1_000_000_000L);
    }

    private TestApi.Response create(TestApi as, String commune, String name, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("communeCode", commune);
        body.put("name", name);
        body.put("kind", kind);
        body.put("address", "Số 1 đường Nguyễn Du");
        return as.post("/api/v1/vaccination/points", body);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void aRetriedCreateAnswersTheSamePointAndATakenNameOfAnotherKindIsAConflict() {
        var made = create(officer, COMMUNE, "Trường THCS Nam Hà " + n, "SCHOOL");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long id = made.body().get("id").asLong();
        assertThat(made.body().get("active").asBoolean()).isTrue();
        var again = create(officer, COMMUNE, "  Trường THCS   Nam Hà " + n + " ", "school");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(id);
        var otherKind = create(officer, COMMUNE, "Trường THCS Nam Hà " + n, "ENTERPRISE");
        assertThat(otherKind.status()).as(otherKind.text()).isEqualTo(409);
        assertThat(fields(otherKind.body())).containsExactly("name");
        assertThat(jdbc.sql("select count(*) from vaccination_point where commune_code = ? and name = ?")
                .params(COMMUNE, "Trường THCS Nam Hà " + n).query(Long.class).single()).isEqualTo(1);
        // Renaming another point to the taken name is the same conflict.
        long second = create(officer, COMMUNE, "Điểm tiêm lưu động " + n, "MOBILE").body().get("id").asLong();
        var rename = officer.put("/api/v1/vaccination/points/" + second, Map.of("name", "Trường THCS Nam Hà " + n, "kind", "MOBILE"));
        assertThat(rename.status()).as(rename.text()).isEqualTo(409);
        // Closed, it leaves the list and the picker, and opens again.
        var closed = officer.put("/api/v1/vaccination/points/" + second, Map.of("name", "Điểm tiêm lưu động " + n, "kind", "MOBILE",
                "active", false));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("active").asBoolean()).isFalse();
        assertThat(officer.get("/api/v1/vaccination/points?commune=" + COMMUNE + "&q=" + ("lưu động " + n)).body().get("total").asLong())
                .isZero();
        var withClosed = officer.get("/api/v1/vaccination/points?commune=" + COMMUNE + "&closed=true&q=" + ("lưu động " + n));
        assertThat(withClosed.body().get("total").asLong()).as(withClosed.text()).isEqualTo(1);
        assertThat(officer.get("/api/v1/pick/vaccination-points?q=" + ("lưu động " + n)).body().size()).isZero();
        var reopened = officer.put("/api/v1/vaccination/points/" + second, Map.of("name", "Điểm tiêm lưu động " + n, "kind", "MOBILE",
                "active", true));
        assertThat(reopened.body().get("active").asBoolean()).isTrue();
    }

    @Test
    void anotherCommunesPointIsMissingOnReadAndWrite() {
        long id = create(admin, OTHER, "Trạm Y tế phường Trần Phú " + n, "HEALTH_STATION").body().get("id").asLong();
        assertThat(officer.get("/api/v1/vaccination/points/" + id).status()).isEqualTo(404);
        assertThat(officer.put("/api/v1/vaccination/points/" + id, Map.of("name", "Đổi tên " + n, "kind", "HEALTH_STATION")).status())
                .isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/points?commune=" + OTHER).status()).isEqualTo(404);
        var outside = create(officer, OTHER, "Điểm tiêm ngoài địa bàn " + n, "MOBILE");
        assertThat(outside.status()).as(outside.text()).isEqualTo(400);
        assertThat(fields(outside.body())).containsExactly("communeCode");
        // Nor can a point of the officer's commune be moved out of it.
        long own = create(officer, COMMUNE, "Điểm tiêm chợ " + n, "MOBILE").body().get("id").asLong();
        var moved = officer.put("/api/v1/vaccination/points/" + own, Map.of("communeCode", OTHER, "name", "Điểm tiêm chợ " + n, "kind", "MOBILE"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(fields(moved.body())).containsExactly("communeCode");
        // The whole area's list holds none of the other commune's points.
        JsonNode all = officer.get("/api/v1/vaccination/points?size=500").body();
        all.get("items").forEach(p -> assertThat(p.get("communeCode").asString()).isEqualTo(COMMUNE));
        assertThat(all.get("total").asLong()).isEqualTo(jdbc.sql("select count(*) from vaccination_point where commune_code = ? and active")
                .param(COMMUNE).query(Long.class).single());
    }

    @Test
    void thePickerFindsAPointWithoutAccentsInsideTheArea() {
        long mine = create(officer, COMMUNE, "Trạm Y tế phường Nam Hà " + n, "HEALTH_STATION").body().get("id").asLong();
        long theirs = create(admin, OTHER, "Trạm Y tế phường Trần Phú " + n, "HEALTH_STATION").body().get("id").asLong();
        List<String> ids = new ArrayList<>();
        var found = officer.get("/api/v1/pick/vaccination-points?q=" + ("tram y te phuong nam ha " + n));
        assertThat(found.status()).isEqualTo(200);
        found.body().forEach(s -> ids.add(s.get("id").asString()));
        assertThat(ids).containsExactly(String.valueOf(mine));
        assertThat(found.body().get(0).get("label").asString()).isEqualTo("Trạm Y tế phường Nam Hà " + n + " — Phường Nam Hà");
        List<String> byAll = new ArrayList<>();
        admin.get("/api/v1/pick/vaccination-points?q=" + "tram y te " + n + "&commune=" + OTHER).body()
                .forEach(s -> byAll.add(s.get("id").asString()));
        assertThat(byAll).isEmpty(); // "tram y te <n>" is in neither name as a whole
        admin.get("/api/v1/pick/vaccination-points?q=" + ("TRẦN PHÚ " + n) + "&commune=" + OTHER).body()
                .forEach(s -> byAll.add(s.get("id").asString()));
        assertThat(byAll).containsExactly(String.valueOf(theirs));
        var none = officer.get("/api/v1/pick/vaccination-points?q=" + ("trần phú " + n));
        assertThat(none.body().size()).isZero();
    }

    @Test
    void wrongFieldsAreNamed() {
        var empty = officer.post("/api/v1/vaccination/points", Map.of());
        assertThat(empty.status()).as(empty.text()).isEqualTo(400);
        assertThat(fields(empty.body())).containsExactlyInAnyOrder("communeCode", "name", "kind");
        var kind = create(officer, COMMUNE, "Điểm tiêm " + n, "CHURCH");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(fields(kind.body())).containsExactly("kind");
        var longName = create(officer, COMMUNE, "x".repeat(201), "MOBILE");
        assertThat(fields(longName.body())).containsExactly("name");
        var unknown = create(officer, "99999", "Điểm tiêm " + n, "MOBILE");
        assertThat(fields(unknown.body())).containsExactly("communeCode");
        assertThat(officer.get("/api/v1/vaccination/points/999999999").status()).isEqualTo(404);
    }

    @Test
    void thePagesShowWordsKeepWhatWasTypedAndTheWorkbookHoldsTheList() throws Exception {
        create(admin, COMMUNE, "Trường Tiểu học Nam Hà " + n, "SCHOOL");
        create(admin, COMMUNE, "Bệnh viện Đa khoa " + n, "HOSPITAL");
        WebSession web = WebSession.admin(port);
        var page = web.get("/vaccination/points?commune=" + COMMUNE + "&q=" + n);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Trường Tiểu học Nam Hà " + n, "Trường học", "Bệnh viện", "Đang hoạt động", "Tổng số: 2 điểm tiêm")
                .doesNotContain(">SCHOOL<", ">HOSPITAL<", "vaccination.points.");
        // The form: a wrong kind is answered at its field with everything typed kept; then it saves.
        String form = "/vaccination/points/new";
        assertThat(web.get(form).body()).contains("Trạm y tế", "Điểm tiêm lưu động").doesNotContain(">MOBILE<");
        var kept = web.postFrom(form, "/vaccination/points", "_csrf=" + web.csrf(form) + "&commune=" + COMMUNE + "&communeName="
                + encode("Phường Nam Hà") + "&name=" + encode("Điểm tiêm chợ Hà Tĩnh " + n) + "&kind=&address=" + encode("Chợ thành phố"));
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("Chọn loại điểm tiêm", "Điểm tiêm chợ Hà Tĩnh " + n, "Chợ thành phố", "is-invalid");
        var byName = web.postFrom(form, "/vaccination/points", "_csrf=" + web.csrf(form) + "&commune=&communeName="
                + encode("Phường Nam Hà") + "&name=" + encode("Điểm tiêm chợ Hà Tĩnh " + n) + "&kind=MOBILE&address=" + encode("Chợ thành phố"));
        assertThat(byName.statusCode()).isEqualTo(302);
        assertThat(byName.headers().firstValue("Location").orElse("")).contains("/vaccination/points?commune=" + COMMUNE + "&saved=");
        long id = jdbc.sql("select id from vaccination_point where commune_code = ? and name = ?").params(COMMUNE, "Điểm tiêm chợ Hà Tĩnh " + n)
                .query(Long.class).single();
        var taken = web.postFrom(form, "/vaccination/points", "_csrf=" + web.csrf(form) + "&commune=" + COMMUNE
                + "&name=" + encode("Điểm tiêm chợ Hà Tĩnh " + n) + "&kind=SCHOOL&address=");
        assertThat(taken.body()).contains("name-error", "đã có điểm tiêm");
        String edit = "/vaccination/points/" + id + "/edit";
        assertThat(web.get(edit).body()).contains("Điểm tiêm chợ Hà Tĩnh " + n, "Phường Nam Hà");
        var closed = web.postFrom(edit, "/vaccination/points/" + id, "_csrf=" + web.csrf(edit) + "&commune=" + COMMUNE
                + "&name=" + encode("Điểm tiêm chợ Hà Tĩnh " + n) + "&kind=MOBILE&address=");
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select active from vaccination_point where id = ?").param(id).query(Boolean.class).single()).isFalse();

        var workbook = web.bytes("/vaccination/points/export?commune=" + COMMUNE + "&closed=true&q=" + n);
        assertThat(workbook.statusCode()).isEqualTo(200);
        JsonNode list = admin.get("/api/v1/vaccination/points?commune=" + COMMUNE + "&closed=true&q=" + n).body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Loại");
            assertThat(sheet.getLastRowNum()).isEqualTo(list.get("total").asInt());
            for (int i = 0; i < list.get("items").size(); i++) {
                JsonNode p = list.get("items").get(i);
                assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(p.get("name").asString());
                assertThat(sheet.getRow(i + 1).getCell(3).getStringCellValue()).isEqualTo(p.get("communeName").asString());
            }
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isIn("Trường học", "Bệnh viện", "Điểm tiêm lưu động");
        }
    }

    @Test
    void aCommuneOfficerHasTheirCommuneChosenAndAnotherCommuneIsMissing() throws Exception {
        String user = "u-points-" + n;
        admin.post("/api/v1/users", Map.of("username", user, "password", "Mat-khau-kiem-thu-9", "roles", List.of("COMMUNE_OFFICER"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(COMMUNE))));
        WebSession web = WebSession.logIn(port, user, "Mat-khau-kiem-thu-9");
        assertThat(web.get("/vaccination/points/new").body()).contains("value=\"" + COMMUNE + "\"");
        long theirs = create(admin, OTHER, "Trạm Y tế phường Trần Phú " + n, "HEALTH_STATION").body().get("id").asLong();
        assertThat(web.get("/vaccination/points/" + theirs + "/edit").statusCode()).isEqualTo(404);
        assertThat(web.get("/vaccination/points?commune=" + OTHER).statusCode()).isEqualTo(404);
    }

    /**
     * A dose's product and point are checked per statement (V49_17), not by keys: a dose naming a product or a point
     * that does not exist is refused as a key would refuse it, in a statement of many rows too, and a point or a
     * product that doses name is not deleted; a point nobody was vaccinated at is.
     */
    @Test
    void aDoseNamesOnlyProductsAndPointsThatExistAndThoseItNamesStay() {
        long point = create(officer, COMMUNE, "Điểm tiêm kiểm tra " + n, "MOBILE").body().get("id").asLong();
        long empty = create(officer, COMMUNE, "Điểm tiêm trống " + n, "MOBILE").body().get("id").asLong();
        long person = jdbc.sql("insert into person (full_name, sex, birth_year, commune_code) values ('Người Tiêm', 'MALE', 1980, ?) returning id")
                .param(COMMUNE).query(Long.class).single();
        String dose = "insert into vaccine_dose (person_id, given_on, product_code, dose_kind, point_id, source, recorded_by) ";
        jdbc.sql(dose + "values (?, '2021-09-01', 'ASTRAZENECA', 'PRIMARY_1', ?, 'MANUAL', 'test')").params(person, point).update();

        assertThatThrownBy(() -> jdbc.sql(dose + "values (?, '2021-11-01', 'NO_SUCH_VACCINE', 'PRIMARY_2', null, 'MANUAL', 'test')")
                .param(person).update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("vaccine product");
        assertThatThrownBy(() -> jdbc.sql(dose + "values (?, '2021-11-01', 'ASTRAZENECA', 'PRIMARY_2', ?, 'MANUAL', 'test'), "
                        + "(?, '2022-03-01', 'ASTRAZENECA', 'BOOSTER_1', -1, 'MANUAL', 'test')").params(person, point, person).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("vaccination point");
        assertThatThrownBy(() -> jdbc.sql("update vaccine_dose set point_id = -1 where person_id = ?").param(person).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from vaccine_dose where person_id = ?").param(person).query(Long.class).single())
                .as("the refused statements wrote nothing").isEqualTo(1);

        assertThatThrownBy(() -> jdbc.sql("delete from vaccination_point where id = ?").param(point).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("doses name");
        assertThat(jdbc.sql("delete from vaccination_point where id = ?").param(empty).update()).isEqualTo(1);

        // A product only doses name (the listed ones are named by rules and lots as well, with keys of their own).
        jdbc.sql("""
                insert into vaccine_product (code, name, platform_names, primary_doses, doses_per_vial, platform)
                values ('TEST_KEPT', 'Vắc xin thử', '{vac xin thu}', 2, 10, 'MRNA')""").update();
        jdbc.sql(dose + "values (?, '2021-11-01', 'TEST_KEPT', 'PRIMARY_2', null, 'MANUAL', 'test')").param(person).update();
        assertThatThrownBy(() -> jdbc.sql("delete from vaccine_product where code = 'TEST_KEPT'").update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("doses name");
        jdbc.sql("delete from vaccine_dose where person_id = ?").param(person).update();
        assertThat(jdbc.sql("delete from vaccine_product where code = 'TEST_KEPT'").update()).isEqualTo(1);
    }
}

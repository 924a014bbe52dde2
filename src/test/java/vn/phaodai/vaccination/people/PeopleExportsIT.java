package vn.phaodai.vaccination.people;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refused and home vaccination workbooks hold the lists' rows, in the lists' order, with reasons in words, and
 * leave an audit entry as the lists do; another commune's officer gets 404.
 */
@PhaodaiIT
class PeopleExportsIT {

    static final String COMMUNE = "18073";  // Phường Nam Hà
    static final String OTHER = "18070";    // Phường Trần Phú

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    long village;
    int serial;

    @BeforeEach
    void village() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        var r = admin.post("/api/v1/geography/communes/" + COMMUNE + "/villages", Map.of("name", "Tổ dân phố Xuất " + System.nanoTime() % 1_000_000));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        village = r.body().get("id").asLong();
    }

    private long person(String name) {
        var r = admin.post("/api/v1/persons", Map.of("fullName", name, "sex", name.contains("Thị") ? "FEMALE" : "MALE",
                "birthYear", 1940 + ++serial, "communeCode", COMMUNE, "villageId", village, "address", "Số " + serial + " Phan Đình Phùng"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    private static void sameRows(Sheet sheet, JsonNode list, int reasonColumn, String... reasons) {
        assertThat(sheet.getLastRowNum()).isEqualTo(list.get("total").asInt());
        for (int i = 0; i < list.get("items").size(); i++) {
            JsonNode p = list.get("items").get(i);
            assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(p.get("fullName").asString());
            assertThat((int) sheet.getRow(i + 1).getCell(1).getNumericCellValue()).isEqualTo(p.get("birthYear").asInt());
            assertThat(sheet.getRow(i + 1).getCell(2).getStringCellValue()).isEqualTo(p.get("villageName").asString());
            assertThat(sheet.getRow(i + 1).getCell(reasonColumn).getStringCellValue()).isIn((Object[]) reasons);
        }
    }

    private long audited(String list) {
        return jdbc.sql("select count(*) from audit_log where username = 'admin' and details::text like ?").param("%" + list + "%")
                .query(Long.class).single();
    }

    @Test
    void theWorkbooksHoldTheListsRows() throws Exception {
        long a = person("Lê Thị Xuân");
        long b = person("Trần Văn Hạ");
        long c = person("Phạm Thị Thu");
        assertThat(admin.post("/api/v1/persons/" + a + "/vaccination/refusals", Map.of("reason", "BELIEF")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/persons/" + b + "/vaccination/refusals", Map.of("reason", "OTHER", "reasonText", "Chờ vắc xin khác"))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/persons/" + c + "/vaccination/home-need", Map.of("reason", "ELDERLY")).status()).isEqualTo(201);

        long before = audited("refused-export");
        var refused = admin.download("/api/v1/vaccination/refused/export?commune=" + COMMUNE + "&village=" + village);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.disposition()).contains("tu-choi-tiem-" + COMMUNE + ".xlsx");
        assertThat(audited("refused-export")).isGreaterThan(before);
        JsonNode refusedList = admin.get("/api/v1/vaccination/refused?commune=" + COMMUNE + "&village=" + village).body();
        assertThat(refusedList.get("total").asInt()).isEqualTo(2);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(refused.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Lý do");
            sameRows(sheet, refusedList, 6, "Lý do tôn giáo, niềm tin", "Lý do khác");
        }

        // The page's link gives the same workbook to a session.
        WebSession web = WebSession.admin(port);
        var page = web.get("/vaccination/home-needs?commune=" + COMMUNE + "&village=" + village);
        assertThat(page.body()).contains("/vaccination/home-needs/export?commune=" + COMMUNE + "&amp;village=" + village);
        var home = web.bytes("/vaccination/home-needs/export?commune=" + COMMUNE + "&village=" + village);
        assertThat(home.statusCode()).isEqualTo(200);
        JsonNode homeList = admin.get("/api/v1/vaccination/home-needs?commune=" + COMMUNE + "&village=" + village).body();
        assertThat(homeList.get("total").asInt()).isEqualTo(1);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(home.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            sameRows(sheet, homeList, 6, "Người già yếu");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Chưa giao đội");
        }
        assertThat(web.bytes("/vaccination/refused/export?village=" + village).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherCommunesOfficerIsAnsweredNotFound() {
        TestApi officer = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", OTHER);
        assertThat(officer.download("/api/v1/vaccination/refused/export?commune=" + COMMUNE).status()).isEqualTo(404);
        assertThat(officer.download("/api/v1/vaccination/home-needs/export?village=" + village).status()).isEqualTo(404);
    }
}

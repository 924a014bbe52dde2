package vn.phaodai.vaccination.reconciliation;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.phaodai.support.WebSession.encode;

/**
 * The reconciliation page and the points' report form: a count typed on the phone form is saved, the same again
 * changes nothing, another count is a correction with its revision's number; wrong fields answer at the field with
 * what was typed; the page shows the point's row marked as differing, and its workbook holds the same numbers.
 */
@PhaodaiIT
class ReconciliationPagesIT {

    static final String COMMUNE = "18073";   // Phường Nam Hà, thành phố Hà Tĩnh
    static final AtomicInteger SERIAL = new AtomicInteger(9_000);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    long pointId;
    String pointName;

    @BeforeEach
    void freshPoint() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        pointName = "Điểm tiêm báo cáo " + SERIAL.incrementAndGet() + " " + System.nanoTime(); // the database outlives a run
        pointId = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') returning id")
                .params(COMMUNE, pointName).query(Long.class).single();
        // A test that emptied the communes restarted the points' ids, so movements addressed to this id may be another
        // point's: the ledger starts empty (it is append-only, so emptied whole, as the stock tests do).
        jdbc.sql("truncate vaccine_stock_movement").update();
    }

    private static String post(WebSession web, String form) throws Exception {
        String page = "/vaccination/point-reports/new";
        var r = web.postFrom(page, "/vaccination/point-reports", "_csrf=" + web.csrf(page) + "&" + form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void thePhoneFormSavesSaysTheSameAndCorrects() throws Exception {
        WebSession web = WebSession.admin(port);
        var blank = web.get("/vaccination/point-reports/new");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DAY);
        assertThat(blank.body()).contains("value=\"" + today + "\"", "Sinopharm (Vero Cell)").doesNotContain("vaccination.reportForm");
        String yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).format(DAY);
        // The point typed by its name, accents left out, as the picker's box sends it without a choice.
        String first = post(web, "point=&pointName=" + encode(pointName.replace("Điểm tiêm báo cáo", "diem tiem bao cao"))
                + "&day=" + encode(yesterday) + "&doses_VERO_CELL=12&doses_ASTRAZENECA=3");
        assertThat(first).contains("Sinopharm (Vero Cell): 12 — đã lưu", "AstraZeneca (Vaxzevria): 3 — đã lưu");
        String same = post(web, "point=" + pointId + "&pointName=&day=" + encode(yesterday) + "&doses_VERO_CELL=12");
        assertThat(same).contains("12 — giống lần báo cáo trước");
        String corrected = post(web, "point=" + pointId + "&day=" + encode(yesterday) + "&doses_VERO_CELL=14");
        assertThat(corrected).contains("14 — đã sửa (lần sửa thứ 1)");
        String again = post(web, "point=" + pointId + "&day=" + encode(yesterday) + "&doses_VERO_CELL=15");
        assertThat(again).contains("15 — đã sửa (lần sửa thứ 2)");
        assertThat(jdbc.sql("select doses from vaccination_point_report where point_id = ? and product_code = 'VERO_CELL'").param(pointId)
                .query(Integer.class).single()).isEqualTo(15);

        // Wrong fields at their place, everything typed kept, nothing saved.
        String wrong = post(web, "point=" + pointId + "&day=" + encode("31/02/2021") + "&doses_VERO_CELL=7&doses_ASTRAZENECA=" + encode("mười"));
        assertThat(wrong).contains("day-error", "doses_ASTRAZENECA-error", "value=\"31/02/2021\"", "value=\"mười\"", "value=\"7\"");
        String unknown = post(web, "point=&pointName=" + encode("Không có điểm này " + System.nanoTime()) + "&day=&doses_VERO_CELL=1");
        assertThat(unknown).contains("is-invalid", "Không có điểm tiêm nào tên");
        assertThat(jdbc.sql("select count(*) from vaccination_point_report where point_id = ?").param(pointId).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void thePageMarksTheDifferingPointAndItsWorkbookHoldsTheSameNumbers() throws Exception {
        WebSession web = WebSession.admin(port);
        post(web, "point=" + pointId + "&day=" + encode("03/09/2021") + "&doses_ASTRAZENECA=5");
        long person = jdbc.sql("""
                insert into person (full_name, sex, birth_year, national_id, commune_code)
                values (?, 'MALE', 1975, ?, ?) returning id""")
                .params("Người Đối Soát Trang " + SERIAL.get(), String.format("042176%06d", System.nanoTime() % 1_000_000), COMMUNE)
                .query(Long.class).single();
        jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, lot_number, dose_kind, point_id, source, recorded_by)
                values (?, ?, 'ASTRAZENECA', 'RP1', 'PRIMARY_1', ?, 'SESSION', 'test')""").params(person, LocalDate.of(2021, 9, 3), pointId).update();
        var page = web.get("/vaccination/reconciliation?commune=" + COMMUNE + "&from=01%2F09%2F2021&to=30%2F09%2F2021");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        Matcher row = Pattern.compile("<tr data-code=\"" + pointId + "\" data-differs=\"true\" class=\"table-warning\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(body);
        assertThat(row.find()).as(body).isTrue();
        assertThat(row.group(1)).contains(pointName, "Lệch");
        assertThat(row.group(1).replaceAll("\\s+", "")).contains(">1</td>", ">5</td>", ">4</td>", ">-1</td>");
        assertThat(body).contains("Phường Nam Hà · từ 01/09/2021 đến 30/09/2021", "/vaccination/reconciliation.xlsx?unit=" + COMMUNE)
                .doesNotContain("vaccination.recon");

        var workbook = web.bytes("/vaccination/reconciliation.xlsx?unit=" + COMMUNE + "&from=2021-09-01&to=2021-09-30");
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            var sheet = wb.getSheetAt(0);
            boolean found = false;
            for (var r : sheet) {
                if (r.getCell(0) != null && pointName.equals(r.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(1);
                    assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(5);
                    assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(4);
                }
            }
            assertThat(found).isTrue();
        }

        // A wrong day answers at its field, the typed text kept; another commune's code is missing.
        var wrong = web.get("/vaccination/reconciliation?commune=" + COMMUNE + "&from=" + encode("32/09/2021") + "&to=30%2F09%2F2021");
        assertThat(wrong.body()).contains("from-error", "value=\"32/09/2021\"");
        TestApi officer = new TestApi(port).newUser(port, "COMMUNE_OFFICER", "COMMUNE", "18070");
        assertThat(officer.get("/api/v1/vaccination/reconciliation?unit=" + COMMUNE + "&from=2021-09-01&to=2021-09-30").status()).isEqualTo(404);
    }
}

package vn.phaodai.shared;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Excel export, downloaded as a user does, reads as the pages do: labels where codes are stored, commune and
 * village names, dates dd/MM/yyyy (real dates), numbers as numbers, phones 0912 345 678; in English when asked.
 */
@PhaodaiIT
class ExportWordsIT {

    static final String COMMUNE = "18073";
    /** A stored code (ASYMPTOMATIC, HOME_CARE, PCR …), an ISO date, a commune code, a phone in its stored form. */
    static final Pattern CODE = Pattern.compile("[A-Z]{3,}(_[A-Z]+)*");
    static final Pattern ISO_DATE = Pattern.compile(".*\\d{4}-\\d{2}-\\d{2}.*");
    static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");
    static final Pattern STORED_PHONE = Pattern.compile(".*\\+84.*");
    static final Pattern VN_DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    long village;
    long person;

    @BeforeEach
    void aCaseWithEverythingFilledIn() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        village = api.post("/api/v1/geography/communes/" + COMMUNE + "/villages", Map.of("name", "Thôn Xuất Khẩu")).body().get("id").asLong();
        CaseFixture cases = new CaseFixture(api, jdbc);
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Lê Thị Xuân");
        p.put("sex", "FEMALE");
        p.put("dateOfBirth", "25/03/1985");
        p.put("nationalId", "042185000321");
        p.put("phone", "0912345678");
        p.put("communeCode", COMMUNE);
        p.put("villageId", village);
        p.put("address", "Số 3 ngõ 7 Thôn Xuất Khẩu"); // as the demo writes them: the village in the address
        p.put("comorbidities", List.of("HYPERTENSION"));
        person = cases.person(p);
        cases.confirmed(person, COMMUNE, village, LocalDate.of(2021, 10, 12));
    }

    @Test
    void theCaseListReadsAsThePages() throws Exception {
        Map<String, Cell> row = rowOf(WebSession.admin(port).bytes("/cases/export.xlsx?commune=" + COMMUNE).body(), "Lê Thị Xuân");
        assertThat(text(row.get("Giới tính"))).isEqualTo("Nữ");
        assertThat(text(row.get("Phường/xã"))).doesNotMatch("\\d+").isNotBlank();
        // No village column: the address says it, once.
        assertThat(text(row.get("Địa chỉ"))).isEqualTo("Số 3 ngõ 7 Thôn Xuất Khẩu");
        assertThat(text(row.get("Điện thoại"))).isEqualTo("0912 345 678");
        assertThat(text(row.get("Căn cứ"))).isEqualTo("RT-PCR dương tính");
        assertThat(text(row.get("Mức độ"))).isEqualTo("Không triệu chứng");
        assertThat(text(row.get("Nơi điều trị"))).isEqualTo("Tại nhà");
        assertThat(text(row.get("Tình trạng"))).isEqualTo("Đang điều trị");
        assertThat(text(row.get("Bệnh nền"))).isEqualTo("Tăng huyết áp");
        assertThat(text(row.get("Nguồn lây"))).isEqualTo("Phát hiện tại cộng đồng");
        assertThat(DateUtil.isCellDateFormatted(row.get("Ngày xác định"))).isTrue();
        assertThat(text(row.get("Ngày xác định"))).isEqualTo("12/10/2021");
        assertThat(row.get("Năm sinh").getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(row.get("Mã ca").getCellType()).isEqualTo(CellType.NUMERIC);
        noCodes(row);

        WebSession english = WebSession.admin(port);
        english.get("/cases?lang=en");
        Map<String, Cell> en = rowOf(english.bytes("/cases/export.xlsx?commune=" + COMMUNE).body(), "Lê Thị Xuân");
        assertThat(en).containsKey("Severity");
        assertThat(text(en.get("Severity"))).isEqualTo(englishLabel("case.severity.ASYMPTOMATIC"));
        assertThat(text(en.get("Confirmed on"))).isEqualTo("12/10/2021");
        noCodes(en);
    }

    @Test
    void thePersonListReadsAsThePages() throws Exception {
        Map<String, Cell> row = rowOf(WebSession.admin(port).bytes("/persons/export.xlsx?commune=" + COMMUNE).body(), "Lê Thị Xuân");
        assertThat(text(row.get("Giới tính"))).isEqualTo("Nữ");
        assertThat(text(row.get("Thôn/tổ dân phố"))).isEqualTo("Thôn Xuất Khẩu");
        assertThat(text(row.get("Địa chỉ"))).as("beside its village column").isEqualTo("Số 3 ngõ 7");
        assertThat(text(row.get("Phường/xã"))).doesNotMatch("\\d+").isNotBlank();
        assertThat(text(row.get("Điện thoại"))).isEqualTo("0912 345 678");
        assertThat(text(row.get("Bệnh nền"))).isEqualTo("Tăng huyết áp");
        assertThat(DateUtil.isCellDateFormatted(row.get("Ngày/năm sinh"))).isTrue();
        assertThat(text(row.get("Ngày/năm sinh"))).isEqualTo("25/03/1985");
        noCodes(row);
        // The person's page: the village on its row, the address without it again.
        String page = WebSession.admin(port).get("/persons/" + person).body();
        assertThat(page).contains("id=\"address\">Số 3 ngõ 7</dd>", ">Thôn Xuất Khẩu</dd>");
    }

    @Test
    void theUnsampledListReadsAsThePages() throws Exception {
        LocalDate today = LocalDate.now();
        var campaign = api.post("/api/v1/campaigns", Map.of("name", "Sàng lọc xuất khẩu", "communeCodes", List.of(COMMUNE),
                "villageIds", List.of(village), "startsOn", today.toString(), "endsOn", today.toString(), "testType", "RAPID"));
        assertThat(campaign.status()).as(campaign.text()).isEqualTo(201);
        long id = campaign.body().get("id").asLong();
        Map<String, Cell> row = rowOf(WebSession.admin(port).bytes("/campaigns/" + id + "/unsampled.xlsx").body(), "Lê Thị Xuân");
        assertThat(text(row.get("Giới tính"))).isEqualTo("Nữ");
        assertThat(text(row.get("Thôn/tổ dân phố"))).isEqualTo("Thôn Xuất Khẩu");
        assertThat(text(row.get("Điện thoại"))).isEqualTo("0912 345 678");
        assertThat(text(row.get("Địa chỉ"))).isEqualTo("Số 3 ngõ 7");
        assertThat(row.get("Năm sinh").getCellType()).isEqualTo(CellType.NUMERIC);
        noCodes(row);
    }

    private static final DataFormatter SHOWN = new DataFormatter(java.util.Locale.ROOT);

    /** The cell as Excel shows it (a date in its format). */
    private static String text(Cell cell) {
        assertThat(cell).isNotNull();
        return SHOWN.formatCellValue(cell);
    }

    /** The row of the person, keyed by the header row's texts. */
    private static Map<String, Cell> rowOf(byte[] workbook, String fullName) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> names = new ArrayList<>();
            for (Cell c : header) names.add(c.getStringCellValue());
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (int c = 0; c < names.size(); c++) if (r.getCell(c) != null) cells.put(names.get(c), r.getCell(c));
                if (cells.values().stream().anyMatch(c -> c.getCellType() == CellType.STRING && fullName.equals(c.getStringCellValue()))) {
                    return cells;
                }
            }
        }
        throw new AssertionError(fullName + " is not in the workbook");
    }

    private static void noCodes(Map<String, Cell> row) {
        row.forEach((column, cell) -> {
            String shown = text(cell);
            assertThat(shown).as(column).doesNotMatch(ISO_DATE);
            if (cell.getCellType() == CellType.STRING) {
                assertThat(shown).as(column).doesNotMatch(CODE).doesNotMatch(COMMUNE_CODE).doesNotMatch(STORED_PHONE);
            }
            if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) assertThat(shown).as(column).matches(VN_DATE);
        });
    }

    private static String englishLabel(String key) throws Exception {
        var props = new java.util.Properties();
        try (var in = ExportWordsIT.class.getResourceAsStream("/messages_en.properties")) {
            props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return props.getProperty(key);
    }
}

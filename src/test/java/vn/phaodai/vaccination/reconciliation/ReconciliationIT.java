package vn.phaodai.vaccination.reconciliation;

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

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry vs reported vs issued on a fresh point of a known commune: a dose the point reported and nobody recorded
 * shows as a difference; a point report posted twice is one report, a different count corrects it with a revision;
 * the other commune's officer sees neither.
 */
@PhaodaiIT
class ReconciliationIT {

    static final String COMMUNE = "18073";   // Phường Nam Hà, thành phố Hà Tĩnh
    static final String OTHER = "18070";
    static final AtomicInteger SERIAL = new AtomicInteger(8_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    long pointId;

    @BeforeEach
    void freshPoint() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        pointId = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') returning id")
                .params(COMMUNE, "Điểm tiêm đối soát " + SERIAL.incrementAndGet()).query(Long.class).single();
    }

    private void dose(String product, LocalDate on) {
        int n = SERIAL.incrementAndGet();
        long person = jdbc.sql("""
                insert into person (full_name, sex, birth_year, national_id, commune_code)
                values (?, 'MALE', 1975, ?, ?) returning id""")
                .params("Người Đối Soát " + n, String.format("042175%06d", n), COMMUNE).query(Long.class).single();
        jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, lot_number, dose_kind, point_id, source, recorded_by)
                values (?, ?, ?, 'RC1', 'PRIMARY_1', ?, 'SESSION', 'test')""").params(person, on, product, pointId).update();
    }

    private TestApi.Response report(TestApi as, String day, String product, Object doses) {
        Map<String, Object> body = new HashMap<>();
        body.put("pointId", pointId);
        body.put("day", day);
        body.put("product", product);
        body.put("doses", doses);
        return as.post("/api/v1/vaccination/point-reports", body);
    }

    private JsonNode pointRow(JsonNode report) {
        for (JsonNode row : report.get("rows")) if (row.get("code").asText().equals(String.valueOf(pointId))) return row;
        throw new AssertionError("no row for the point in " + report);
    }

    @Test
    void aDoseReportedButNotRecordedShowsAsADifference() {
        String lot = "RC" + SERIAL.incrementAndGet();
        var lotResponse = api.post("/api/v1/vaccine/lots", Map.of("unit", "436", "product", "ASTRAZENECA", "lot", lot,
                "expiry", "2022-03-01", "doses", 100, "supplier", "Viện Vệ sinh dịch tễ Trung ương", "on", "2021-09-01"));
        assertThat(lotResponse.status()).as(lotResponse.text()).isEqualTo(201);
        long lotId = lotResponse.body().get("lotId").asLong();
        // What the point's holder already received: another test may have truncated the points and left stock
        // movements addressed to a holder of the same id (holders are named, not keyed).
        var beforeReport = api.get("/api/v1/vaccination/reconciliation?unit=" + COMMUNE + "&from=2021-09-01&to=2021-09-30");
        long issuedBefore = pointRow(beforeReport.body()).get("issued").asLong();
        var allocated = api.post("/api/v1/vaccine/allocations", Map.of("lotId", lotId, "from", "436", "to", "point-" + pointId,
                "doses", 20, "on", "2021-09-02"));
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(201);
        for (int i = 0; i < 3; i++) dose("ASTRAZENECA", LocalDate.of(2021, 9, 3));
        dose("ASTRAZENECA", LocalDate.of(2021, 9, 4));
        dose("ASTRAZENECA", LocalDate.of(2021, 10, 4)); // outside the period
        assertThat(report(api, "2021-09-03", "ASTRAZENECA", 3).status()).isEqualTo(201);
        assertThat(report(api, "2021-09-04", "ASTRAZENECA", 2).status()).isEqualTo(201); // one dose not in the registry

        var r = api.get("/api/v1/vaccination/reconciliation?unit=" + COMMUNE + "&from=2021-09-01&to=2021-09-30");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode row = pointRow(r.body());
        assertThat(row.get("registry").asLong()).isEqualTo(4);
        assertThat(row.get("reported").asLong()).isEqualTo(5);
        assertThat(row.get("issued").asLong()).isEqualTo(issuedBefore + 20);
        assertThat(row.get("reportedMinusRegistry").asLong()).isEqualTo(1);
        assertThat(row.get("differs").asBoolean()).isTrue();
        // The commune's total holds the point's numbers (and those of the other points of the commune).
        JsonNode total = r.body().get("total");
        assertThat(total.get("registry").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(total.get("issued").asLong()).isGreaterThanOrEqualTo(20);

        // By commune of the district: the commune's row is its total.
        var district = api.get("/api/v1/vaccination/reconciliation?unit=436&from=2021-09-01&to=2021-09-30");
        assertThat(district.status()).as(district.text()).isEqualTo(200);
        JsonNode communeRow = null;
        for (JsonNode c : district.body().get("rows")) if (c.get("code").asText().equals(COMMUNE)) communeRow = c;
        assertThat(communeRow).isNotNull();
        assertThat(communeRow.get("registry").asLong()).isEqualTo(total.get("registry").asLong());
        assertThat(communeRow.get("reported").asLong()).isEqualTo(total.get("reported").asLong());

        var export = api.download("/api/v1/vaccination/reconciliation/export?unit=" + COMMUNE + "&from=2021-09-01&to=2021-09-30");
        assertThat(export.status()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            assertThat(wb.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("Mũi trong sổ tiêm chủng");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        assertThat(api.get("/api/v1/vaccination/reconciliation?unit=" + COMMUNE + "&from=2021-09-30&to=2021-09-01").status()).isEqualTo(400);
        TestApi other = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", OTHER);
        assertThat(other.get("/api/v1/vaccination/reconciliation?unit=" + COMMUNE + "&from=2021-09-01&to=2021-09-30").status()).isEqualTo(404);
        assertThat(report(other, "2021-09-03", "ASTRAZENECA", 3).status()).isEqualTo(404);
    }

    @Test
    void aPointReportPostedTwiceIsOneAndADifferentCountCorrectsIt() {
        var first = report(api, "2021-09-10", "VERO_CELL", 40);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(report(api, "2021-09-10", "vero_cell", "40").status()).isEqualTo(200);
        var corrected = report(api, "2021-09-10", "VERO_CELL", 42);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.body().get("doses").asInt()).isEqualTo(42);
        assertThat(corrected.body().get("correctedBy").asText()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from vaccination_point_report where point_id = ?").param(pointId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select doses_before || '>' || doses_after from vaccination_point_report_revision v
                join vaccination_point_report r on r.id = v.report_id where r.point_id = ?""").param(pointId).query(String.class).list())
                .containsExactly("40>42");

        var bad = report(api, "2021-09-10", "VERO_CELL", "nhiều");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("doses");
        assertThat(report(api, "2021-09-10", "NO_SUCH", 1).text()).contains("product");
        assertThat(report(api, "hôm qua", "VERO_CELL", 1).text()).contains("day");
    }
}

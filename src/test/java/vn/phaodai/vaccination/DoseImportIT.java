package vn.phaodai.vaccination;

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

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import of the national platform's export, on the real database: matching, the unmatched list, idempotence. */
@PhaodaiIT
class DoseImportIT {

    static final String COMMUNE = "18073";   // Phường Nam Hà, Hà Tĩnh
    static final String OUTSIDE = "00001";   // Phường Phúc Xá, Hà Nội
    static final String HEADER = "Số CCCD/CMND,ho va ten,Ngày sinh,Giới tính,Số điện thoại,TÊN VẮC XIN,Số lô,Ngày tiêm,Mũi tiêm,Điểm tiêm\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    TestApi officer;
    String officerName;
    static final String PASSWORD = "Mat-khau-tiem-chung-9";

    @BeforeEach
    void freshRegistry() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        // No restart of the points' ids: stock movements name a point by its id, and a reused id would inherit another
        // test's movements.
        jdbc.sql("truncate vaccine_import_unmatched, vaccine_dose, vaccination_point cascade").update();
        officerName = "u-vimport-" + System.nanoTime();
        var r = admin.post("/api/v1/users", Map.of("username", officerName, "password", PASSWORD, "roles", List.of("COMMUNE_OFFICER"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(COMMUNE))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        officer = new TestApi(port, officerName, PASSWORD);
        jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, 'Trạm Y tế phường Nam Hà', 'HEALTH_STATION')")
                .param(COMMUNE).update();
    }

    private long person(String name, String born, String nationalId, String commune) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("sex", "MALE");
        p.put("dateOfBirth", born);
        if (nationalId != null) p.put("nationalId", nationalId);
        p.put("communeCode", commune);
        var r = admin.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    private Path csv(String text) throws Exception {
        Path f = Files.createTempFile("doses", ".csv");
        Files.writeString(f, text);
        return f;
    }

    private static long figure(JsonNode job, String name) {
        return job.get("result").get(name).asLong();
    }

    private List<Integer> rejectedLines(TestApi api, JsonNode job) {
        List<Integer> lines = new ArrayList<>();
        api.get("/api/v1/jobs/" + job.get("id").asString() + "/rejections?size=100").body().get("items")
                .forEach(i -> lines.add(i.get("line").asInt()));
        return lines;
    }

    private long doses() {
        return jdbc.sql("select count(*) from vaccine_dose").query(Long.class).single();
    }

    private long unmatchedRows() {
        return jdbc.sql("select count(*) from vaccine_import_unmatched").query(Long.class).single();
    }

    @Test
    void aCommuneOfficersFileIsMatchedByIdNumberElseNameAndBirthAndImportedTwiceChangesNothing() throws Exception {
        long an = person("Trần Văn An", "01/02/1980", "042080000111", COMMUNE);
        long binh = person("Lê Thị Bình", "03/04/1975", null, COMMUNE);
        person("Hoàng Văn Dũng", "05/05/1990", "001090000444", OUTSIDE);
        // A dose recorded by hand before: the platform's line of another day is a conflict, not an overwrite.
        jdbc.sql("insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by) values (?, '2021-07-15', 'ASTRAZENECA', 'PRIMARY_1', 'MANUAL', 'x')")
                .param(an).update();
        Path file = csv(HEADER
                + "042080000111,Trần Văn An,01/02/1980,Nam,0912345678,AstraZeneca,AZ123,10/10/2021,Mũi 2,Trạm Y tế phường Nam Hà\n"   // 2: by ID, our point
                + "042175000222,LÊ THỊ  BÌNH,03/04/1975,Nữ,,Pfizer,FK01,01/09/2021,mui 1,Bệnh viện Bạch Mai\n"                        // 3: by name + birth
                + "001090000444,Hoàng Văn Dũng,05/05/1990,Nam,,Vero Cell,V1,01/09/2021,Mũi 1,\n"                                       // 4: outside the area
                + "042099999999,Không Ai Cả,01/01/1990,Nam,,Vero Cell,V1,01/09/2021,Mũi 1,\n"                                          // 5: no such ID
                + ",Người Lạ Mặt,02/02/1992,Nữ,0987654321,Moderna,M1,02/09/2021,Mũi 1,Trạm Y tế phường Nam Hà\n"                       // 6: nobody
                + "042080000111,Trần Văn An,01/02/1980,Nam,,Vắc xin XYZ,X,10/10/2021,Mũi 2,\n"                                          // 7: unknown product
                + "042080000111,Trần Văn An,01/02/1980,Nam,,AstraZeneca,X,31/02/2021,Mũi 2,\n"                                          // 8: bad date
                + "042080000111,Trần Văn An,01/02/1980,Nam,,AstraZeneca,X,10/10/2021,Mũi 7,\n"                                          // 9: unknown dose
                + "042080000111,Trần Văn An,01/02/1980,Nam,,Vero Cell,X,01/08/2021,Mũi 1,\n"                                            // 10: conflict
                + "042080000111,Trần Văn An,01/02/1980,Nam,,AstraZeneca,AZ9,20/01/2022,Mũi 3,\n");                                     // 11: booster

        JsonNode job = officer.importAndWait("/api/v1/doses/import", file);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(figure(job, "rowsRead")).isEqualTo(10);
        assertThat(figure(job, "created")).isEqualTo(3);
        assertThat(figure(job, "unchanged")).isZero();
        assertThat(figure(job, "unmatched")).isEqualTo(3);
        assertThat(figure(job, "unmatchedNew")).isEqualTo(3);
        assertThat(figure(job, "conflicts")).isEqualTo(1);
        assertThat(figure(job, "rejected")).isEqualTo(3);
        assertThat(rejectedLines(officer, job)).containsExactly(7, 8, 9, 10);
        String reasons = officer.get("/api/v1/jobs/" + job.get("id").asString() + "/rejections").text();
        assertThat(reasons).contains("Tên vắc xin").contains("Ngày tiêm").contains("Mũi tiêm").contains("15/07/2021");

        var second = jdbc.sql("select point_id, given_at, source, cardinality(broken_rules) from vaccine_dose where person_id = ? and dose_kind = 'PRIMARY_2'")
                .param(an).query((rs, i) -> List.of(rs.getObject(1) != null, String.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4))).single();
        assertThat(second).containsExactly(true, "null", "IMPORT", 0);
        assertThat(jdbc.sql("select dose_kind from vaccine_dose where person_id = ? and given_on = '2022-01-20'").param(an).query(String.class).single())
                .isEqualTo("BOOSTER_1");
        assertThat(jdbc.sql("select given_at from vaccine_dose where person_id = ?").param(binh).query(String.class).single())
                .isEqualTo("Bệnh viện Bạch Mai");
        // The conflicting line left the recorded dose as it was.
        assertThat(jdbc.sql("select product_code from vaccine_dose where person_id = ? and dose_kind = 'PRIMARY_1'").param(an).query(String.class).single())
                .isEqualTo("ASTRAZENECA");

        JsonNode list = officer.get("/api/v1/doses/import/unmatched").body();
        assertThat(list.get("total").asInt()).isEqualTo(3);
        Map<Integer, String> reasonByLine = new HashMap<>();
        list.get("items").forEach(i -> reasonByLine.put(i.get("line").asInt(), i.get("reason").asString()));
        // A person outside the area reads as nobody: the same reason as an ID number nobody has.
        assertThat(reasonByLine).containsExactlyInAnyOrderEntriesOf(Map.of(4, "NO_SUCH_ID", 5, "NO_SUCH_ID", 6, "NONE"));

        long dosesBefore = doses();
        JsonNode again = officer.importAndWait("/api/v1/doses/import", file);
        assertThat(figure(again, "created")).isZero();
        assertThat(figure(again, "unchanged")).isEqualTo(3);
        assertThat(figure(again, "unmatched")).isEqualTo(3);
        assertThat(figure(again, "unmatchedNew")).isZero();
        assertThat(figure(again, "conflicts")).isEqualTo(1);
        assertThat(rejectedLines(officer, again)).containsExactly(7, 8, 9, 10);
        assertThat(doses()).isEqualTo(dosesBefore);
        assertThat(unmatchedRows()).isEqualTo(3);

        // An officer matches line 6 to a person from the page: the dose is recorded and the line leaves the list.
        long lam = person("Nguyễn Thị Lạ", "02/02/1992", null, COMMUNE);
        long lineId = jdbc.sql("select id from vaccine_import_unmatched where line = 6").query(Long.class).single();
        WebSession web = WebSession.logIn(port, officerName, PASSWORD);
        String page = "/vaccination/unmatched/" + lineId;
        assertThat(web.get(page).body()).contains("Người Lạ Mặt").contains("Không tìm thấy người");
        var posted = web.postFrom(page, page + "/match", "personId=" + lam + "&personIdName=&_csrf=" + web.csrf(page));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(jdbc.sql("select product_code || ' ' || given_on || ' ' || point_id from vaccine_dose where person_id = ?").param(lam)
                .query(String.class).single()).startsWith("SPIKEVAX 2021-09-02 ");
        assertThat(officer.get("/api/v1/doses/import/unmatched").body().get("total").asInt()).isEqualTo(2);
        assertThat(web.get("/vaccination/unmatched").body()).doesNotContain("Người Lạ Mặt").contains("Không Ai Cả");

        // The third time the file comes, the matched line is the officer's person again: nothing new.
        JsonNode third = officer.importAndWait("/api/v1/doses/import", file);
        assertThat(figure(third, "created")).isZero();
        assertThat(figure(third, "unchanged")).isEqualTo(4);
        assertThat(figure(third, "unmatched")).isEqualTo(2);
        assertThat(doses()).isEqualTo(dosesBefore + 1);
        assertThat(unmatchedRows()).isEqualTo(3);
    }

    @Test
    void anXlsxFileKeepsSeveralAlikeApartAndAnUnmatchedPersonCanBeRegistered() throws Exception {
        String other = jdbc.sql("select code from commune where district_code = '436' and code <> ? and active order by code limit 1")
                .param(COMMUNE).query(String.class).single();
        person("Phạm Văn Cường", "05/06/1990", null, COMMUNE);
        person("Phạm Văn Cường", "05/06/1990", null, other);
        long giang = person("Đỗ Thị Giang", "07/08/1985", null, other);
        Path file = Files.createTempFile("doses", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet("Danh sách");
            String[][] rows = {
                    {"Mũi tiêm", "Ngày tiêm", "Tên vắc xin", "Họ và tên", "Ngày sinh", "Số CCCD/CMND", "Điểm tiêm"},
                    {"Mũi 1", "01/09/2021", "Sinopharm", "Phạm Văn Cường", "05/06/1990", "", ""},          // 2: several alike
                    {"Mũi 2", "01/10/2021", "Vero Cell", "đỗ thị giang", "07/08/1985", "", ""},          // 3: by name + birth
                    {"Mũi 1", "1/9/2021", "Abdala", "Vũ Văn Hải", "09/09/1999", "042099000555", ""},    // 4: nobody
                    {"Mũi 1", "hôm qua", "Abdala", "Vũ Văn Hải", "09/09/1999", "", ""},                  // 5: bad date
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            book.write(out);
        }
        JsonNode job = admin.importAndWait("/api/v1/doses/import", file);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(figure(job, "created")).isEqualTo(1);
        assertThat(figure(job, "unmatched")).isEqualTo(2);
        assertThat(figure(job, "rejected")).isEqualTo(1);
        assertThat(rejectedLines(admin, job)).containsExactly(5);
        assertThat(jdbc.sql("select product_code || ' ' || dose_kind || ' ' || given_on from vaccine_dose where person_id = ?").param(giang)
                .query(String.class).single()).isEqualTo("VERO_CELL PRIMARY_2 2021-10-01");
        Map<Integer, String> reasons = new HashMap<>();
        jdbc.sql("select line, reason from vaccine_import_unmatched").query(rs -> {
            reasons.put(rs.getInt(1), rs.getString(2));
        });
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(2, "SEVERAL", 4, "NO_SUCH_ID"));

        // The admin's lines belong to no commune: the commune officer does not see them; the admin registers the person.
        assertThat(officer.get("/api/v1/doses/import/unmatched").body().get("total").asInt()).isZero();
        long line = jdbc.sql("select id from vaccine_import_unmatched where line = 4").query(Long.class).single();
        assertThat(officer.post("/api/v1/doses/import/unmatched/" + line + "/match", Map.of("personId", giang)).status()).isEqualTo(404);
        var registered = admin.post("/api/v1/doses/import/unmatched/" + line + "/register", Map.of("sex", "MALE", "communeCode", COMMUNE));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        long hai = registered.body().get("personId").asLong();
        assertThat(jdbc.sql("select national_id from person where id = ?").param(hai).query(String.class).single()).isEqualTo("042099000555");
        assertThat(jdbc.sql("select product_code || ' ' || dose_kind from vaccine_dose where person_id = ?").param(hai)
                .query(String.class).single()).isEqualTo("ABDALA PRIMARY_1");
        // The same file again: the registered person is found by the ID number now.
        JsonNode again = admin.importAndWait("/api/v1/doses/import", file);
        assertThat(figure(again, "created")).isZero();
        assertThat(figure(again, "unchanged")).isEqualTo(2);
        assertThat(figure(again, "unmatched")).isEqualTo(1);
        assertThat(unmatchedRows()).isEqualTo(2);
    }
}

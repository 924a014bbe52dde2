package vn.phaodai.population;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PhaodaiIT
class PersonImportIT {

    static final String HEADER = "Họ và tên,Giới tính,Ngày sinh,Năm sinh,Số CCCD/CMND,Điện thoại,Mã xã,Thôn/Tổ dân phố,"
            + "Địa chỉ,Mã hộ,Quan hệ với chủ hộ,Nghề nghiệp,Mã số thuế nơi làm việc,Có thai,Bệnh nền";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        assertThat(api.post("/api/v1/geography/communes/18073/villages", Map.of("name", "Thôn Bắc Kinh")).status()).isEqualTo(201);
    }

    @Test
    void goodRowsAreKeptBadRowsReportedByLineAndASecondImportCreatesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nhan-khau.csv");
        Files.writeString(file, String.join("\n", List.of(HEADER,
                "Nguyễn Văn An,Nam,25/03/1985,,042085000123,0912345678,18073,Thôn Bắc Kinh,,HO-1,Chủ hộ,Ngư dân,,,HYPERTENSION",
                "Lê Thị Hoa,Nữ,01/02/1988,,042188000456,,18073,thon bac kinh,,HO-1,Vợ,,,x,",
                "Nguyễn Văn Bé,Nam,,2019,,,18073,,,HO-1,Con,,,,",
                "Trần Văn Sai,Nam,31/02/1990,,,,18073,,,,,,,,",
                "Phạm Văn Xa,Nam,01/01/1990,,042090000789,0123,18073,,,,,,,,",
                "Hồ Thị Lạ,Nữ,01/01/1990,,042190000790,,18073,Thôn Không Có,,,,,,,",
                "Võ Văn Trùng,Nam,25/03/1985,,042085000123,,18073,,,,,,,,",
                "Đinh Văn Nam,Nữ,05/05/1975,,,,77777,,,,,,,,BENH_LA",
                "")));

        JsonNode job = importAndWait(file);
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        JsonNode result = job.get("result");
        assertThat(result.get("rowsRead").asInt()).isEqualTo(8);
        assertThat(result.get("created").asInt()).isEqualTo(3);
        assertThat(result.get("rejected").asInt()).isEqualTo(5);
        assertThat(result.get("householdsCreated").asInt()).isEqualTo(1);

        JsonNode rejections = api.get("/api/v1/jobs/" + job.get("id").asString() + "/rejections").body().get("items");
        List<Integer> lines = new ArrayList<>();
        rejections.forEach(r -> lines.add(r.get("line").asInt()));
        assertThat(lines).containsExactly(5, 6, 7, 8, 9);
        assertThat(rejections.get(0).get("reason").asString()).contains("Ngày sinh");
        assertThat(rejections.get(1).get("reason").asString()).contains("điện thoại");
        assertThat(rejections.get(2).get("reason").asString()).contains("Thôn Không Có");
        assertThat(rejections.get(3).get("reason").asString()).contains("dòng 2");
        assertThat(rejections.get(4).get("reason").asString()).contains("77777").contains("BENH_LA");

        long headId = jdbc.sql("select id from person where national_id = '042085000123'").query(Long.class).single();
        assertThat(jdbc.sql("select head_person_id from household where code = 'HO-1'").query(Long.class).single()).isEqualTo(headId);
        assertThat(jdbc.sql("select count(*) from person where household_id is not null and village_id is null").query(Long.class).single())
                .isEqualTo(1);

        JsonNode again = importAndWait(file).get("result");
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("alreadyRegistered").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from household").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLaterFileAddsPersonsAndHouseholdsToAPopulatedRegistry(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("dot-1.csv");
        Files.writeString(first, String.join("\n", HEADER,
                "Nguyễn Văn An,Nam,25/03/1985,,042085000123,,18073,,,HO-1,Chủ hộ,,,,",
                "Lê Thị Hoa,Nữ,01/02/1988,,042188000456,,18073,,,HO-1,Vợ,,,,",
                "Trần Văn Ba,Nam,01/01/1970,,042070000001,,18073,,,HO-3,Chủ hộ,,,,") + "\n");
        assertThat(importAndWait(first).get("result").get("created").asInt()).isEqualTo(3);
        Path second = dir.resolve("dot-2.csv");
        Files.writeString(second, String.join("\n", HEADER,
                "Phạm Văn Cường,Nam,02/02/1960,,042060000002,,18073,,,HO-2,Chủ hộ,,,,",
                "Phạm Thị Dung,Nữ,03/03/1962,,042162000003,,18073,,,HO-2,Vợ,,,,") + "\n");

        JsonNode job = importAndWait(second);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("result").get("created").asInt()).isEqualTo(2);
        assertThat(job.get("result").get("householdsCreated").asInt()).isEqualTo(1);
        long head = jdbc.sql("select id from person where national_id = '042060000002'").query(Long.class).single();
        assertThat(jdbc.sql("select head_person_id from household where code = 'HO-2'").query(Long.class).single()).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from person p join household h on h.id = p.household_id where h.code = 'HO-2'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void readsXlsxAndCanRejectTheWholeFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nhan-khau.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("Nhân khẩu");
            String[][] rows = {HEADER.split(","),
                    {"Bùi Thị Mai", "Nữ", "12/12/2000", "", "042300000321", "+84 912 000 111", "18073"},
                    {"Bùi Văn Lỗi", "Không rõ", "12/12/2000", "", "", "", "18073"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(out);
        }
        TestApi.Response started = api.upload("/api/v1/persons/import?allOrNothing=true", file);
        assertThat(started.status()).isEqualTo(202);
        JsonNode whole = waitFor(started.body().get("jobId").asString());
        assertThat(whole.get("result").get("applied").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();

        JsonNode kept = importAndWait(file);
        assertThat(kept.get("result").get("created").asInt()).isEqualTo(1);
        assertThat(kept.get("rowsRejected").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select phone from person").query(String.class).single()).isEqualTo("+84912000111");
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sai.csv");
        Files.writeString(file, "Tên,Tuổi\nAn,30\n");
        JsonNode job = importAndWait(file);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("Họ và tên").contains("Mã xã");
    }

    private JsonNode importAndWait(Path file) {
        TestApi.Response started = api.upload("/api/v1/persons/import", file);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return waitFor(started.body().get("jobId").asString());
    }

    private JsonNode waitFor(String jobId) {
        return api.finishedJob(jobId);
    }
}

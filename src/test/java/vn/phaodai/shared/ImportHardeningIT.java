package vn.phaodai.shared;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks on the importers, each on a real file built here: one bad cell refuses its row (with its line and
 * field), never the file; a broken file is refused with a message for a person, writes nothing, and is never a
 * 500; uploads do not outlive their import.
 */
@PhaodaiIT
class ImportHardeningIT {

    static final String PERSON_HEADER = "Họ và tên,Giới tính,Ngày sinh,Năm sinh,Số CCCD/CMND,Điện thoại,Mã xã,Thôn/Tổ dân phố,"
            + "Địa chỉ,Mã hộ,Quan hệ với chủ hộ,Nghề nghiệp,Mã số thuế nơi làm việc,Có thai,Bệnh nền";
    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Uploads uploads;
    @Autowired
    jakarta.servlet.MultipartConfigElement multipart;
    TestApi api;
    @TempDir
    Path dir;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
    }

    // --- one bad cell refuses its row, with line and field -------------------------------------------------------

    @Test
    void aPhoneOfZeroOrANulCharacterRefusesItsPersonRowNotTheFile() throws IOException {
        Path file = write("nhan-khau.csv", String.join("\n", PERSON_HEADER,
                "Nguyễn Văn An,Nam,25/03/1985,,042085000123,0912345678,18073,,,,,,,,",
                "Lê Thị Hoa,Nữ,01/02/1988,,042188000456,0,18073,,,,,,,,",
                "Trần Văn\u0000Ba,Nam,01/01/1970,,042070000001,,18073,,,,,,,,",
                "Phạm Văn Cường,Nam,02/02/1960,,042060000002,,18073,,Số 1\u0000 đường Trần Phú,,,,,,",
                "Phạm Thị Dung,Nữ,03/03/1962,,042162000003,,18073,,,HO-" + "x".repeat(60) + ",,,,,",
                "Võ Thị Em,Nữ,03/03/1962,,042162000004,0912 345 679,18073,,,,,,,,") + "\n");
        JsonNode job = importAndWait("/api/v1/persons/import", file);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("result").get("created").asInt()).isEqualTo(2);
        Map<Integer, String> refused = rejections(job);
        assertThat(refused.keySet()).containsExactly(3, 4, 5, 6);
        assertThat(refused.get(3)).contains("điện thoại").contains("'0'");
        assertThat(refused.get(4)).contains("Họ và tên").contains("U+0000");
        assertThat(refused.get(5)).contains("Địa chỉ").contains("U+0000");
        assertThat(refused.get(6)).contains("Mã hộ").contains("50");
        refused.values().forEach(ImportHardeningIT::assertForAPerson);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aNulCharacterRefusesItsLabResultRowWithTheField() throws IOException {
        long person = new Registry(api).person(COMMUNE, null);
        Path file = write("ket-qua.csv", "Mã mẫu,Mã người,Loại xét nghiệm,Thời gian lấy mẫu,Kết quả,Mã phòng xét nghiệm\n"
                + "N-1," + person + ",PCR,20/09/2021 08:00,Âm tính,LAB-1\n"
                + "N-2," + person + ",PCR,20/09/2021 08:00,Âm tính,LAB\u00002\n"
                + "N-3," + person + ",PCR,20/09/2021 08:00,Âm tính," + "L".repeat(41) + "\n"
                + "N-4," + person + ",PCR,20/09/99999 08:00,Âm tính,LAB-1\n");
        JsonNode job = importAndWait("/api/v1/lab-results/import", file);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("result").get("summary").get("created").asInt()).isEqualTo(1);
        Map<Integer, String> refused = rejections(job);
        assertThat(refused.keySet()).containsExactly(3, 4, 5);
        assertThat(refused.get(3)).contains("Mã phòng xét nghiệm").contains("U+0000");
        assertThat(refused.get(4)).contains("Mã phòng xét nghiệm");
        assertThat(refused.get(5)).contains("Thời gian lấy mẫu").contains("99999");
        refused.values().forEach(ImportHardeningIT::assertForAPerson);
        assertNoUploadLeft();
    }

    @Test
    void aNulCharacterRefusesItsContactRowWithTheField() throws IOException {
        Registry registry = new Registry(api);
        long a = registry.person(COMMUNE, null), b = registry.person(COMMUNE, null), c = registry.person(COMMUNE, null);
        Path file = write("tiep-xuc.csv", "Mã người nguồn,Mã người tiếp xúc,Ngày tiếp xúc,Nơi tiếp xúc\n"
                + a + "," + b + ",09/09/2021,Chợ Hà Tĩnh\n"
                + a + "," + c + ",09/09/2021,Chợ\u0000Hà Tĩnh\n"
                + a + "," + c + ",-0005-09-09,Chợ Hà Tĩnh\n");
        JsonNode job = importAndWait("/api/v1/contacts/import", file);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("result").get("created").asInt()).isEqualTo(1);
        Map<Integer, String> refused = rejections(job);
        assertThat(refused.keySet()).containsExactly(3, 4);
        assertThat(refused.get(3)).contains("Nơi tiếp xúc").contains("U+0000");
        assertThat(refused.get(4)).contains("Ngày tiếp xúc");
        assertNoUploadLeft();
    }

    // --- invalid UTF-8 ----------------------------------------------------------------------------------------------

    @Test
    void windows1252BytesAreRefusedWithTheirLineAndNothingIsStored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((PERSON_HEADER + "\nNguyễn Văn An,Nam,25/03/1985,,042085000123,,18073,,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("Jos\u00e9 Mar\u00eda,Nam,25/03/1985,,042085000124,,18073,,,,,,,,\n".getBytes(Charset.forName("windows-1252")));
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, bytes.toByteArray());
        JsonNode job = importAndWait("/api/v1/persons/import", file);

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("không phải UTF-8").contains("dòng 3");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
    }

    // --- duplicate headers ------------------------------------------------------------------------------------------

    @Test
    void twoColumnsForOneFieldAreRefusedNamingTheHeader() throws IOException {
        Path persons = write("hai-cot.csv", PERSON_HEADER + ",Điện thoại\nNguyễn Văn An,Nam,25/03/1985,,042085000123,,18073,,,,,,,,,0912345678\n");
        JsonNode job = importAndWait("/api/v1/persons/import", persons);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("'Điện thoại'").contains("cột F").contains("cột P");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();

        long person = new Registry(api).person(COMMUNE, null);
        Path lab = write("ket-qua.csv", "Mã mẫu,Mã người,Kết quả,Loại xét nghiệm,Thời gian lấy mẫu,result\n"
                + "D-1," + person + ",Âm tính,PCR,20/09/2021 08:00,Dương tính\n");
        JsonNode labJob = importAndWait("/api/v1/lab-results/import", lab);
        assertThat(labJob.get("status").asString()).isEqualTo("FAILED");
        assertThat(labJob.get("error").asString()).contains("'Kết quả'").contains("'result'");
        assertThat(jdbc.sql("select count(*) from sample").query(Long.class).single()).isZero();

        Path contacts = write("tiep-xuc.csv", "Mã người nguồn,Mã người tiếp xúc,Ngày tiếp xúc,Ngày tiếp xúc\n1,2,09/09/2021,10/09/2021\n");
        JsonNode contactJob = importAndWait("/api/v1/contacts/import", contacts);
        assertThat(contactJob.get("status").asString()).isEqualTo("FAILED");
        assertThat(contactJob.get("error").asString()).contains("'Ngày tiếp xúc'").contains("cột C").contains("cột D");

        Path villages = write("gso.csv", "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh,Mã PX\n"
                + "Tỉnh Hà Tĩnh,42,Huyện Kỳ Anh,445,Xã Kỳ Xuân,18073,Xã,,18074\n");
        TestApi.Response gso = api.upload("/api/v1/geography/import?complete=false", villages);
        assertThat(gso.status()).as(gso.text()).isEqualTo(400);
        assertThat(gso.body().get("detail").asString()).contains("'Mã PX'");
    }

    // --- the synchronous imports: broken files are 400 and write nothing -------------------------------------------

    @Test
    void brokenFilesAreRefusedWithoutA500AndWithoutWritingAnything() throws IOException {
        long communes = count("commune"), imports = count("geography_import");
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("rac.xlsx", "đây không phải tệp Excel".getBytes(StandardCharsets.UTF_8));
        broken.put("rac.xls", "đây cũng không phải tệp Excel".getBytes(StandardCharsets.UTF_8));
        byte[] xlsx = xlsx(List.of(List.of("Mã PX", "Tên", "Loại"), List.of("18073", "Thôn Một", "Thôn")));
        broken.put("cut.xlsx", java.util.Arrays.copyOf(xlsx, xlsx.length / 2));
        // a good row, then a quote that never closes: the good row's village must not stay
        broken.put("quote.csv", "Mã PX,Tên,Loại\n18073,Thôn Không,Thôn\n18073,\"Thôn Một,Thôn\n".getBytes(StandardCharsets.UTF_8));
        broken.put("latin.csv", concat("Mã PX,Tên,Loại\n18073,Thôn Hai,Thôn\n".getBytes(StandardCharsets.UTF_8),
                "18073,Th\u00f4n Ba,Th\u00f4n\n".getBytes(Charset.forName("windows-1252"))));
        broken.put("empty.xlsx", xlsx(List.of()));
        broken.put("header-only.csv", "\n".getBytes(StandardCharsets.UTF_8));

        for (var e : broken.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.write(file, e.getValue());
            for (String path : List.of("/api/v1/geography/import?complete=false", "/api/v1/geography/villages/import")) {
                TestApi.Response r = api.upload(path, file);
                // a village file of a blank line or an empty sheet is merely empty: nothing to import, nothing refused
                boolean empty = path.contains("villages") && (e.getKey().startsWith("header-only") || e.getKey().startsWith("empty"));
                assertThat(r.status()).as(path + " " + e.getKey() + ": " + r.text()).isEqualTo(empty ? 200 : 400);
                if (!empty) assertForAPerson(r.body().get("detail").asString());
            }
        }
        // The latin-1 village file's good line 2 was not saved: the file failed at line 3.
        TestApi.Response latin = api.upload("/api/v1/geography/villages/import", dir.resolve("latin.csv"));
        assertThat(latin.status()).isEqualTo(400);
        assertThat(latin.body().get("detail").asString()).contains("dòng 3");
        assertThat(count("village")).isZero();
        assertThat(count("commune")).isEqualTo(communes);
        assertThat(count("geography_import")).isEqualTo(imports);
        assertNoUploadLeft();
    }

    @Test
    void aNulCharacterInTheGsoListOrAVillageFileRefusesItsRowWithItsLine() throws IOException {
        Path gso = write("gso.csv", "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                + "Tỉnh Hà Tĩnh,42,Huyện Kỳ Anh,445,Xã Kỳ\u0000Xuân,18073,Xã,\n");
        TestApi.Response r = api.upload("/api/v1/geography/import?complete=false", gso);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(r.body().get("rejected").get(0).get("reason").asString()).contains("Phường Xã").contains("U+0000");
        assertThat(jdbc.sql("select name from commune where code = '18073'").query(String.class).single()).doesNotContain("\u0000");

        Path villages = write("thon.csv", "Mã PX,Tên,Loại\n18073,Thôn Một,Thôn\n18073,Thôn\u0000Hai,Thôn\n");
        TestApi.Response v = api.upload("/api/v1/geography/villages/import", villages);
        assertThat(v.status()).as(v.text()).isEqualTo(200);
        assertThat(v.body().get("created").asInt()).isEqualTo(1);
        assertThat(v.body().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(v.body().get("rejected").get(0).get("reason").asString()).contains("Tên thôn").contains("U+0000");
    }

    // --- size and row limits ----------------------------------------------------------------------------------------

    @Test
    void aMillionRowXlsxIsRefusedQuicklyByASynchronousImport() throws IOException {
        Path file = dir.resolve("trieu-dong.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            var sheet = wb.createSheet("Thôn");
            sheet.createRow(0).createCell(0).setCellValue("Mã PX");
            var good = sheet.createRow(1); // a good village first: it must not stay when the file is refused
            good.createCell(0).setCellValue("18073");
            good.createCell(1).setCellValue("Thôn Đầu");
            for (int r = 2; r < 1_048_576; r++) sheet.createRow(r).createCell(0).setCellValue(18073);
            wb.write(out);
        }
        Instant start = Instant.now();
        TestApi.Response r = api.upload("/api/v1/geography/villages/import", file);
        Duration took = Duration.between(start, Instant.now());
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).contains("100.000 dòng").contains("vượt giới hạn");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(count("village")).isZero();

        // A sheet that declares a million rows (a cell on the last one) is refused before its rows are read.
        Path declared = dir.resolve("cuoi-trang.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(declared)) {
            var sheet = wb.createSheet("Thôn");
            sheet.createRow(0).createCell(0).setCellValue("Mã PX");
            sheet.createRow(1_048_575).createCell(0).setCellValue("18073");
            wb.write(out);
        }
        assertThat(SpreadsheetReader.declaredRows(declared, "cuoi-trang.xlsx")).isEqualTo(1_048_576);
        TestApi.Response d = api.upload("/api/v1/geography/import", declared);
        assertThat(d.status()).as(d.text()).isEqualTo(400);
        assertThat(d.body().get("detail").asString()).contains("vượt giới hạn");
        assertNoUploadLeft();
    }

    // --- messages and uploads ---------------------------------------------------------------------------------------

    @Test
    void aDamagedFileFailsItsJobWithAMessageForAPersonAndItsUploadIsDeleted() throws IOException {
        Path file = dir.resolve("hong.xlsx");
        Files.writeString(file, "PK không phải zip");
        JsonNode job = importAndWait("/api/v1/persons/import", file);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("Không đọc được tệp .xlsx");
        assertForAPerson(job.get("error").asString());
        assertNoUploadLeft();

        Path good = write("tot.csv", PERSON_HEADER + "\nNguyễn Văn An,Nam,25/03/1985,,042085000123,,18073,,,,,,,,\n");
        assertThat(importAndWait("/api/v1/persons/import", good).get("status").asString()).isEqualTo("DONE");
        assertNoUploadLeft();

        // Refused whole (all or nothing, one bad row): the upload goes too.
        Path refused = write("mot-dong-sai.csv", PERSON_HEADER + "\nLê Thị Hoa,Nữ,01/02/1988,,042188000456,0,18073,,,,,,,,\n");
        JsonNode whole = importAndWait("/api/v1/persons/import?allOrNothing=true", refused);
        assertThat(whole.get("result").get("applied").asBoolean()).isFalse();
        assertNoUploadLeft();
        assertThat(uploads.folder()).startsWith(Path.of("target/it-data").toAbsolutePath());
        // the container's own temporary parts are there too, not in /tmp
        assertThat(Path.of(multipart.getLocation())).isEqualTo(uploads.incoming());
        assertThat(Files.getPosixFilePermissions(uploads.folder()))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A message for an officer: no file path, no SQL, no Java exception. */
    static void assertForAPerson(String message) {
        assertThat(message).doesNotContain("/tmp", "upload-", "it-data", "Exception", "java.", "org.", "ERROR:", "stage",
                "COPY", "copy ", "select ", "null");
    }

    private void assertNoUploadLeft() throws IOException {
        try (Stream<Path> files = Files.walk(uploads.folder())) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Trang 1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(rows.get(r).get(c));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private Map<Integer, String> rejections(JsonNode job) {
        Map<Integer, String> refused = new LinkedHashMap<>();
        api.get("/api/v1/jobs/" + job.get("id").asString() + "/rejections").body().get("items")
                .forEach(r -> refused.put(r.get("line").asInt(), r.get("reason").asString()));
        return refused;
    }

    private JsonNode importAndWait(String path, Path file) {
        return api.importAndWait(path, file);
    }
}

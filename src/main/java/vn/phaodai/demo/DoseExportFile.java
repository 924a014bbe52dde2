package vn.phaodai.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The national vaccination platform's export over the registry's persons (benchmark): each person's doses in
 * order (two primary doses and a booster, sometimes fewer), most lines with the person's ID number, some without
 * (found by name and birth date), a few naming nobody and a few with a vaccine nobody knows. The same seed writes
 * the same file.
 */
final class DoseExportFile {

    static final String HEADER = "Họ và tên,Ngày sinh,Giới tính,Số CCCD/CMND,Số điện thoại,Tên vắc xin,Số lô,Ngày tiêm,Mũi tiêm,Điểm tiêm\n";
    private static final String[] PRODUCTS = {"AstraZeneca", "Pfizer", "Vero Cell", "Moderna"};
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DoseExportFile() {
    }

    /** At most {@code lines} lines (fewer when the registry has too few persons); answers the file. */
    static Path write(JdbcClient jdbc, int lines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            Path file = Files.createTempFile("phaodai-doses", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                int[] written = {0};
                jdbc.sql("select full_name, date_of_birth, sex, national_id from person_card order by id").query(rs -> {
                    if (written[0] >= lines) return;
                    double d = random.nextDouble();
                    int doses = d < 0.10 ? 0 : d < 0.25 ? 1 : d < 0.70 ? 2 : 3;
                    String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
                    LocalDate first = LocalDate.of(2021, 8, 1).plusDays(random.nextInt(90));
                    LocalDate born = rs.getObject(2, LocalDate.class);
                    try {
                    for (int k = 1; k <= doses && written[0] < lines; k++) {
                        LocalDate on = k == 1 ? first : k == 2 ? first.plusDays(56) : first.plusDays(200);
                        double kind = random.nextDouble();
                        String name = rs.getString(1), id = rs.getString(4), vaccine = product;
                        if (kind < 0.12) id = "";                                               // by name and birth date
                        else if (kind < 0.14) { id = String.format("099%09d", written[0]); name = "Người Không Có " + written[0]; }
                        else if (kind < 0.15) vaccine = "Vắc xin thử nghiệm";                   // refused: unknown vaccine
                        out.write(csv(name) + "," + (born == null ? "" : born.format(VN_DATE)) + ","
                                + ("MALE".equals(rs.getString(3)) ? "Nam" : "Nữ") + "," + (id == null ? "" : id) + ",,"
                                + vaccine + ",L" + (on.getMonthValue() * 100 + k) + "," + on.format(VN_DATE) + ",Mũi " + k
                                + ",Trạm Y tế lưu động\n");
                        written[0]++;
                    }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

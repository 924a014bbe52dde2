package vn.phaodai.testing.screening;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/** The persons a campaign has not yet sampled, as a workbook for the door-to-door teams (SXSSF: a window in memory). */
final class CampaignExport {

    static final int MAX_ROWS = 200_000;
    /** The columns' texts: testing.export.&lt;name&gt;. */
    private static final List<String> HEADERS = List.of("code", "fullName", "birthYear", "sex", "village", "address", "phone",
            "household");

    private CampaignExport() {
    }

    static void write(OutputStream out, Messages messages, Consumer<Consumer<CampaignCoverage.UnsampledPerson>> rows)
            throws IOException {
        String male = messages.get("testing.export.male");
        String female = messages.get("testing.export.female");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("testing.export.sheet"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(messages.get("testing.export." + HEADERS.get(i)));
            int[] n = {1};
            rows.accept(p -> {
                Row r = sheet.createRow(n[0]++);
                r.createCell(0).setCellValue(p.id());
                r.createCell(1).setCellValue(p.fullName());
                r.createCell(2).setCellValue(p.birthYear());
                r.createCell(3).setCellValue("MALE".equals(p.sex()) ? male : female);
                r.createCell(4).setCellValue(p.villageName());
                r.createCell(5).setCellValue(nz(p.address()));
                r.createCell(6).setCellValue(nz(p.phoneDisplay()));
                r.createCell(7).setCellValue(p.householdId() == null ? "" : p.householdId().toString());
            });
            wb.write(out);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package vn.phaodai.testing.screening;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.phaodai.shared.Display;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SheetCells;

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
            SheetCells cells = new SheetCells(wb);
            int[] n = {1};
            rows.accept(p -> cells.row(sheet.createRow(n[0]++), p.id(), p.fullName(), p.birthYear(),
                    "MALE".equals(p.sex()) ? male : female, p.villageName(), Display.street(p.address(), p.villageName()), SheetCells.phone(p.phone()), p.householdId()));
            wb.write(out);
        }
    }
}

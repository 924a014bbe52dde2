package vn.phaodai.vaccination.reconciliation;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The reconciliation as a workbook: one row per commune (or point), the total last. */
final class ReconciliationExport {

    static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The columns' texts: vaccination.reconciliation.col.&lt;name&gt;. */
    static final List<String> HEADERS = List.of("name", "registry", "reported", "issued", "reportedMinusRegistry", "issuedMinusRegistry");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ReconciliationExport() {
    }

    static String fileName(Reconciliation.Report report) {
        return "doi-soat-mui-tiem-" + report.unit() + "-" + report.from() + "-" + report.to() + ".xlsx";
    }

    static void write(OutputStream out, Messages messages, Reconciliation.Report report) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("vaccination.reconciliation.sheet"));
            sheet.createRow(0).createCell(0).setCellValue(messages.get("vaccination.reconciliation.export.title", report.unitName(),
                    DAY.format(report.from()), DAY.format(report.to())));
            Row header = sheet.createRow(2);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(messages.get("vaccination.reconciliation.col." + HEADERS.get(i)));
            int n = 3;
            for (Reconciliation.Row row : report.rows()) row(sheet.createRow(n++), row, row.name());
            row(sheet.createRow(n), report.total(), messages.get("vaccination.reconciliation.total"));
            wb.write(out);
        }
    }

    private static void row(Row r, Reconciliation.Row row, String name) {
        r.createCell(0).setCellValue(name);
        long[] numbers = {row.registry(), row.reported(), row.issued(), row.reportedMinusRegistry(), row.issuedMinusRegistry()};
        for (int i = 0; i < numbers.length; i++) r.createCell(1 + i).setCellValue(numbers[i]);
    }
}

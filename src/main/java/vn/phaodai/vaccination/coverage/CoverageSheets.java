package vn.phaodai.vaccination.coverage;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The coverage table and the unvaccinated list as workbooks: words, not codes (bands and sexes by name), dates
 * dd/MM/yyyy, numbers as numbers (Excel shows them with the reader's separators). SXSSF: a window in memory.
 */
@Component
public class CoverageSheets {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Columns: vaccination.sheet.&lt;name&gt;. */
    private static final List<String> COVERAGE = List.of("unit", "band", "residents", "atLeastOneDose", "atLeastOneDosePercent",
            "primaryComplete", "primaryCompletePercent", "boosted", "boostedPercent");
    private static final List<String> PERSONS = List.of("fullName", "birthYear", "sex", "village", "address", "phone");

    private final Unvaccinated unvaccinated;
    private final Messages messages;

    CoverageSheets(Unvaccinated unvaccinated, Messages messages) {
        this.unvaccinated = unvaccinated;
        this.messages = messages;
    }

    /** Writes the report (computed first, so a refusal comes before any byte) to the output the supplier opens. */
    public void coverage(VaccinationCoverage.Report report, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("vaccination.sheet.coverage"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            sheet.createRow(0).createCell(0).setCellValue(messages.get("vaccination.sheet.coverageTitle", report.unit().name(),
                    DAY.format(report.on())));
            header(sheet.createRow(1), COVERAGE);
            int n = 2;
            List<VaccinationCoverage.UnitCoverage> units = new ArrayList<>();
            units.add(report.unit());
            units.addAll(report.children());
            for (VaccinationCoverage.UnitCoverage u : units) {
                for (VaccinationCoverage.Figures f : u.bands()) {
                    Row r = sheet.createRow(n++);
                    r.createCell(0).setCellValue(u.name());
                    r.createCell(1).setCellValue(f.bandName());
                    number(r, 2, f.residents(), integer);
                    number(r, 3, f.atLeastOneDose(), integer);
                    number(r, 4, f.atLeastOneDosePercent(), percent);
                    number(r, 5, f.primaryComplete(), integer);
                    number(r, 6, f.primaryCompletePercent(), percent);
                    number(r, 7, f.boosted(), integer);
                    number(r, 8, f.boostedPercent(), percent);
                }
            }
            wb.write(out);
        }
    }

    /** The unvaccinated list (checked and audited by the service before the first row is written). */
    public void unvaccinated(Unvaccinated.Criteria criteria, IoSupplier<OutputStream> output) throws IOException {
        String male = messages.get("vaccination.sheet.male");
        String female = messages.get("vaccination.sheet.female");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("vaccination.sheet.unvaccinated"));
            sheet.createRow(0).createCell(0).setCellValue(messages.get("vaccination.sheet.unvaccinatedTitle", DAY.format(criteria.on())));
            header(sheet.createRow(1), PERSONS);
            int[] n = {2};
            unvaccinated.all(criteria, true, p -> {
                Row r = sheet.createRow(n[0]++);
                r.createCell(0).setCellValue(p.fullName());
                r.createCell(1).setCellValue(p.birthYear());
                r.createCell(2).setCellValue("MALE".equals(p.sex()) ? male : female);
                r.createCell(3).setCellValue(p.villageName());
                r.createCell(4).setCellValue(p.address() == null ? "" : p.address());
                r.createCell(5).setCellValue(p.phoneDisplay() == null ? "" : p.phoneDisplay());
            });
            wb.write(output.get());
        }
    }

    private void header(Row row, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) row.createCell(i).setCellValue(messages.get("vaccination.sheet." + columns.get(i)));
    }

    private static void number(Row r, int column, double value, CellStyle style) {
        var cell = r.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}

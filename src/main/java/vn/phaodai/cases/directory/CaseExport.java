package vn.phaodai.cases.directory;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.cases.CaseCriteria;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The case directory as an Excel workbook, streamed (SXSSF keeps a window of rows in memory). */
@Component
class CaseExport {

    /** The columns, in order: each header's text is cases.export.column.&lt;name&gt; in the user's language. */
    private static final List<String> COLUMNS = List.of("caseId", "fullName", "sex", "birthYear", "nationalId",
            "phone", "address", "communeCode", "confirmedOn", "basis", "confirmingSample", "source", "symptomatic",
            "onsetDate", "severity", "careSetting", "facility", "comorbidities", "pregnant", "vaccineDoses", "careWorker",
            "status", "outcomeOn");

    private static final int BATCH = 1_000;

    private final Cases cases;
    private final Messages messages;

    CaseExport(Cases cases, Messages messages) {
        this.cases = cases;
        this.messages = messages;
    }

    void write(CaseCriteria criteria, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"danh-sach-ca-benh.xlsx\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("cases.export.sheet"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) header.createCell(i).setCellValue(messages.get("cases.export.column." + COLUMNS.get(i)));
            int[] n = {1};
            String male = messages.get("cases.export.sex.MALE");
            String female = messages.get("cases.export.sex.FEMALE");
            // The care workers are asked for a batch of rows at a time: one query per batch, not per case.
            List<CovidCase> batch = new ArrayList<>(BATCH);
            Consumer<List<CovidCase>> flush = rows -> {
                Map<Long, String> workers = cases.careWorkers(rows.stream().map(CovidCase::id).toList());
                for (CovidCase c : rows) row(sheet.createRow(n[0]++), c, "MALE".equals(c.sex()) ? male : female, workers.get(c.id()));
                rows.clear();
            };
            cases.forEach(criteria, c -> {
                batch.add(c);
                if (batch.size() == BATCH) flush.accept(batch);
            });
            flush.accept(batch);
            wb.write(response.getOutputStream());
        }
    }

    private static void row(Row r, CovidCase c, String sex, String careWorker) {
        Object[] values = {c.id(), c.fullName(), sex, c.birthYear(), c.nationalId(),
                c.phone(), c.address(), c.communeCode(), c.confirmedOn(), c.basis(), c.confirmingSampleCode(),
                c.source(), c.symptomatic() ? "x" : "", c.onsetDate(), c.severity(), c.careSetting(), c.facility(),
                String.join(";", c.comorbidities()), c.pregnant() ? "x" : "", c.vaccineDoses(), careWorker,
                c.status(), c.outcomeOn()};
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number num) r.createCell(i).setCellValue(num.doubleValue());
            else r.createCell(i).setCellValue(v == null ? "" : v.toString());
        }
    }
}

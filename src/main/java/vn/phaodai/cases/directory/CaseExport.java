package vn.phaodai.cases.directory;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.cases.CaseCriteria;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.population.Persons;
import vn.phaodai.shared.Display;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SheetCells;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The case directory as an Excel workbook, streamed (SXSSF keeps a window of rows in memory), in the words of the
 * pages: labels for codes, commune and village names, dates dd/MM/yyyy, phones 0912 345 678.
 */
@Component
class CaseExport {

    /** The columns, in order: each header's text is cases.export.column.&lt;name&gt; in the user's language. */
    private static final List<String> COLUMNS = List.of("caseId", "fullName", "sex", "birthYear", "nationalId",
            "phone", "address", "communeCode", "confirmedOn", "basis", "confirmingSample", "source", "symptomatic",
            "onsetDate", "severity", "careSetting", "facility", "comorbidities", "pregnant", "careWorker",
            "status", "outcomeOn");

    private static final int BATCH = 1_000;

    private final Cases cases;
    private final Messages messages;
    private final Geography geography;
    private final Persons persons;

    CaseExport(Cases cases, Messages messages, Geography geography, Persons persons) {
        this.cases = cases;
        this.messages = messages;
        this.geography = geography;
        this.persons = persons;
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
            Words words = new Words(new SheetCells(wb));
            // The care workers are asked for a batch of rows at a time: one query per batch, not per case.
            List<CovidCase> batch = new ArrayList<>(BATCH);
            Consumer<List<CovidCase>> flush = rows -> {
                Map<Long, String> workers = cases.careWorkers(rows.stream().map(CovidCase::id).toList());
                for (CovidCase c : rows) words.row(sheet.createRow(n[0]++), c, workers.get(c.id()));
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

    /** The labels, looked up once per export (names once per commune), and the row they make. */
    private final class Words {
        final SheetCells cells;
        final Map<String, String> labels = new HashMap<>();
        final Map<String, String> communes = new HashMap<>();
        final Map<Long, String> villages = new HashMap<>();
        final Map<String, String> comorbidities = persons.comorbidityNames();
        final String yes = messages.get("common.yes");

        Words(SheetCells cells) {
            this.cells = cells;
        }

        String label(String area, String code) {
            return code == null ? "" : labels.computeIfAbsent(area + code, k -> messages.get(k));
        }

        String commune(String code) {
            if (!communes.containsKey(code)) {
                communes.put(code, geography.communeNames(List.of(code)).getOrDefault(code, code));
                for (Village v : geography.villages(code)) villages.put(v.id(), v.name());
            }
            return communes.get(code);
        }

        void row(Row r, CovidCase c, String careWorker) {
            String commune = commune(c.communeCode());
            String village = c.villageId() == null ? null : villages.get(c.villageId());
            List<String> illnesses = c.comorbidities().stream().map(k -> comorbidities.getOrDefault(k, k)).toList();
            cells.row(r, c.id(), c.fullName(), label("cases.export.sex.", c.sex()), c.birthYear(), c.nationalId(),
                    SheetCells.phone(c.phone()), village == null ? c.address() : Display.address(c.address(), village), commune,
                    c.confirmedOn(), label("case.basis.", c.basis()), c.confirmingSampleCode(), label("case.source.", c.source()),
                    c.symptomatic() ? yes : "", c.onsetDate(), label("case.severity.", c.severity()),
                    label("case.careSetting.", c.careSetting()), c.facility(), String.join("; ", illnesses), c.pregnant() ? yes : "",
                    careWorker, label("case.status.", c.status()), c.outcomeOn());
        }
    }
}

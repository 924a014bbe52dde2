package vn.phaodai.cases.directory;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.phaodai.cases.CaseCriteria;
import vn.phaodai.cases.Cases;
import vn.phaodai.cases.CovidCase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The case directory as an Excel workbook, streamed (SXSSF keeps a window of rows in memory). */
final class CaseExport {

    private static final List<String> HEADERS = List.of("Mã ca", "Họ và tên", "Giới tính", "Năm sinh", "Số CCCD/CMND",
            "Điện thoại", "Địa chỉ", "Mã xã", "Ngày xác định", "Căn cứ", "Mẫu khẳng định", "Nguồn lây", "Triệu chứng",
            "Ngày khởi phát", "Mức độ", "Nơi điều trị", "Cơ sở", "Bệnh nền", "Có thai", "Số mũi vắc xin", "Cán bộ phụ trách",
            "Tình trạng", "Ngày kết thúc");

    private static final int BATCH = 1_000;

    private CaseExport() {
    }

    static void write(Cases cases, CaseCriteria criteria, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"danh-sach-ca-benh.xlsx\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("Ca bệnh");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(HEADERS.get(i));
            int[] n = {1};
            // The care workers are asked for a batch of rows at a time: one query per batch, not per case.
            List<CovidCase> batch = new ArrayList<>(BATCH);
            Consumer<List<CovidCase>> flush = rows -> {
                Map<Long, String> workers = cases.careWorkers(rows.stream().map(CovidCase::id).toList());
                for (CovidCase c : rows) row(sheet.createRow(n[0]++), c, workers.get(c.id()));
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

    private static void row(Row r, CovidCase c, String careWorker) {
        Object[] values = {c.id(), c.fullName(), "MALE".equals(c.sex()) ? "Nam" : "Nữ", c.birthYear(), c.nationalId(),
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

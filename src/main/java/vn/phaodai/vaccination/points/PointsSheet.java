package vn.phaodai.vaccination.points;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SheetCells;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The points' list as a workbook: one row a point, kinds and states in words. */
@Component
class PointsSheet {

    static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Columns: vaccination.points.col.&lt;name&gt;. */
    static final List<String> COLUMNS = List.of("name", "kind", "address", "commune", "district", "state");

    private final Points points;
    private final Messages messages;

    PointsSheet(Points points, Messages messages) {
        this.points = points;
        this.messages = messages;
    }

    void write(Points.Criteria criteria, HttpServletResponse response) throws IOException {
        List<Points.Point> rows = new ArrayList<>();
        points.all(criteria, rows::add); // checked before the first byte
        response.setContentType(TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"diem-tiem"
                + (criteria.commune() == null || criteria.commune().isBlank() ? "" : "-" + criteria.commune().strip()) + ".xlsx\"");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SheetCells cells = new SheetCells(wb);
            SXSSFSheet sheet = wb.createSheet(messages.get("vaccination.points.sheet"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) header.createCell(i).setCellValue(messages.get("vaccination.points.col." + COLUMNS.get(i)));
            int n = 1;
            for (Points.Point p : rows) {
                cells.row(sheet.createRow(n++), p.name(), messages.get("vaccination.pointKind." + p.kind()),
                        p.address() == null ? "" : p.address(), p.communeName(), p.districtName() == null ? "" : p.districtName(),
                        messages.get(p.active() ? "vaccination.points.state.open" : "vaccination.points.state.closed"));
            }
            wb.write(response.getOutputStream());
        }
    }
}

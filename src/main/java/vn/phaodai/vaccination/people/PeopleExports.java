package vn.phaodai.vaccination.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SheetCells;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The refused and home vaccination lists as workbooks, with the lists' filters; audited as the lists are (each person
 * written is a person shown). The pages link the first path, machines call the second.
 */
@RestController
@Tag(name = "Vaccination refusals and home vaccination", description = "The lists as Excel workbooks")
class PeopleExports {

    static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Columns: vaccination.peopleSheet.col.&lt;name&gt;. */
    static final List<String> REFUSED = List.of("fullName", "birthYear", "village", "address", "phone", "refusedOn", "reason",
            "reasonText", "talkedBy", "note");
    static final List<String> HOME = List.of("fullName", "birthYear", "village", "address", "phone", "notedOn", "reason", "team", "note");

    private final Refusals refusals;
    private final HomeNeeds needs;
    private final Messages messages;

    PeopleExports(Refusals refusals, HomeNeeds needs, Messages messages) {
        this.refusals = refusals;
        this.needs = needs;
        this.messages = messages;
    }

    @GetMapping({"/vaccination/refused/export", "/api/v1/vaccination/refused/export"})
    @Operation(summary = "The refused list (commune, village, q as the list) as an Excel workbook")
    void refused(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                 @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        List<Refusals.Row> rows = new ArrayList<>();
        refusals.all(new PeopleCriteria(commune, village, q), "refused-export", rows::add); // checked and audited first
        start(response, "tu-choi-tiem", commune);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SheetCells cells = new SheetCells(wb);
            SXSSFSheet sheet = header(wb, "vaccination.peopleSheet.refused", REFUSED);
            int n = 1;
            for (Refusals.Row r : rows) {
                cells.row(sheet.createRow(n++), r.fullName(), r.birthYear(), r.villageName(), r.address(), SheetCells.phone(r.phone()),
                        r.refusedOn(), messages.get("vaccination.refusal.reason." + r.reason()), r.reasonText(), r.talkedBy(), r.note());
            }
            wb.write(response.getOutputStream());
        }
    }

    @GetMapping({"/vaccination/home-needs/export", "/api/v1/vaccination/home-needs/export"})
    @Operation(summary = "The home vaccination list (commune, village, point, q as the list) as an Excel workbook")
    void homeNeeds(@RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                   @RequestParam(required = false) Long point, @RequestParam(required = false) String q,
                   HttpServletResponse response) throws IOException {
        List<HomeNeeds.Row> rows = new ArrayList<>();
        needs.all(new PeopleCriteria(commune, village, q), point, "home-needs-export", rows::add);
        start(response, "can-tiem-tai-nha", commune);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SheetCells cells = new SheetCells(wb);
            SXSSFSheet sheet = header(wb, "vaccination.peopleSheet.home", HOME);
            int n = 1;
            for (HomeNeeds.Row r : rows) {
                cells.row(sheet.createRow(n++), r.fullName(), r.birthYear(), r.villageName(), r.address(), SheetCells.phone(r.phone()),
                        r.notedOn(), messages.get("vaccination.homeNeed.reason." + r.reason()),
                        r.pointName() == null ? messages.get("vaccination.peopleSheet.noTeam") : r.pointName(), r.note());
            }
            wb.write(response.getOutputStream());
        }
    }

    private SXSSFSheet header(SXSSFWorkbook wb, String name, List<String> columns) {
        SXSSFSheet sheet = wb.createSheet(messages.get(name));
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) header.createCell(i).setCellValue(messages.get("vaccination.peopleSheet.col." + columns.get(i)));
        return sheet;
    }

    private static void start(HttpServletResponse response, String name, String commune) {
        response.setContentType(TYPE);
        String c = commune == null || commune.isBlank() ? "" : "-" + commune.strip().replaceAll("[^0-9A-Za-z]", "");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + c + ".xlsx\"");
    }
}

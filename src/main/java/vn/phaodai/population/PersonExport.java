package vn.phaodai.population;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A list of persons as an Excel workbook, streamed row by row (SXSSF keeps only a window in memory). */
@Component
class PersonExport {

    static final int MAX_ROWS = 200_000;
    private static final List<String> HEADERS = List.of("Mã", "Họ và tên", "Giới tính", "Ngày/năm sinh", "Số CCCD/CMND",
            "Điện thoại", "Mã xã", "Mã thôn", "Địa chỉ", "Mã hộ", "Quan hệ với chủ hộ", "Nghề nghiệp", "Có thai", "Bệnh nền");

    private final PersonSearch search;

    PersonExport(PersonSearch search) {
        this.search = search;
    }

    void write(PersonSearch.Criteria criteria, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("Danh sách");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(HEADERS.get(i));
            int[] n = {1};
            search.each(criteria, MAX_ROWS, p -> {
                Row r = sheet.createRow(n[0]++);
                int c = 0;
                r.createCell(c++).setCellValue(p.id());
                r.createCell(c++).setCellValue(p.fullName());
                r.createCell(c++).setCellValue(p.sex() == Sex.MALE ? "Nam" : "Nữ");
                r.createCell(c++).setCellValue(p.born());
                r.createCell(c++).setCellValue(nz(p.nationalId()));
                r.createCell(c++).setCellValue(nz(p.phoneDisplay()));
                r.createCell(c++).setCellValue(p.communeCode());
                r.createCell(c++).setCellValue(p.villageId() == null ? "" : p.villageId().toString());
                r.createCell(c++).setCellValue(nz(p.address()));
                r.createCell(c++).setCellValue(p.householdId() == null ? "" : p.householdId().toString());
                r.createCell(c++).setCellValue(p.relationToHead() == null ? "" : p.relationToHead().vi());
                r.createCell(c++).setCellValue(nz(p.occupation()));
                r.createCell(c++).setCellValue(p.pregnant() ? "x" : "");
                r.createCell(c).setCellValue(String.join(";", p.comorbidities()));
            });
            wb.write(out);
        }
    }

    /** The import template: the header row of the documented layout and one example row. */
    static void template(OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            SXSSFSheet sheet = wb.createSheet("Nhân khẩu");
            Row header = sheet.createRow(0);
            List<String> headers = ImportColumns.headers();
            for (int i = 0; i < headers.size(); i++) header.createCell(i).setCellValue(headers.get(i));
            Row example = sheet.createRow(1);
            String[] values = {"Nguyễn Văn An", "Nam", "25/03/1985", "", "042085000123", "0912345678", "18073", "Thôn 1",
                    "Xóm Đông", "HO-0001", "Chủ hộ", "Nông dân", "", "", "HYPERTENSION"};
            for (int i = 0; i < values.length; i++) example.createCell(i).setCellValue(values[i]);
            wb.write(out);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

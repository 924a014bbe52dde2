package vn.phaodai.population.spreadsheets;

import vn.phaodai.population.PersonCriteria;
import vn.phaodai.population.registry.PersonSearch;
import vn.phaodai.population.Sex;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.security.Scope;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A list of persons as an Excel workbook, streamed row by row (SXSSF keeps only a window in memory). */
@Component
public class PersonExport {

    static final int MAX_ROWS = 200_000;
    private static final List<String> HEADERS = List.of("Mã", "Họ và tên", "Giới tính", "Ngày/năm sinh", "Số CCCD/CMND",
            "Điện thoại", "Mã xã", "Mã thôn", "Địa chỉ", "Mã hộ", "Quan hệ với chủ hộ", "Nghề nghiệp", "Có thai", "Bệnh nền");

    private final PersonSearch search;

    PersonExport(PersonSearch search) {
        this.search = search;
    }

    /** Without the personal-data right, names, ID numbers, phones and addresses are left out. */
    public void write(PersonCriteria criteria, Scope scope, boolean personalData, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("Danh sách");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(HEADERS.get(i));
            int[] n = {1};
            search.each(criteria, scope, MAX_ROWS, p -> {
                Row r = sheet.createRow(n[0]++);
                int c = 0;
                r.createCell(c++).setCellValue(p.id());
                r.createCell(c++).setCellValue(personalData ? p.fullName() : "");
                r.createCell(c++).setCellValue(p.sex() == Sex.MALE ? "Nam" : "Nữ");
                r.createCell(c++).setCellValue(personalData ? p.born() : String.valueOf(p.birthYear()));
                r.createCell(c++).setCellValue(personalData ? nz(p.nationalId()) : "");
                r.createCell(c++).setCellValue(personalData ? nz(p.phoneDisplay()) : "");
                r.createCell(c++).setCellValue(p.communeCode());
                r.createCell(c++).setCellValue(p.villageId() == null ? "" : p.villageId().toString());
                r.createCell(c++).setCellValue(personalData ? nz(p.address()) : "");
                r.createCell(c++).setCellValue(p.householdId() == null ? "" : p.householdId().toString());
                r.createCell(c++).setCellValue(p.relationToHead() == null ? "" : p.relationToHead().vi());
                r.createCell(c++).setCellValue(nz(p.occupation()));
                r.createCell(c++).setCellValue(personalData && Boolean.TRUE.equals(p.pregnant()) ? "x" : "");
                r.createCell(c).setCellValue(personalData ? String.join(";", p.comorbidities()) : "");
            });
            wb.write(out);
        }
    }

    /** The import template: the header row of the documented layout and one example row. */
    public static void template(OutputStream out) throws IOException {
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

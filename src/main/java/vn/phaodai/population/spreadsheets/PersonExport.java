package vn.phaodai.population.spreadsheets;

import vn.phaodai.population.Relation;

import vn.phaodai.population.PersonCriteria;
import vn.phaodai.population.registry.PersonSearch;
import vn.phaodai.population.Sex;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A list of persons as an Excel workbook, streamed row by row (SXSSF keeps only a window in memory), in the user's
 * language. The import template stays Vietnamese in any language: its headers are the file layout the import reads.
 */
@Component
public class PersonExport {

    static final int MAX_ROWS = 200_000;
    /** The columns, by their text's key in i18n/population (population.export.&lt;column&gt;). */
    private static final List<String> HEADERS = List.of("id", "fullName", "sex", "born", "nationalId", "phone", "communeCode",
            "villageId", "address", "householdId", "relation", "occupation", "pregnant", "comorbidities");

    private final PersonSearch search;
    private final Messages messages;

    PersonExport(PersonSearch search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    /** Without the personal-data right, names, ID numbers, phones and addresses are left out. */
    public void write(PersonCriteria criteria, Scope scope, boolean personalData, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("population.export.sheet"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(messages.get("population.export." + HEADERS.get(i)));
            // Labels looked up once, not once a row.
            Map<Sex, String> sexes = new EnumMap<>(Sex.class);
            for (Sex s : Sex.values()) sexes.put(s, messages.get("person.sex." + s.name()));
            Map<Relation, String> relations = new EnumMap<>(Relation.class);
            for (Relation rel : Relation.values()) relations.put(rel, messages.get("population.relation." + rel.name()));
            int[] n = {1};
            search.each(criteria, scope, MAX_ROWS, p -> {
                Row r = sheet.createRow(n[0]++);
                int c = 0;
                r.createCell(c++).setCellValue(p.id());
                r.createCell(c++).setCellValue(personalData ? p.fullName() : "");
                r.createCell(c++).setCellValue(sexes.get(p.sex()));
                r.createCell(c++).setCellValue(personalData ? p.born() : String.valueOf(p.birthYear()));
                r.createCell(c++).setCellValue(personalData ? nz(p.nationalId()) : "");
                r.createCell(c++).setCellValue(personalData ? nz(p.phoneDisplay()) : "");
                r.createCell(c++).setCellValue(p.communeCode());
                r.createCell(c++).setCellValue(p.villageId() == null ? "" : p.villageId().toString());
                r.createCell(c++).setCellValue(personalData ? nz(p.address()) : "");
                r.createCell(c++).setCellValue(p.householdId() == null ? "" : p.householdId().toString());
                r.createCell(c++).setCellValue(p.relationToHead() == null ? "" : relations.get(p.relationToHead()));
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

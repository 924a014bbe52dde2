package vn.phaodai.population.spreadsheets;

import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.population.Relation;

import vn.phaodai.population.PersonCriteria;
import vn.phaodai.population.registry.PersonRepository;
import vn.phaodai.population.registry.PersonSearch;
import vn.phaodai.population.Sex;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Display;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SheetCells;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of persons as an Excel workbook, streamed row by row (SXSSF keeps only a window in memory), in the user's
 * language and the pages' words: commune and village names, labels, dates dd/MM/yyyy, phones 0912 345 678. The import template stays Vietnamese in any language: its headers are the file layout the import reads.
 */
@Component
public class PersonExport {

    static final int MAX_ROWS = 200_000;
    /** The columns, by their text's key in i18n/population (population.export.&lt;column&gt;). */
    private static final List<String> HEADERS = List.of("id", "fullName", "sex", "born", "nationalId", "phone", "communeCode",
            "villageId", "address", "householdId", "relation", "occupation", "pregnant", "comorbidities");

    private final PersonSearch search;
    private final Messages messages;
    private final Geography geography;
    private final PersonRepository repository;

    PersonExport(PersonSearch search, Messages messages, Geography geography, PersonRepository repository) {
        this.search = search;
        this.messages = messages;
        this.geography = geography;
        this.repository = repository;
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
            boolean english = "en".equals(Messages.locale().getLanguage());
            Map<String, String> illnesses = new HashMap<>();
            for (PersonRepository.Comorbidity c : repository.comorbidities()) {
                illnesses.put(c.code(), english && c.nameEn() != null ? c.nameEn() : c.nameVi());
            }
            // Names once per commune: its name and its villages'.
            Map<String, String> communes = new HashMap<>();
            Map<Long, String> villages = new HashMap<>();
            SheetCells cells = new SheetCells(wb);
            String yes = messages.get("population.export.yes");
            int[] n = {1};
            search.each(criteria, scope, MAX_ROWS, p -> {
                if (!communes.containsKey(p.communeCode())) {
                    communes.put(p.communeCode(), geography.communeNames(List.of(p.communeCode())).getOrDefault(p.communeCode(), p.communeCode()));
                    for (Village v : geography.villages(p.communeCode())) villages.put(v.id(), v.name());
                }
                String village = p.villageId() == null ? "" : villages.get(p.villageId());
                cells.row(sheet.createRow(n[0]++), p.id(),
                        personalData ? p.fullName() : "",
                        sexes.get(p.sex()),
                        personalData && p.dateOfBirth() != null ? p.dateOfBirth() : p.birthYear(),
                        personalData ? p.nationalId() : "",
                        personalData ? SheetCells.phone(p.phone()) : "",
                        communes.get(p.communeCode()),
                        village,
                        personalData ? Display.street(p.address(), village) : "", // the village has its column
                        p.householdId(),
                        p.relationToHead() == null ? "" : relations.get(p.relationToHead()),
                        p.occupation(),
                        personalData && Boolean.TRUE.equals(p.pregnant()) ? yes : "",
                        personalData ? String.join("; ", p.comorbidities().stream().map(c -> illnesses.getOrDefault(c, c)).toList()) : "");
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

package vn.phaodai.geography.imports;

import vn.phaodai.geography.UnitKind;

import vn.phaodai.geography.ImportSummary.RejectedRow;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;
import vn.phaodai.shared.SpreadsheetReader.Line;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the GSO list of administrative units in the GSO's own layout, one row per commune (or per
 * district for the island districts that have no commune). Columns are found by their headers.
 */
public final class GsoListParser {

    /** A unit of the list: its level (P, D or C), code, parent code, name, English name and kind. */
    public record Unit(char level, String code, String parent, String name, String nameEn, UnitKind kind) {
    }

    public record Parsed(Map<String, Unit> provinces, Map<String, Unit> districts, Map<String, Unit> communes,
                  List<RejectedRow> rejected) {
    }

    private static final String[] HEADERS = {"tinh thanh pho", "ma tp", "quan huyen", "ma qh", "phuong xa", "ma px",
            "cap", "ten tieng anh"};
    private static final int PROVINCE = 0, PROVINCE_CODE = 1, DISTRICT = 2, DISTRICT_CODE = 3, COMMUNE = 4,
            COMMUNE_CODE = 5, LEVEL = 6, NAME_EN = 7;

    private final Map<String, Unit> provinces = new LinkedHashMap<>();
    private final Map<String, Unit> districts = new LinkedHashMap<>();
    private final Map<String, Unit> communes = new LinkedHashMap<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final Messages messages;
    private int[] columns;

    private GsoListParser(Messages messages) {
        this.messages = messages;
    }

    public static Parsed parse(Path file, String fileName, long maxRows, Messages messages) throws IOException {
        GsoListParser parser = new GsoListParser(messages);
        SpreadsheetReader.read(file, fileName, maxRows, parser::line);
        if (parser.columns == null) {
            throw new InvalidInputException("file", messages.get("geography.gso.noHeader"));
        }
        return new Parsed(parser.provinces, parser.districts, parser.communes, parser.rejected);
    }

    private void line(Line line) {
        if (columns == null) {
            columns = header(line);
            return;
        }
        if (line.blank()) return;
        String error;
        try {
            for (int c : columns) if (c >= 0) SpreadsheetReader.text(line.cell(c), HEADER_NAMES[indexOf(c)], 200);
            error = accept(line);
        } catch (InvalidInputException e) {
            error = e.errors().get(0).message();
        }
        if (error != null) rejected.add(new RejectedRow(line.number(), error));
    }

    private static final String[] HEADER_NAMES = {"Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX",
            "Cấp", "Tên Tiếng Anh"};

    private int indexOf(int column) {
        for (int i = 0; i < columns.length; i++) if (columns[i] == column) return i;
        return 0;
    }

    /** Maps each expected header to its column; null until the header line is seen. Two columns of one name are refused. */
    private static int[] header(Line line) {
        int[] found = new int[HEADERS.length];
        java.util.Arrays.fill(found, -1);
        for (int c = 0; c < line.cells().size(); c++) {
            String h = fold(line.cell(c));
            for (int i = 0; i < HEADERS.length; i++) {
                if (!HEADERS[i].equals(h)) continue;
                if (found[i] >= 0) throw SpreadsheetReader.duplicateHeader(line.cell(found[i]), found[i], line.cell(c), c);
                found[i] = c;
            }
        }
        for (int i = 0; i < NAME_EN; i++) if (found[i] < 0) return null;
        return found;
    }

    private String accept(Line line) {
        String provinceCode = code(cell(line, PROVINCE_CODE), 2);
        String districtCode = code(cell(line, DISTRICT_CODE), 3);
        String communeCode = code(cell(line, COMMUNE_CODE), 5);
        String provinceName = cell(line, PROVINCE), districtName = cell(line, DISTRICT), communeName = cell(line, COMMUNE);
        if (provinceCode == null) return messages.get("geography.gso.provinceCode", cell(line, PROVINCE_CODE));
        if (districtCode == null) return messages.get("geography.gso.districtCode", cell(line, DISTRICT_CODE));
        if (provinceName.isEmpty()) return messages.get("geography.gso.provinceName");
        if (districtName.isEmpty()) return messages.get("geography.gso.districtName");
        boolean hasCommune = !cell(line, COMMUNE_CODE).isEmpty() || !communeName.isEmpty();
        UnitKind communeKind = null;
        if (hasCommune) {
            if (communeCode == null) return messages.get("geography.gso.communeCode", cell(line, COMMUNE_CODE));
            if (communeName.isEmpty()) return messages.get("geography.gso.communeName");
            communeKind = UnitKind.ofCommuneLevel(cell(line, LEVEL));
            if (communeKind == null) return messages.get("geography.gso.communeLevel", cell(line, LEVEL));
        }
        Unit province = new Unit('P', provinceCode, null, provinceName, null, UnitKind.ofProvinceName(provinceName));
        Unit district = new Unit('D', districtCode, provinceCode, districtName, null, UnitKind.ofDistrictName(districtName));
        String conflict = conflict(provinces, province, "geography.gso.province");
        if (conflict == null) conflict = conflict(districts, district, "geography.gso.district");
        if (conflict != null) return conflict;
        if (hasCommune) {
            String nameEn = cell(line, NAME_EN);
            Unit commune = new Unit('C', communeCode, districtCode, communeName, nameEn.isEmpty() ? null : nameEn, communeKind);
            if (communes.containsKey(communeCode)) return messages.get("geography.gso.communeRepeated", communeCode);
            communes.put(communeCode, commune);
        }
        provinces.putIfAbsent(provinceCode, province);
        districts.putIfAbsent(districtCode, district);
        return null;
    }

    /** The same code must carry the same name and parent on every row (level: the key of the level's texts). */
    private String conflict(Map<String, Unit> seen, Unit unit, String level) {
        Unit before = seen.get(unit.code());
        if (before == null) return null;
        if (!before.name().equals(unit.name())) {
            return messages.get(level + ".renamed", unit.code(), before.name(), unit.name());
        }
        if (before.parent() != null && !before.parent().equals(unit.parent())) {
            return messages.get(level + ".twoParents", unit.code());
        }
        return null;
    }

    private String cell(Line line, int column) {
        return columns[column] < 0 ? "" : line.cell(columns[column]);
    }

    /** Digits left-padded to the GSO width (Excel drops leading zeros); null when not a code. */
    private static String code(String raw, int width) {
        if (raw.isEmpty() || raw.length() > width || !raw.chars().allMatch(Character::isDigit)) return null;
        return "0".repeat(width - raw.length()) + raw;
    }

    public static String fold(String s) {
        String n = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

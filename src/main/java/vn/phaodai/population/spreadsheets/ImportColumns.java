package vn.phaodai.population.spreadsheets;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The documented column layout of a person import file; headers are matched without accents or case. The headers are
 * the file's layout, Vietnamese whatever the language of the page (the template and the guide name them), so they are
 * data here, not texts of a bundle.
 */
public enum ImportColumns {
    FULL_NAME("Họ và tên", true),
    SEX("Giới tính", true),
    DATE_OF_BIRTH("Ngày sinh", false),
    BIRTH_YEAR("Năm sinh", false),
    NATIONAL_ID("Số CCCD/CMND", false),
    PHONE("Điện thoại", false),
    COMMUNE_CODE("Mã xã", true),
    VILLAGE("Thôn/Tổ dân phố", false),
    ADDRESS("Địa chỉ", false),
    HOUSEHOLD("Mã hộ", false),
    RELATION("Quan hệ với chủ hộ", false),
    OCCUPATION("Nghề nghiệp", false),
    WORKPLACE_TAX_CODE("Mã số thuế nơi làm việc", false),
    PREGNANT("Có thai", false),
    COMORBIDITIES("Bệnh nền", false);

    public final String header;
    public final boolean required;

    ImportColumns(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    public static List<String> headers() {
        return java.util.Arrays.stream(values()).map(c -> c.header).toList();
    }

    /**
     * Column index of each layout column in the file's header row; -1 where absent. A column found twice is
     * refused: which of the two holds the data is anyone's guess.
     */
    public static int[] locate(List<String> headerCells) {
        int[] at = new int[values().length];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < headerCells.size(); i++) {
            String h = fold(headerCells.get(i));
            for (ImportColumns c : values()) {
                if (!fold(c.header).equals(h)) continue;
                if (at[c.ordinal()] >= 0) throw vn.phaodai.shared.SpreadsheetReader.duplicateHeader(headerCells.get(at[c.ordinal()]), at[c.ordinal()], headerCells.get(i), i);
                at[c.ordinal()] = i;
            }
        }
        return at;
    }

    public static String fold(String s) {
        return Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

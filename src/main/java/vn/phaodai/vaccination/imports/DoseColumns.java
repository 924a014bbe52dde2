package vn.phaodai.vaccination.imports;

import vn.phaodai.shared.SpreadsheetReader;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The columns of the national platform's export, found by header in any order (accents and case ignored). */
enum DoseColumns {
    FULL_NAME(true, "Họ và tên", "Họ tên"),
    BIRTH_DATE(false, "Ngày sinh"),
    SEX(false, "Giới tính"),
    NATIONAL_ID(false, "Số CCCD/CMND", "CCCD/CMND", "Số CMND/CCCD", "CCCD"),
    PHONE(false, "Số điện thoại"),
    PRODUCT(true, "Tên vắc xin", "Tên vaccine"),
    LOT(false, "Số lô"),
    GIVEN_ON(true, "Ngày tiêm"),
    DOSE_KIND(true, "Mũi tiêm"),
    POINT(false, "Điểm tiêm", "Cơ sở tiêm");

    final boolean required;
    final List<String> headers;

    DoseColumns(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** Each column's index in the header row, -1 where absent; two columns for one field are refused. */
    static int[] locate(List<String> headerCells) {
        int[] at = new int[values().length];
        Arrays.fill(at, -1);
        for (int i = 0; i < headerCells.size(); i++) {
            String h = fold(headerCells.get(i)).replace(" ", "");
            for (DoseColumns c : values()) {
                if (c.headers.stream().noneMatch(name -> fold(name).replace(" ", "").equals(h))) continue;
                if (at[c.ordinal()] >= 0) {
                    throw SpreadsheetReader.duplicateHeader(headerCells.get(at[c.ordinal()]), at[c.ordinal()], headerCells.get(i), i);
                }
                at[c.ordinal()] = i;
            }
        }
        return at;
    }

    /** Lower case without accents, đ as d, spaces collapsed: as fold_text() in the database and vaccine_product.platform_names. */
    static String fold(String s) {
        return Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

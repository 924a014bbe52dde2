package vn.phaodai.testing.results;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The column layout of a laboratory's result file; headers are matched without accents or case, Vietnamese or English. */
enum ResultColumns {
    SAMPLE_CODE(true, "Mã mẫu", "sampleCode", "sample_code"),
    PERSON_ID(false, "Mã người", "personId", "person_id"),
    NATIONAL_ID(false, "Số CCCD/CMND", "CCCD", "nationalId"),
    TEST_TYPE(false, "Loại xét nghiệm", "testType", "test_type"),
    SAMPLED_AT(false, "Thời gian lấy mẫu", "sampledAt", "sampled_at"),
    RESULT(true, "Kết quả", "result"),
    CT(false, "Ct"),
    LAB_CODE(false, "Mã phòng xét nghiệm", "labCode", "lab_code"),
    POOL_CODE(false, "Mã mẫu gộp", "poolCode", "pool_code"),
    REASON(false, "Lý do", "reason"),
    SYMPTOMATIC(false, "Có triệu chứng", "symptomatic"),
    RESULT_AT(false, "Thời gian trả kết quả", "resultAt", "result_at");

    final boolean required;
    final List<String> headers;

    ResultColumns(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** Column index of each column in the header row; -1 where absent; two columns for one field are refused. */
    static int[] locate(List<String> headerCells) {
        int[] at = new int[values().length];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < headerCells.size(); i++) {
            String h = fold(headerCells.get(i));
            for (ResultColumns c : values()) {
                if (c.headers.stream().noneMatch(name -> fold(name).equals(h))) continue;
                int before = at[c.ordinal()];
                if (before >= 0) {
                    throw vn.phaodai.shared.SpreadsheetReader.duplicateHeader(headerCells.get(before), before, headerCells.get(i), i);
                }
                at[c.ordinal()] = i;
            }
        }
        return at;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "").strip();
    }
}

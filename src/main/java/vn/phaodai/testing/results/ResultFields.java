package vn.phaodai.testing.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of a laboratory result as laboratories write them (Vietnamese or English words, Excel
 * dates); every refusal names the field in Vietnamese.
 */
public final class ResultFields {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Map<String, String> TEST_TYPES = Map.of("pcr", "PCR", "rt-pcr", "PCR", "rtpcr", "PCR",
            "rapid", "RAPID", "test nhanh", "RAPID", "test nhanh kháng nguyên", "RAPID", "kháng nguyên", "RAPID");
    private static final Map<String, String> RESULTS = Map.of("negative", "NEGATIVE", "âm tính", "NEGATIVE",
            "positive", "POSITIVE", "dương tính", "POSITIVE", "invalid", "INVALID", "không xác định", "INVALID",
            "không hợp lệ", "INVALID");
    public static final java.util.Set<String> REASONS = java.util.Set.of("SCREENING", "SYMPTOMS", "F1_FOLLOW_UP", "TRAVEL",
            "PAID_SERVICE", "FACTORY", "RETEST", "OTHER");
    private static final DateTimeFormatter[] DATE_TIMES = {
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]"), DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME};
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ISO_LOCAL_DATE};

    private ResultFields() {
    }

    public static String sampleCode(String v) {
        String s = blank(v) ? null : v.strip();
        if (s == null) throw new IllegalArgumentException("Thiếu mã mẫu");
        if (s.length() > 40 || !s.matches("[\\p{Alnum}._/-]+")) throw new IllegalArgumentException("Mã mẫu không hợp lệ: " + s);
        return s;
    }

    public static String testType(String v) {
        if (blank(v)) return null;
        String t = TEST_TYPES.get(v.strip().toLowerCase(Locale.ROOT));
        if (t == null) throw new IllegalArgumentException("Loại xét nghiệm không hợp lệ: " + v + " (PCR hoặc test nhanh)");
        return t;
    }

    static String result(String v) {
        if (blank(v)) throw new IllegalArgumentException("Thiếu kết quả");
        String r = RESULTS.get(v.strip().toLowerCase(Locale.ROOT));
        if (r == null) throw new IllegalArgumentException("Kết quả không hợp lệ: " + v + " (âm tính, dương tính, không xác định)");
        return r;
    }

    public static String reason(String v) {
        if (blank(v)) return null;
        String r = v.strip().toUpperCase(Locale.ROOT);
        if (!REASONS.contains(r)) throw new IllegalArgumentException("Lý do xét nghiệm không hợp lệ: " + v);
        return r;
    }

    static BigDecimal ct(String v) {
        if (blank(v)) return null;
        try {
            return ct(new BigDecimal(v.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Giá trị Ct không phải là số: " + v);
        }
    }

    static BigDecimal ct(BigDecimal ct) {
        if (ct == null) return null;
        if (ct.signum() <= 0 || ct.compareTo(BigDecimal.valueOf(50)) > 0) throw new IllegalArgumentException("Giá trị Ct phải từ 0 đến 50: " + ct);
        return ct.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /**
     * A time as ISO with offset, or a local time in Vietnam (d/M/yyyy H:mm, yyyy-MM-dd H:mm, or a date alone), in
     * the years 2000 to 2100: a year like 99999 parses in Java but not in PostgreSQL, and would fail the whole file.
     */
    public static OffsetDateTime time(String v, String field) {
        OffsetDateTime t = parseTime(v, field);
        if (t != null && (t.getYear() < 2000 || t.getYear() > 2100)) {
            throw new IllegalArgumentException(field + " không hợp lệ: " + v + " (năm phải từ 2000 đến 2100)");
        }
        return t;
    }

    private static OffsetDateTime parseTime(String v, String field) {
        if (blank(v)) return null;
        String s = v.strip();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset: a local time
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(VIETNAM).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(VIETNAM).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw new IllegalArgumentException(field + " không hợp lệ: " + v + " (dd/mm/yyyy hh:mm)");
    }

    static Long personId(String v) {
        if (blank(v)) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Mã người không hợp lệ: " + v);
        }
    }

    static String nationalId(String v) {
        if (blank(v)) return null;
        String s = v.strip();
        if (!s.matches("\\d{9}|\\d{12}")) throw new IllegalArgumentException("Số CCCD/CMND không hợp lệ: " + v);
        return s;
    }

    static boolean yes(String v) {
        if (blank(v)) return false;
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("có") || s.equals("co") || s.equals("x") || s.equals("true") || s.equals("yes") || s.equals("1");
    }

    static String optional(String v) {
        return blank(v) ? null : v.strip();
    }

    /** An optional code (a laboratory's, a pool's): letters, digits and . _ / - only, at most 40 characters. */
    static String code(String v, String field) {
        String s = optional(v);
        if (s == null) return null;
        if (s.length() > 40 || !s.matches("[\\p{Alnum}._/-]+")) throw new IllegalArgumentException(field + " không hợp lệ: " + s);
        return s;
    }

    static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}

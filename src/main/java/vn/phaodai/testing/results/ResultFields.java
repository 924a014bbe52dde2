package vn.phaodai.testing.results;

import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

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
 * dates); every refusal names the field in the user's language (Vietnamese in a background import).
 */
@Component
public class ResultFields {

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

    private final Messages messages;

    ResultFields(Messages messages) {
        this.messages = messages;
    }

    private IllegalArgumentException refused(String key, Object... args) {
        return new IllegalArgumentException(messages.get(key, args));
    }

    public String sampleCode(String v) {
        String s = blank(v) ? null : v.strip();
        if (s == null) throw refused("testing.sample.codeMissing");
        if (s.length() > 40 || !s.matches("[\\p{Alnum}._/-]+")) throw refused("testing.sample.codeInvalid", s);
        return s;
    }

    public String testType(String v) {
        if (blank(v)) return null;
        String t = TEST_TYPES.get(v.strip().toLowerCase(Locale.ROOT));
        if (t == null) throw refused("testing.sample.typeInvalid", v);
        return t;
    }

    public String result(String v) {
        if (blank(v)) throw refused("testing.sample.resultMissing");
        String r = RESULTS.get(v.strip().toLowerCase(Locale.ROOT));
        if (r == null) throw refused("testing.sample.resultInvalid", v);
        return r;
    }

    public String reason(String v) {
        if (blank(v)) return null;
        String r = v.strip().toUpperCase(Locale.ROOT);
        if (!REASONS.contains(r)) throw refused("testing.sample.reasonInvalid", v);
        return r;
    }

    public BigDecimal ct(String v) {
        if (blank(v)) return null;
        try {
            return ct(new BigDecimal(v.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            throw refused("testing.sample.ctNotNumber", v);
        }
    }

    public BigDecimal ct(BigDecimal ct) {
        if (ct == null) return null;
        if (ct.signum() <= 0 || ct.compareTo(BigDecimal.valueOf(50)) > 0) throw refused("testing.sample.ctRange", String.valueOf(ct));
        return ct.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /**
     * A time as ISO with offset, or a local time in Vietnam (d/M/yyyy H:mm, yyyy-MM-dd H:mm, or a date alone), in
     * the years 2000 to 2100: a year like 99999 parses in Java but not in PostgreSQL, and would fail the whole file.
     */
    public OffsetDateTime time(String v, String fieldKey) {
        OffsetDateTime t = parseTime(v, fieldKey);
        if (t != null && (t.getYear() < 2000 || t.getYear() > 2100)) {
            throw refused("testing.field.yearRange", messages.get(fieldKey), v);
        }
        return t;
    }

    private OffsetDateTime parseTime(String v, String fieldKey) {
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
        throw refused("testing.field.timeInvalid", messages.get(fieldKey), v);
    }

    public Long personId(String v) {
        if (blank(v)) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw refused("testing.sample.personIdInvalid", v);
        }
    }

    public String nationalId(String v) {
        if (blank(v)) return null;
        String s = v.strip();
        if (!s.matches("\\d{9}|\\d{12}")) throw refused("testing.sample.nationalIdInvalid", v);
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
    public String code(String v, String fieldKey) {
        String s = optional(v);
        if (s == null) return null;
        if (s.length() > 40 || !s.matches("[\\p{Alnum}._/-]+")) throw refused("testing.field.invalid", messages.get(fieldKey), s);
        return s;
    }

    static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}

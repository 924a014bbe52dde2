package vn.phaodai.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;

/**
 * What any text or date from a client must respect before it goes near the database: no NUL character
 * (PostgreSQL refuses it in text), at most {@value #MAX_LENGTH} characters (a name, an address, a note;
 * never a file), and a year from {@value #MIN_YEAR} to {@value #MAX_YEAR}. Checked for every JSON field
 * when it is read, for every request parameter and form field by {@link vn.phaodai.shared.web.InputFilter}, and for every
 * date parameter when it is converted.
 */
public final class InputLimits {

    public static final int MAX_LENGTH = 2000;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    /** Form fields that hold many lines pasted at once (the quick entry of contacts), with their own limit. */
    static final java.util.Set<String> MULTI_LINE_FIELDS = java.util.Set.of("lines");
    public static final int MAX_MULTI_LINE_LENGTH = 200_000;

    private InputLimits() {
    }

    /** {@link #textProblem(String)} for a named form field or parameter. */
    public static String textProblem(String field, String text) {
        if (text != null && MULTI_LINE_FIELDS.contains(field) && text.indexOf('\u0000') < 0) {
            return text.length() > MAX_MULTI_LINE_LENGTH ? SharedTexts.get("shared.input.multiLineTooLong", String.valueOf(MAX_MULTI_LINE_LENGTH)) : null;
        }
        return textProblem(text);
    }

    /** What is wrong with the text, in the user's language, or null when nothing is. */
    public static String textProblem(String text) {
        if (text == null) return null;
        if (text.indexOf('\u0000') >= 0) return SharedTexts.get("shared.input.nul");
        if (text.length() > MAX_LENGTH) {
            return SharedTexts.get("shared.input.tooLong", String.valueOf(MAX_LENGTH), String.valueOf(text.length()));
        }
        return null;
    }

    /** What is wrong with the date or time, or null when its year is within range. */
    public static String dateProblem(Object value) {
        int year;
        if (value instanceof LocalDate d) year = d.getYear();
        else if (value instanceof LocalDateTime d) year = d.getYear();
        else if (value instanceof OffsetDateTime d) year = d.atZoneSameInstant(ZoneOffset.UTC).getYear();
        else if (value instanceof ZonedDateTime d) year = d.withZoneSameInstant(ZoneOffset.UTC).getYear();
        else if (value instanceof Instant i) {
            if (i.isBefore(Instant.parse("1899-12-31T00:00:00Z")) || i.isAfter(Instant.parse("2101-01-02T00:00:00Z"))) {
                return outOfRange();
            }
            return null;
        } else return null;
        return year < MIN_YEAR || year > MAX_YEAR ? outOfRange() : null;
    }

    public static boolean isDate(Class<?> type) {
        return Temporal.class.isAssignableFrom(type) && (type == LocalDate.class || type == LocalDateTime.class
                || type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class);
    }

    /** The refusal of a date out of range (ProblemHandler knows it by this text). */
    public static String outOfRange() {
        return SharedTexts.get("shared.input.dateOutOfRange", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
    }

    /**
     * A code from a closed list (a status, a kind): blank is "no filter", anything else must be one of
     * the list, or the request is refused naming the parameter.
     */
    public static String oneOf(String field, String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) return value;
        if (!allowed.contains(value)) {
            throw new InvalidInputException(field, SharedTexts.get("shared.input.notInList", shorten(value), String.join(", ", allowed)));
        }
        return value;
    }

    public static String shorten(String value) {
        String v = value.replace('\u0000', '?');
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}

package vn.phaodai.vaccination.people;

import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The fields typed on the forms of this package, read as the dose form reads them. */
final class Texts {

    static final int MAX = 1000;
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Texts() {
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String limited(String field, String value, List<FieldError> errors, Messages messages) {
        String t = text(value);
        if (t != null && t.length() > MAX) {
            errors.add(new FieldError(field, messages.get("vaccination.dose.tooLong", MAX)));
            return null;
        }
        return t;
    }

    /** ISO or dd/MM/yyyy, today when empty, never after today. */
    static LocalDate date(String field, String value, LocalDate today, List<FieldError> errors, Messages messages) {
        String t = text(value);
        if (t == null) return today;
        try {
            LocalDate d = t.contains("/") ? LocalDate.parse(t, VN) : LocalDate.parse(t);
            if (d.isAfter(today)) errors.add(new FieldError(field, messages.get("vaccination.people.date.future")));
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, messages.get("vaccination.dose.date.unreadable", t)));
            return null;
        }
    }
}

package vn.phaodai.vaccination.imports;

import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * The checks of one field of the export; a bad field refuses its line with the field's header named. The products
 * are read once per import from vaccine_product (code, the platform's spellings, the primary course's length).
 */
final class DoseFields {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VN_DATE_DASH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** "Mũi tiêm" as the platform writes it, folded; "mui 3" depends on the product (see {@link #doseKind}). */
    private static final Map<String, String> DOSE_KINDS = Map.ofEntries(
            Map.entry("mui 1", "PRIMARY_1"), Map.entry("mui 2", "PRIMARY_2"), Map.entry("mui bo sung", "ADDITIONAL"),
            Map.entry("mui nhac lai lan 1", "BOOSTER_1"), Map.entry("mui nhac lai 1", "BOOSTER_1"),
            Map.entry("mui nhac lai lan 2", "BOOSTER_2"), Map.entry("mui nhac lai 2", "BOOSTER_2"));

    record Product(String code, int primaryDoses) {
    }

    private final Map<String, Product> products;
    private final LocalDate today;
    private final Messages messages;

    DoseFields(Map<String, Product> products, LocalDate today, Messages messages) {
        this.products = products;
        this.today = today;
        this.messages = messages;
    }

    String fullName(String raw, String header) {
        String name = raw.replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) throw refuse(header, "vaccination.import.required", header);
        return name;
    }

    /** A date as the platform writes it (dd/MM/yyyy), or ISO; never after today. Blank is null unless required. */
    LocalDate date(String raw, String header, boolean required) {
        String s = raw.strip();
        if (s.isEmpty()) {
            if (required) throw refuse(header, "vaccination.import.required", header);
            return null;
        }
        LocalDate d;
        try {
            d = s.contains("/") ? LocalDate.parse(s, VN_DATE) : s.matches("\\d{1,2}-\\d{1,2}-\\d{4}")
                    ? LocalDate.parse(s, VN_DATE_DASH) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw refuse(header, "vaccination.import.badDate", header, s);
        }
        if (d.isAfter(today) || d.getYear() < 1900) throw refuse(header, "vaccination.import.dateOutOfRange", header, s);
        return d;
    }

    /** An ID number: 9 (CMND) or 12 (CCCD) digits, spaces and dots aside; blank is null. */
    String nationalId(String raw, String header) {
        String s = raw.replaceAll("[\\s.]", "");
        if (s.isEmpty()) return null;
        if (!s.matches("\\d{9}|\\d{12}")) throw refuse(header, "vaccination.import.badNationalId", header, raw.strip());
        return s;
    }

    Product product(String raw, String header) {
        String folded = DoseColumns.fold(raw);
        if (folded.isEmpty()) throw refuse(header, "vaccination.import.required", header);
        Product p = products.get(folded);
        if (p == null) throw refuse(header, "vaccination.import.unknownProduct", header, raw.strip());
        return p;
    }

    /**
     * The dose kind. The platform counts doses: its "Mũi 3" is the third primary dose of a three-dose product
     * (Abdala) and, for the two-dose products, the first booster, which is what the platform meant by it in 2022.
     */
    String doseKind(String raw, String header, Product product) {
        String folded = DoseColumns.fold(raw);
        if (folded.isEmpty()) throw refuse(header, "vaccination.import.required", header);
        if (folded.equals("mui 3")) return product.primaryDoses() >= 3 ? "PRIMARY_3" : "BOOSTER_1";
        String kind = DOSE_KINDS.get(folded);
        if (kind == null) throw refuse(header, "vaccination.import.unknownDoseKind", header, raw.strip());
        return kind;
    }

    /** A free text cell kept as written: blank is null. */
    static String text(String raw) {
        String s = raw.replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    private InvalidInputException refuse(String field, String key, Object... args) {
        return new InvalidInputException(field, messages.get(key, args));
    }
}

package vn.phaodai.population;

import java.text.Normalizer;
import java.util.Locale;

/** Relation to the head of the household, as written in the household book. */
public enum Relation {
    HEAD("Chủ hộ", "Head"), SPOUSE("Vợ/Chồng", "Spouse"), CHILD("Con", "Child"), PARENT("Bố/Mẹ", "Parent"),
    GRANDPARENT("Ông/Bà", "Grandparent"), GRANDCHILD("Cháu", "Grandchild"), SIBLING("Anh/Chị/Em", "Sibling"),
    OTHER("Khác", "Other");

    private final String vi;
    private final String en;

    Relation(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }

    public String vi() {
        return vi;
    }

    /** The code, or a Vietnamese word of the household book (vợ, chồng, con, mẹ, ...); null if unknown. */
    public static Relation parse(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String f = Normalizer.normalize(raw.strip().toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        for (Relation r : values()) if (r.name().equalsIgnoreCase(f)) return r;
        return switch (f) {
            case "chu ho" -> HEAD;
            case "vo", "chong", "vo/chong" -> SPOUSE;
            case "con", "con trai", "con gai", "con de", "con nuoi", "con dau", "con re" -> CHILD;
            case "bo", "me", "cha", "bo/me", "cha/me" -> PARENT;
            case "ong", "ba", "ong/ba", "ong noi", "ba noi", "ong ngoai", "ba ngoai" -> GRANDPARENT;
            case "chau", "chau noi", "chau ngoai" -> GRANDCHILD;
            case "anh", "chi", "em", "anh/chi/em", "anh trai", "chi gai", "em trai", "em gai" -> SIBLING;
            case "khac" -> OTHER;
            default -> null;
        };
    }
}

package vn.phaodai.population;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Relation to the head of the household, as written in the household book. Its label is the text
 * {@code population.relation.<name>} of i18n/population.
 */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, OTHER;

    /**
     * The code, or a Vietnamese word of the household book (vợ, chồng, con, mẹ, ...); null if unknown. The words are
     * what a household book says, accents folded, in any language of the page.
     */
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

package vn.phaodai.population;

import java.util.Locale;

public enum Sex {
    MALE, FEMALE;

    /** MALE/FEMALE, or the Vietnamese Nam/Nữ (accents optional); null when neither. */
    public static Sex parse(String raw) {
        if (raw == null) return null;
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "male", "m", "nam" -> MALE;
            case "female", "f", "nữ", "nu", "nư" -> FEMALE;
            default -> null;
        };
    }
}

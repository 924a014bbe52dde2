package vn.phaodai.geography;

import java.util.Locale;

/** Kinds of administrative unit, named as the GSO list names them. */
public enum UnitKind {
    CENTRAL_CITY("Thành phố Trung ương", "Municipality"),
    PROVINCE("Tỉnh", "Province"),
    URBAN_DISTRICT("Quận", "Urban district"),
    RURAL_DISTRICT("Huyện", "Rural district"),
    TOWN("Thị xã", "Town"),
    PROVINCIAL_CITY("Thành phố", "Provincial city"),
    WARD("Phường", "Ward"),
    COMMUNE("Xã", "Commune"),
    TOWNSHIP("Thị trấn", "Township");

    private final String vi;
    private final String en;

    UnitKind(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }

    public static UnitKind ofProvinceName(String name) {
        return name.startsWith("Thành phố") ? CENTRAL_CITY : PROVINCE;
    }

    public static UnitKind ofDistrictName(String name) {
        if (name.startsWith("Quận")) return URBAN_DISTRICT;
        if (name.startsWith("Thị xã")) return TOWN;
        if (name.startsWith("Thành phố")) return PROVINCIAL_CITY;
        return RURAL_DISTRICT;
    }

    /** The commune kind from the GSO "Cấp" column; null when it is not one. */
    public static UnitKind ofCommuneLevel(String level) {
        return switch (level.strip().toLowerCase(Locale.ROOT)) {
            case "phường" -> WARD;
            case "xã" -> COMMUNE;
            case "thị trấn" -> TOWNSHIP;
            default -> null;
        };
    }
}

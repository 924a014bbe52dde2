package vn.phaodai.vaccination.stock;

/**
 * Who holds doses: a province, district or commune (by its GSO code) or a vaccination point (by its id), with the
 * units above it, so that "below" and "above" need no query. {@link #unit} is how the API names it: the GSO code,
 * or {@code point-<id>}.
 */
public record Holder(Level level, String code, String name, String provinceCode, String districtCode, String communeCode) {

    public enum Level { PROVINCE, DISTRICT, COMMUNE, POINT }

    static final String POINT_PREFIX = "point-";

    public String unit() {
        return level == Level.POINT ? POINT_PREFIX + code : code;
    }

    /** Whether the other holder sits strictly below this one (a district's communes and their points, ...). */
    public boolean above(Holder other) {
        if (other.equals(this) || other.level.ordinal() <= level.ordinal()) return false;
        return switch (level) {
            case PROVINCE -> code.equals(other.provinceCode);
            case DISTRICT -> code.equals(other.districtCode);
            case COMMUNE -> code.equals(other.communeCode);
            case POINT -> false;
        };
    }

    /** The unit one level up (a point's commune, a commune's district, a district's province), or null for a province. */
    public String parentUnit() {
        return switch (level) {
            case POINT -> communeCode;
            case COMMUNE -> districtCode;
            case DISTRICT -> provinceCode;
            case PROVINCE -> null;
        };
    }
}

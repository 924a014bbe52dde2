package vn.phaodai.vaccination.coverage;

import java.util.List;

/**
 * A place coverage is counted for: a province, district or commune by its GSO code, or a village by its id written
 * {@code v<id>} (a bare number could be either). {@code communes} are the communes it spans.
 */
public record CoverageUnit(Level level, String code, String name, List<String> communes, Long villageId) {

    public enum Level {
        PROVINCE, DISTRICT, COMMUNE, VILLAGE;

        /** Whether a unit of this level can be divided into units of the other. */
        boolean above(Level other) {
            return ordinal() < other.ordinal();
        }

        /** "district", as the by= parameter writes it. */
        public String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The unit= value that names a village. */
    static String villageCode(long id) {
        return "v" + id;
    }
}

package vn.phaodai.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The records a user may see: those owned by the communes, or kept in the villages, of the user's
 * jurisdiction (or everything). Every query of person-linked data adds {@link #condition}; a record
 * outside it does not exist for that user.
 */
@org.springframework.modulith.NamedInterface("api")
public record Scope(boolean everything, Set<String> communes, Set<Long> villages, Set<String> villageCommunes) {

    public static final Scope EVERYTHING = new Scope(true, Set.of(), Set.of(), Set.of());
    public static final Scope NOTHING = new Scope(false, Set.of(), Set.of(), Set.of());

    /** A scope of whole communes. */
    public static Scope ofCommunes(Set<String> communes) {
        return new Scope(false, communes, Set.of(), Set.of());
    }

    /** SQL condition on a row's commune and village columns, with parameters {@code :scopeCommunes, :scopeVillages}. */
    public String condition(String communeColumn, String villageColumn) {
        if (everything) return "true";
        // One side only when the other is empty: an OR would keep PostgreSQL from the commune index.
        if (villages.isEmpty()) return communeColumn + " = any(:scopeCommunes)";
        if (communes.isEmpty()) return villageColumn + " = any(:scopeVillages)";
        return "(" + communeColumn + " = any(:scopeCommunes) or " + villageColumn + " = any(:scopeVillages))";
    }

    public Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("scopeCommunes", communes.toArray(String[]::new));
        p.put("scopeVillages", villages.toArray(Long[]::new));
        return p;
    }

    public boolean covers(String communeCode, Long villageId) {
        return everything || communes.contains(communeCode) || (villageId != null && villages.contains(villageId));
    }

    /**
     * Whether every commune and village of the other scope is also in this one. An empty scope (a
     * facility's) is included only in everything: facilities are managed by the province.
     */
    public boolean includes(Scope other) {
        if (everything) return true;
        if (other.everything || (other.communes.isEmpty() && other.villages.isEmpty())) return false;
        return communes.containsAll(other.communes)
                && (villages.containsAll(other.villages) || communes.containsAll(other.villageCommunes));
    }

    @Override
    public String toString() {
        return everything ? "everything" : "communes " + Arrays.toString(communes.toArray()) + ", villages " + villages;
    }
}

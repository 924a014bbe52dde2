package vn.phaodai.security.accounts;

import vn.phaodai.security.Scope;

import org.springframework.stereotype.Component;
import vn.phaodai.geography.Geography;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a jurisdiction (a level and its codes) into the scope that queries apply. */
@Component
class Jurisdictions {

    static final Set<String> LEVELS = Set.of("PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE", "FACILITY");

    private final Geography geography;
    private final Messages messages;

    Jurisdictions(Geography geography, Messages messages) {
        this.geography = geography;
        this.messages = messages;
    }

    /**
     * A provincial jurisdiction without codes is the whole installation (the system administrator, the
     * provincial committee of a one-province installation).
     */
    Scope scope(String level, List<String> codes) {
        return switch (level) {
            case "PROVINCE" -> codes.isEmpty() ? Scope.EVERYTHING : Scope.ofCommunes(geography.communeCodesWithin(level, codes));
            case "DISTRICT", "COMMUNE" -> Scope.ofCommunes(geography.communeCodesWithin(level, codes));
            case "VILLAGE" -> {
                Set<Long> ids = villageIds(codes);
                Set<String> communes = new HashSet<>();
                for (Long id : ids) geography.village(id).ifPresent(v -> communes.add(v.communeCode()));
                yield new Scope(false, Set.of(), ids, communes);
            }
            default -> Scope.NOTHING; // facilities see their own records (laboratory samples, residents), not the registry
        };
    }

    void validate(String level, List<String> codes) {
        if (level == null || !LEVELS.contains(level)) {
            throw new InvalidInputException("jurisdiction.level", messages.get("security.jurisdiction.levelInvalid"));
        }
        if (!level.equals("PROVINCE") && codes.isEmpty()) throw new InvalidInputException("jurisdiction.codes", messages.get("security.jurisdiction.codesRequired"));
        switch (level) {
            case "PROVINCE", "DISTRICT", "COMMUNE" -> {
                if (!geography.unitsExist(level, codes)) throw new InvalidInputException("jurisdiction.codes", messages.get("security.jurisdiction.unitUnknown"));
            }
            case "VILLAGE" -> {
                for (String c : codes) {
                    if (!c.matches("\\d+") || geography.village(Long.parseLong(c)).isEmpty()) {
                        throw new InvalidInputException("jurisdiction.codes", messages.get("security.jurisdiction.villageUnknown", c));
                    }
                }
            }
            default -> { }
        }
    }

    private static Set<Long> villageIds(List<String> codes) {
        Set<Long> ids = new HashSet<>();
        for (String c : codes) ids.add(Long.parseLong(c));
        return ids;
    }
}

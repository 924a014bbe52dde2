package vn.phaodai.shared;

import java.util.List;
import java.util.Set;

/**
 * One link of the menu, published by the module that owns the page: where it sits, its name (a message key),
 * and the rights of which the user needs one (none: every logged-in user). The page checks access itself;
 * the menu only spares a role the links it could not use.
 */
public record NavigationEntry(NavigationArea area, int rank, String labelKey, String path, Set<String> anyOf) {

    public NavigationEntry {
        anyOf = Set.copyOf(anyOf);
    }

    public static NavigationEntry of(NavigationArea area, int rank, String labelKey, String path, String... anyOf) {
        return new NavigationEntry(area, rank, labelKey, path, Set.of(anyOf));
    }

    public boolean visibleWith(Set<String> rights) {
        return anyOf.isEmpty() || anyOf.stream().anyMatch(rights::contains);
    }

    /** What a module publishes as a bean: its entries, collected by the home module into the menu. */
    public record Contribution(List<NavigationEntry> entries) {
        public Contribution(NavigationEntry... entries) {
            this(List.of(entries));
        }
    }
}

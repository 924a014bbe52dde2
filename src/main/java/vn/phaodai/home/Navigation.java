package vn.phaodai.home;

import org.springframework.stereotype.Component;
import vn.phaodai.shared.NavigationArea;
import vn.phaodai.shared.NavigationEntry;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The menu: every module's entries, grouped by area of work; a user sees the groups and entries their rights open. */
@Component("navigation")
public class Navigation {

    public record Group(NavigationArea area, List<NavigationEntry> entries) {
        public String labelKey() {
            return area.labelKey();
        }
    }

    private final List<NavigationEntry> entries;

    Navigation(List<NavigationEntry.Contribution> contributions) {
        this.entries = contributions.stream().flatMap(c -> c.entries().stream())
                .sorted(Comparator.comparing(NavigationEntry::area).thenComparingInt(NavigationEntry::rank)).toList();
    }

    public List<NavigationEntry> all() {
        return entries;
    }

    /** The groups for a user with these rights (names of vn.phaodai.security.Right), empty groups left out. */
    public List<Group> groups(Set<String> rights) {
        Map<NavigationArea, List<NavigationEntry>> byArea = new EnumMap<>(NavigationArea.class);
        for (NavigationEntry e : entries) {
            if (rights != null && e.visibleWith(rights)) byArea.computeIfAbsent(e.area(), a -> new java.util.ArrayList<>()).add(e);
        }
        return byArea.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}

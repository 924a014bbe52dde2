package vn.phaodai.shared;

/** The areas of work the menu is grouped by, in the order the menu shows them. */
public enum NavigationArea {
    REGISTRY, TESTING, CASES, TRACING_AND_QUARANTINE, HOME_CARE, VACCINATION, REPORTS, ADMINISTRATION;

    /** The message key of the area's name in the menu. */
    public String labelKey() {
        return "nav.area." + name();
    }
}

/**
 * Quarantine: facilities, stays and the policies in force, arrivals from epidemic areas, tests due, the end-of-
 * quarantine decision. No other module uses its types, so the root holds only this description; the jobs:
 * <ul>
 * <li>{@code stays}: what a stay is, how one is read and locked, who sees it (Access), stays following a merged person;</li>
 * <li>{@code facilities}: facilities with capacity and occupancy;</li>
 * <li>{@code policies}: the effective-dated policy table (days, tests, place);</li>
 * <li>{@code admission}: admission, transfers, arrivals from abroad or another province;</li>
 * <li>{@code ending}: release, turning into case isolation, the end-of-quarantine decision;</li>
 * <li>{@code lists}: stays of the jurisdiction, of a person, of a facility; tests due and missed;</li>
 * <li>{@code pages}: the REST API, the pages and the menu entries.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "decisions", "geography", "population", "security :: api", "shared"})
package vn.phaodai.quarantine;

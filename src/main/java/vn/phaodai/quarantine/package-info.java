/**
 * Quarantine: facilities, stays and the policies in force, arrivals from epidemic areas, tests due, the end-of-
 * quarantine decision. No other module uses its types, so the root holds only this description. One subpackage per
 * job: {@code stays} (what a stay is, how one is read and locked, who sees it, stays following a merged person),
 * {@code facilities} (capacity and occupancy), {@code policies} (the effective-dated policy table), {@code admission}
 * (admission, transfers, arrivals from abroad or another province), {@code ending} (release, turning into case
 * isolation, the end-of-quarantine decision), {@code lists} (stays of the jurisdiction, a person, a facility; tests
 * due and missed) and {@code pages} (the REST API, the pages, the menu entries).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "decisions", "geography", "geography :: pickers", "population", "population :: pickers", "security :: api", "shared", "vaccination :: api"})
package vn.phaodai.quarantine;

/**
 * Quarantine: facilities, stays and the policies in force, arrivals from epidemic areas, tests due, the end-of-
 * quarantine decision.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "decisions", "geography", "population", "security :: api", "shared"})
package vn.phaodai.quarantine;

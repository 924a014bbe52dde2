/**
 * Contact tracing: contacts (F1, F2) of a case, their follow-up, transmission chains and clusters, the risk
 * tiers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "geography", "geography :: pickers", "jobs", "population", "security :: api", "shared"})
package vn.phaodai.tracing;

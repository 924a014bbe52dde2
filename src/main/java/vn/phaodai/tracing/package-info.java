/**
 * Contact tracing: contacts (F1, F2) of a case, their follow-up, transmission chains and clusters, the risk
 * tiers. The root holds what other modules use (Tiers, SyntheticContacts) and the module's shared checks;
 * {@code contacts} enters contacts and says what each became, {@code chains} the chains and clusters,
 * {@code followups} the daily follow-up of F1, {@code web} the pages and the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "geography", "geography :: pickers", "jobs", "population", "security :: api", "shared"})
package vn.phaodai.tracing;

/**
 * Vaccination (issue 15): the products, the vaccination points, every dose of every resident and the rules that
 * judge a dose, as effective-dated data; the vaccination status of a person on any date, which home care,
 * quarantine and factory testing read; coverage, the lists of who is still missing, stock by lot and certificates.
 * <p>
 * It reads a person's cases through the published {@code case_card} view, never through the cases module, so that
 * testing and cases below it may ask it for a status without a cycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "geography", "geography :: pickers", "jobs", "population", "population :: pickers", "security :: api", "shared"})
package vn.phaodai.vaccination;

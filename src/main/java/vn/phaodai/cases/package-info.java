/**
 * Confirmed cases (F0): confirmation from positive results, the case directory, care setting and severity over
 * time, the isolation decisions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "decisions", "geography", "geography :: pickers", "population", "population :: pickers", "security :: api", "shared", "testing :: api", "vaccination :: api"})
package vn.phaodai.cases;

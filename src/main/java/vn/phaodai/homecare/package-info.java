/**
 * F0 cared for at home: the monitoring log, warning signs by age band, alerts and their escalation, non-reporting;
 * the patient's own page (readings, and the household's support requests of module householdsupport).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "householdsupport", "security :: api", "shared", "testing :: api"})
package vn.phaodai.homecare;

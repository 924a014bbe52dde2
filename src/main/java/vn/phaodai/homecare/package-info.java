/**
 * F0 cared for at home: the monitoring log, warning signs by age band, alerts and their escalation, non-reporting;
 * the patient's own page (readings, and the household's support requests of module householdsupport).
 * <p>
 * The root package is what other modules use ({@link vn.phaodai.homecare.CareStaffing}, for the demo's load test);
 * the rest is inside, by job: {@code readings} (the log and its warning signs), {@code alerts} (alerts, escalation,
 * the silent), {@code today} (the health worker's day and its pages), {@code isolation} (who may be placed at home,
 * the placement, its end), {@code patientlink} (the patient's own link and page), {@code careteams} (stations, teams,
 * workers and who follows whom) and {@code rest} (the JSON API).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cases :: api", "cases :: pickers", "householdsupport", "security :: api", "shared", "testing :: api", "vaccination :: api"})
package vn.phaodai.homecare;

/**
 * Support to F0 households (food and necessities, medicine, waste collection): raised by the health worker or
 * through the patient's own link, handled by the commune's mass organisations. Those who handle it never see the
 * health data of the case.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security :: api", "shared"})
package vn.phaodai.householdsupport;

/**
 * The residents the teams go back to (issue 15 §6–7): those who refused vaccination and those who cannot come to a
 * point (vaccinated at home by a team). Both end by themselves once a dose is recorded.
 */
package vn.phaodai.vaccination.people;

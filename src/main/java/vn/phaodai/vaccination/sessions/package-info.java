/**
 * Vaccination sessions (issue 15 §7): a point on a day with its capacity and lots, invitations drawn from the due
 * list with a QR code, check-in and the dose recorded from the session's lot, the opened vials counted at its end.
 */
@org.springframework.modulith.NamedInterface("sessions") // the demo plans its day's sessions through them
package vn.phaodai.vaccination.sessions;

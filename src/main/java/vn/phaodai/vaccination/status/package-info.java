/** A person's vaccination as the officers read it: the status on a date, the doses and the next dose due, and why. */
package vn.phaodai.vaccination.status;

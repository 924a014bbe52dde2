/**
 * The due list: who is due or overdue for their next dose on a day by the rules in force that day, by commune and
 * village, with the priority groups of 21/NQ-CP recorded on persons; the pool sessions draw their invitations from.
 */
@org.springframework.modulith.NamedInterface("due") // the benchmark (demo) asks it as the API does
package vn.phaodai.vaccination.due;

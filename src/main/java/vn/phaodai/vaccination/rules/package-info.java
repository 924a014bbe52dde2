/**
 * The rules that judge a dose, read from their effective-dated tables (intervals, mixes, ages, the additional dose,
 * boosters, the wait after an infection): which rules a dose breaks, and which dose is due next and from when.
 */
package vn.phaodai.vaccination.rules;

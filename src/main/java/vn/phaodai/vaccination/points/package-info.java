/**
 * Vaccination points (issue 15 §2): the places of a commune where doses are given, created and kept by the health
 * staff of the area, with the picker that finds one by name.
 */
package vn.phaodai.vaccination.points;

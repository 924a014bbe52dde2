/** Persons chosen by typing part of their name (or phone, ID number), inside the user's area; audited. */
@org.springframework.modulith.NamedInterface("pickers")
package vn.phaodai.population.pickers;

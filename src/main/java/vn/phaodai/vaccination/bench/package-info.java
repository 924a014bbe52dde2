/**
 * What the benchmark (demo) needs of vaccination and may not write itself, since the tables are vaccination's
 * (decision 0011): the set-based fill of the province's doses, and the bare SQL of the floors of its scenarios.
 */
@org.springframework.modulith.NamedInterface("bench")
package vn.phaodai.vaccination.bench;

/** Coverage by unit and age band; the benchmark (demo) asks it as the API does. */
@org.springframework.modulith.NamedInterface("coverage")
package vn.phaodai.vaccination.coverage;

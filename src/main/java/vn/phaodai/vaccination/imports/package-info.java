/**
 * The import of the national vaccination platform's export (CSV/XLSX): staged by COPY, matched to the registry and
 * written set-based; the lines that name nobody are kept for an officer to match or register.
 */
@org.springframework.modulith.NamedInterface("imports")
package vn.phaodai.vaccination.imports;

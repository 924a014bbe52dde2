/**
 * The administrative units (province, districts, communes) of the national list, and the villages of each
 * commune.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package vn.phaodai.geography;

/** Samples, pools and laboratory results, testing campaigns and the factories' testing. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "geography", "geography :: pickers", "jobs", "population", "security :: api", "shared"})
package vn.phaodai.testing;

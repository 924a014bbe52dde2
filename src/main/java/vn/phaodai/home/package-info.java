/** The home page. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"geography", "population", "shared"})
package vn.phaodai.home;

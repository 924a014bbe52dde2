/** The home page. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"geography", "population"})
package vn.phaodai.home;

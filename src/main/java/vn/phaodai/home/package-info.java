/** The home page: the first page of each role, with the day's figures of the user's area. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"geography", "population", "security :: api", "shared"})
package vn.phaodai.home;

/** One-off administrative commands run from the application jar. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "demo", "geography", "jobs", "population", "security :: api", "testing :: api"})
package vn.phaodai.commandline;

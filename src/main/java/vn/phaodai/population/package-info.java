/** The person directory: people, households and their relations, imports and exports. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "geography", "jobs", "security :: api", "shared"})
package vn.phaodai.population;

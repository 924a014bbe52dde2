/**
 * The embedded PostgreSQL server: started with the application, its data folder, the start-up failures a user
 * can fix.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.phaodai.database;

/** Background jobs (imports): their progress, result and refused rows, and the jobs a stopped server left. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package vn.phaodai.jobs;

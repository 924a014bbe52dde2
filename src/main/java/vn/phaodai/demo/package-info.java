/** A synthetic province for demonstrations and the benchmark. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "geography", "homecare", "jobs", "population", "security :: api", "shared", "testing :: api", "tracing :: api", "vaccination :: imports", "vaccination :: coverage", "vaccination :: due", "vaccination :: bench", "vaccination :: sessions"})
package vn.phaodai.demo;

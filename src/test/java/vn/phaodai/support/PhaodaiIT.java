package vn.phaodai.support;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test against the whole application on a real PostgreSQL: the embedded one (its data
 * in target/it-data), or the external server named by spring.datasource.url (see .ci/run). One shared
 * application context for all such tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "phaodai.data-dir=target/it-data",
        "phaodai.admin-password=" + TestApi.ADMIN_PASSWORD,
        // Every test logs in from 127.0.0.1, many with wrong passwords on purpose; AuthenticationIT sets its own limit.
        "phaodai.security.login-throttle.failures-per-minute=100000",
        // The coverage tally is refreshed by each coverage request; a timed refresh between tests would only race
        // their truncates of the registry.
        "phaodai.vaccination.coverage-refresh-ms=86400000"})
public @interface PhaodaiIT {
}

package vn.phaodai.homecare.alerts;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Alert escalation runs on a schedule. */
@Configuration
@EnableScheduling
class Scheduling {
}

package vn.phaodai.homecare;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Alert escalation runs on a schedule. */
@Configuration
@EnableScheduling
class Scheduling {
}

package vn.phaodai.shared;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The one clock of the business: the dates of cases, decisions, stays, the day's lists and the rules chosen by
 * date all read it, in the province's zone. It is the system clock unless {@code phaodai.clock.start} names a
 * moment (a demo replaying 2021): then it reads that moment at start-up and runs on at normal speed. The moments
 * the system really recorded something (audit, jobs, log-in lock-out, token expiry, created_at) stay on the
 * system clock: see docs/decisions/0009-one-application-clock.md.
 */
@Component
public class ApplicationClock extends Clock {

    /** The province's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock system;
    private final Duration configured;
    private volatile Duration offset;

    @Autowired
    ApplicationClock(@Value("${phaodai.clock.start:}") String start) {
        this(Clock.system(ZONE), start);
    }

    ApplicationClock(Clock system, String start) {
        this.system = system;
        this.configured = start == null || start.isBlank() ? Duration.ZERO : Duration.between(system.instant(), parse(start.strip()));
        this.offset = configured;
        if (!configured.isZero()) {
            org.slf4j.LoggerFactory.getLogger(ApplicationClock.class).info("The application clock starts at {} (phaodai.clock.start) and runs on", now());
        }
    }

    /** An ISO date (its first moment in the province), a local date-time, or a date-time with its offset. */
    static Instant parse(String start) {
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(start).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(start).atStartOfDay(ZONE).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("phaodai.clock.start must be an ISO date (2021-10-15) or date-time "
                            + "(2021-10-15T08:00 or 2021-10-15T08:00+07:00), not: " + start);
                }
            }
        }
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    /** The same moment seen in another zone (the shift as it is now). */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset);
    }

    /** Today in the province. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    /** Now in the province. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(this);
    }

    /**
     * The clock reads this day now, at the province's present time of day, and runs on from there: a demo
     * installation lives inside its outbreak. Logged, as the configured start is.
     */
    public void setDate(LocalDate day) {
        Instant real = system.instant();
        offset = Duration.between(real, day.atTime(LocalDateTime.ofInstant(real, ZONE).toLocalTime()).atZone(ZONE).toInstant());
        org.slf4j.LoggerFactory.getLogger(ApplicationClock.class).info("The application clock is set to {} and runs on", now());
    }

    /** Tests only (through ClockForTests): the clock reads this moment now and runs on from it. */
    void setTo(Instant at) {
        offset = Duration.between(system.instant(), at);
    }

    /** Tests only: back to the configured clock. */
    void reset() {
        offset = configured;
    }
}

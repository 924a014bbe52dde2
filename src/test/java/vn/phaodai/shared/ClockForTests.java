package vn.phaodai.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Moves the shared application context's clock for one test and puts it back on close:
 * {@code try (var at = ClockForTests.at(clock, LocalDate.of(2021, 10, 15))) { ... }}. The clock runs on from the
 * moment set, so other tests (after the close) see the configured clock again.
 */
public final class ClockForTests implements AutoCloseable {

    private final ApplicationClock clock;

    private ClockForTests(ApplicationClock clock) {
        this.clock = clock;
    }

    public static ClockForTests at(ApplicationClock clock, Instant at) {
        clock.setTo(at);
        return new ClockForTests(clock);
    }

    /** That day at 09:00 in the province. */
    public static ClockForTests at(ApplicationClock clock, LocalDate day) {
        return at(clock, day.atTime(LocalTime.of(9, 0)).atZone(ApplicationClock.ZONE).toInstant());
    }

    /** Back to the configured clock (after a test that moved it otherwise, e.g. by loading the demo). */
    public static void reset(ApplicationClock clock) {
        clock.reset();
    }

    @Override
    public void close() {
        clock.reset();
    }
}

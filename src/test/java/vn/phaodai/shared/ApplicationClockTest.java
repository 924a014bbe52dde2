package vn.phaodai.shared;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** phaodai.clock.start: the clock reads the moment given at start-up and runs on at normal speed. */
class ApplicationClockTest {

    /** A system clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant at = Instant.parse("2026-12-01T23:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(at, zone);
        }

        @Override
        public Instant instant() {
            return at;
        }
    }

    @Test
    void unsetItIsTheSystemClockInTheProvincesZone() {
        Hand system = new Hand();
        ApplicationClock clock = new ApplicationClock(system, "");
        assertThat(clock.instant()).isEqualTo(system.at);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(clock.today()).as("23:00 UTC is the next morning in Việt Nam").isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void setToADateTheClockReadsThatDayAtThePresentTimeOfDayAndRunsOn() {
        Hand system = new Hand(); // 06:00 on 2 December 2026 in Việt Nam
        ApplicationClock clock = new ApplicationClock(system, "");
        clock.setDate(LocalDate.of(2021, 10, 30));
        assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2021-10-30T06:00+07:00"));
        system.at = system.at.plus(Duration.ofHours(20));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2021, 10, 31));
    }

    @Test
    void aDateStartsTheClockAtThatDaysFirstMomentAndItRunsOn() {
        Hand system = new Hand();
        ApplicationClock clock = new ApplicationClock(system, "2021-10-15");
        assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2021-10-15T00:00:00+07:00"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2021, 10, 15));
        system.at = system.at.plus(Duration.ofHours(25).plusMinutes(30));
        assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2021-10-16T01:30:00+07:00"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2021, 10, 16));
    }

    @Test
    void aDateTimeIsReadInTheProvinceUnlessItNamesItsOffset() {
        assertThat(new ApplicationClock(new Hand(), "2021-10-15T08:30").now()).isEqualTo(OffsetDateTime.parse("2021-10-15T08:30:00+07:00"));
        assertThat(new ApplicationClock(new Hand(), " 2021-10-15T01:30:00Z ").now()).isEqualTo(OffsetDateTime.parse("2021-10-15T08:30:00+07:00"));
    }

    @Test
    void aTestMayMoveTheClockAndPutItBack() {
        Hand system = new Hand();
        ApplicationClock clock = new ApplicationClock(system, "2021-10-15");
        try (var moved = ClockForTests.at(clock, LocalDate.of(2022, 3, 14))) {
            assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2022-03-14T09:00:00+07:00"));
            system.at = system.at.plusSeconds(60);
            assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2022-03-14T09:01:00+07:00"));
        }
        assertThat(clock.now()).as("back to the configured start, run on by the minute").isEqualTo(OffsetDateTime.parse("2021-10-15T00:01:00+07:00"));
    }

    @Test
    void aWrongSettingSaysWhatItMustBe() {
        assertThatThrownBy(() -> new ApplicationClock(new Hand(), "15/10/2021"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phaodai.clock.start").hasMessageContaining("15/10/2021");
    }

    @Test
    void theSettingReachesTheBean() {
        new ApplicationContextRunner().withBean(ApplicationClock.class).withPropertyValues("phaodai.clock.start=2021-10-15T08:00")
                .run(context -> {
                    ApplicationClock clock = context.getBean(ApplicationClock.class);
                    assertThat(clock.today()).isEqualTo(LocalDate.of(2021, 10, 15));
                    Instant first = clock.instant();
                    assertThat(first).isBetween(Instant.parse("2021-10-15T01:00:00Z"), Instant.parse("2021-10-15T01:01:00Z"));
                    Thread.sleep(20);
                    assertThat(clock.instant()).as("runs on").isAfter(first);
                    assertThat(context.getBean(Clock.class)).isSameAs(clock);
                });
        new ApplicationContextRunner().withBean(ApplicationClock.class).run(context ->
                assertThat(context.getBean(ApplicationClock.class).today()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))));
    }
}

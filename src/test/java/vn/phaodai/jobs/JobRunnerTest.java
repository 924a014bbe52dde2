package vn.phaodai.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How start-up tells a job of a dead process from one of a live process. */
class JobRunnerTest {

    private static final String HOST = Jobs.RUNNER.split(" ")[0];

    @Test
    void aJobIsInterruptedOnlyWhenItsProcessOnThisHostIsGone() {
        long me = ProcessHandle.current().pid();
        long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        assertThat(Jobs.alive(Jobs.RUNNER)).as("this process").isTrue();
        assertThat(Jobs.alive(HOST + " " + me + " " + started)).isTrue();
        assertThat(Jobs.alive(null)).as("a job from before runners were recorded").isFalse();
        assertThat(Jobs.alive(HOST + " 999999999 0")).as("no such process").isFalse();
        assertThat(Jobs.alive(HOST + " " + me + " " + (started - 3_600_000))).as("the pid reused by a later process").isFalse();
        assertThat(Jobs.alive("another-host 1 0")).as("another host recovers its own jobs").isTrue();
        assertThat(Jobs.alive("garbage")).isFalse();
    }
}

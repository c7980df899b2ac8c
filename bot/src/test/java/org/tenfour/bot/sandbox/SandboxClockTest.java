package org.tenfour.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxClockTest {
    private static final Instant T0 = Instant.parse("2026-01-03T16:00:00Z");

    @Test
    void advancing_moves_every_view_of_the_clock_and_never_backwards() {
        SandboxClock clock = new SandboxClock(Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO);
        Clock chicago = clock.withZone(ZoneId.of("America/Chicago"));
        assertThat(clock.advance(Duration.ofDays(2))).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(chicago.instant())
                .as("a zoned view shares the offset")
                .isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(chicago.getZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1)))
                .hasMessageContaining("only moves forward");
    }

    @Test
    void fast_forward_lands_in_working_hours_never_at_night_or_on_a_weekend() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        // Tuesday 2026-01-06, 14:00 in Chicago: inside Mon–Fri 08:00–18:00, kept as it is
        Instant tuesdayAfternoon = Instant.parse("2026-01-06T20:00:00Z");
        assertThat(FastForward.inWorkingHours(tuesdayAfternoon, chicago))
                .isEqualTo(tuesdayAfternoon);
        assertThat(FastForward.inWorkingHours(Instant.parse("2026-01-06T08:54:00Z"), chicago))
                .as("Tuesday 02:54: the same morning at 09:00")
                .isEqualTo(Instant.parse("2026-01-06T15:00:00Z"));
        assertThat(FastForward.inWorkingHours(Instant.parse("2026-01-07T01:00:00Z"), chicago))
                .as("Tuesday 19:00: Wednesday 09:00")
                .isEqualTo(Instant.parse("2026-01-07T15:00:00Z"));
        assertThat(FastForward.inWorkingHours(Instant.parse("2026-01-09T23:30:00Z"), chicago))
                .as("Friday 17:30 is still working time")
                .isEqualTo(Instant.parse("2026-01-09T23:30:00Z"));
        assertThat(FastForward.inWorkingHours(Instant.parse("2026-01-10T00:00:00Z"), chicago))
                .as("Friday 18:00: Monday 09:00")
                .isEqualTo(Instant.parse("2026-01-12T15:00:00Z"));
        assertThat(FastForward.inWorkingHours(Instant.parse("2026-03-08T12:00:00Z"), chicago))
                .as("the Sunday clocks change: Monday 09:00 daylight time")
                .isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void fast_forward_runs_the_jobs_then_drains_the_outbox_and_keeps_the_offset_across_restarts(
            @TempDir Path dir) {
        Clock base = Clock.fixed(T0, ZoneOffset.UTC);
        FastForward ff = FastForward.resume(base, dir);
        AtomicInteger jobs = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger(3); // two full passes, then nothing due
        ff.bind(jobs::incrementAndGet, () -> Math.max(0, batches.decrementAndGet()));
        Instant monday9 = Instant.parse("2026-01-12T15:00:00Z"); // 09:00 in Chicago
        assertThat(ff.advance(Duration.ofDays(7)))
                .as("a week after Saturday 10:00 is a Saturday: on to Monday 09:00")
                .isEqualTo(monday9);
        assertThat(jobs).hasValue(1);
        assertThat(batches).hasValue(0);
        assertThat(FastForward.resume(base, dir).now())
                .as("resumed after a restart")
                .isEqualTo(monday9);
    }
}

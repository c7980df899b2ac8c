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
    void fast_forward_runs_the_jobs_then_drains_the_outbox_and_keeps_the_offset_across_restarts(
            @TempDir Path dir) {
        Clock base = Clock.fixed(T0, ZoneOffset.UTC);
        FastForward ff = FastForward.resume(base, dir);
        AtomicInteger jobs = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger(3); // two full passes, then nothing due
        ff.bind(jobs::incrementAndGet, () -> Math.max(0, batches.decrementAndGet()));
        assertThat(ff.advance(Duration.ofDays(7))).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(jobs).hasValue(1);
        assertThat(batches).hasValue(0);
        assertThat(FastForward.resume(base, dir).now())
                .as("resumed after a restart")
                .isEqualTo(T0.plus(Duration.ofDays(7)));
    }
}

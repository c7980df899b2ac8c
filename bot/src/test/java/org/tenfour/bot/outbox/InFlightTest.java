package org.tenfour.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InFlightTest {
    private static final UUID FAR = UUID.randomUUID();
    private static final UUID NEAR = UUID.randomUUID();
    private static final UUID NEW = UUID.randomUUID();

    private final InFlight inFlight = new InFlight(new Concurrency(16, Concurrency.PER_WORKSPACE));

    private void call(UUID agency, Duration took) {
        row(agency, took, took);
    }

    private void row(UUID agency, Duration call, Duration row) {
        inFlight.started(agency);
        inFlight.observed(agency, call.toNanos(), row.toNanos());
        inFlight.ended(agency);
    }

    @Test
    void a_workspace_gets_as_many_calls_in_flight_as_its_latency_needs_for_its_rate() {
        call(FAR, Duration.ofMillis(150));
        call(NEAR, Duration.ofMillis(2));

        assertThat(inFlight.window(FAR)).as("50 a second at 150 ms").isEqualTo(8);
        assertThat(inFlight.window(NEAR)).as("50 a second at 2 ms").isEqualTo(1);
        assertThat(inFlight.window(NEW)).as("not heard from yet: one call first").isEqualTo(1);
        assertThat(inFlight.free(List.of()).unknown()).isEqualTo(1);
    }

    @Test
    void the_window_is_capped_and_follows_the_platform_as_it_speeds_up() {
        call(FAR, Duration.ofSeconds(2));
        assertThat(inFlight.window(FAR))
                .as("never more than perWorkspace")
                .isEqualTo(Concurrency.PER_WORKSPACE);
        for (int i = 0; i < 30; i++) {
            call(FAR, Duration.ofMillis(10));
        }
        assertThat(inFlight.window(FAR)).isEqualTo(1);
    }

    @Test
    void a_slow_platform_is_sized_by_the_whole_row_a_fast_one_stays_at_one_call() {
        row(FAR, Duration.ofMillis(150), Duration.ofMillis(216));
        row(NEAR, Duration.ofMillis(2), Duration.ofMillis(40));

        assertThat(inFlight.window(FAR)).as("50 a second at 216 ms a row").isEqualTo(11);
        assertThat(inFlight.window(NEAR))
                .as("one call at a time reaches the rate; the database is what is slow")
                .isEqualTo(1);
    }

    @Test
    void a_claim_is_told_what_each_agency_may_still_take_and_which_are_full_or_paused() {
        call(FAR, Duration.ofMillis(150));
        for (int i = 0; i < 3; i++) {
            inFlight.started(FAR);
        }
        inFlight.started(NEAR);
        InFlight.Free free = inFlight.free(List.of(NEW));

        assertThat(free.overall()).isEqualTo(12);
        assertThat(free.full()).containsExactlyInAnyOrder(NEAR, NEW);
        assertThat(free.busy()).containsExactly(FAR);
        assertThat(free.busyFree()).containsExactly(5);
    }
}

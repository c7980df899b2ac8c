package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceReadinessTest {
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final AtomicBoolean migrated = new AtomicBoolean(true);
    private final AtomicBoolean scheduler = new AtomicBoolean(true);
    private final AtomicInteger reachabilityChecks = new AtomicInteger();
    private final AtomicInteger migrationChecks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ServiceReadiness readiness =
            new ServiceReadiness(
                    () -> {
                        reachabilityChecks.incrementAndGet();
                        return reachable.get();
                    },
                    () -> {
                        migrationChecks.incrementAndGet();
                        return migrated.get();
                    },
                    scheduler::get,
                    now::get);

    private void later(java.time.Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void probes_within_a_second_share_one_check() {
        assertThat(readiness.problems()).isEmpty();
        reachable.set(false);
        later(ServiceReadiness.FRESH.minusMillis(1));
        assertThat(readiness.problems()).as("still the last answer").isEmpty();
        assertThat(reachabilityChecks).hasValue(1);
        later(java.time.Duration.ofMillis(1));
        assertThat(readiness.problems()).containsExactly("database unreachable");
        assertThat(reachabilityChecks).hasValue(2);
    }

    @Test
    void migrations_are_asked_once_a_minute_and_again_as_soon_as_the_database_is_back() {
        assertThat(readiness.problems()).isEmpty();
        later(ServiceReadiness.FRESH);
        assertThat(readiness.problems()).isEmpty();
        assertThat(migrationChecks).as("not on every check").hasValue(1);
        later(ServiceReadiness.MIGRATIONS_FRESH);
        migrated.set(false);
        assertThat(readiness.problems()).containsExactly("database migrations pending");
        assertThat(migrationChecks).hasValue(2);

        migrated.set(true);
        later(ServiceReadiness.MIGRATIONS_FRESH);
        assertThat(readiness.problems()).isEmpty();
        reachable.set(false);
        later(ServiceReadiness.FRESH);
        assertThat(readiness.problems()).containsExactly("database unreachable");
        reachable.set(true);
        migrated.set(false); // restored from an older backup while it was away
        later(ServiceReadiness.FRESH);
        assertThat(readiness.problems()).containsExactly("database migrations pending");
    }

    @Test
    void a_stopped_scheduler_is_reported_beside_the_database() {
        scheduler.set(false);
        reachable.set(false);
        assertThat(readiness.problems())
                .containsExactly("database unreachable", "scheduler not running");
    }
}

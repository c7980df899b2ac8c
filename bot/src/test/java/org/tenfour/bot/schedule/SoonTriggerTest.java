package org.tenfour.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobKey;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Runs asked for by requests: many asks, one run, none on the asking thread. */
@ExtendWith(PostgresExtension.class)
class SoonTriggerTest {
    private static final JobKey JOB = JobKey.jobKey("soon-test", "tests");

    @Test
    void many_asks_while_a_run_is_in_progress_make_one_more_run(TestDatabase db) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Runnable work =
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
        try (Scheduling scheduling =
                Scheduling.start(
                        db.dataSource(),
                        "soon-test",
                        List.of(
                                new Scheduling.Task(
                                        JOB, Scheduling.every(Duration.ofHours(1)), work)))) {
            Awaitility.await("the scheduled run started").until(() -> runs.get() == 1);
            for (int i = 0; i < 20; i++) {
                scheduling.triggerSoon(List.of(JOB));
            }
            Awaitility.await("one run asked for")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> scheduling.scheduler().getTriggersOfJob(JOB).size() == 2);
            for (int i = 0; i < 20; i++) {
                scheduling.triggerSoon(List.of(JOB));
            }
            // past the coalescing window: the second asks have been looked at
            Awaitility.await().pollDelay(SoonTrigger.COALESCE.multipliedBy(3)).until(() -> true);
            assertThat(scheduling.scheduler().getTriggersOfJob(JOB))
                    .as("the waiting run already plans what the later asks wanted")
                    .hasSize(2);
            release.countDown();
            Awaitility.await("the asked-for run").until(() -> runs.get() == 2);
            Awaitility.await()
                    .during(SoonTrigger.COALESCE.multipliedBy(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> runs.get() == 2);
        }
    }
}

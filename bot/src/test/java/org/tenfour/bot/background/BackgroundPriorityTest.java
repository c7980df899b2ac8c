package org.tenfour.bot.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background threads run nicer than the rest, as the kernel sees them. */
class BackgroundPriorityTest {
    @BeforeEach
    void onLinuxWithRenice() {
        assumeTrue(
                BackgroundPriority.niceOfThisThread() >= 0
                        && (Files.isExecutable(Path.of("/usr/bin/renice"))
                                || Files.isExecutable(Path.of("/bin/renice"))),
                "needs Linux's /proc and renice");
    }

    @AfterEach
    void defaults() {
        BackgroundPriority.configure(BackgroundPriority.DEFAULT_NICE);
    }

    private static int niceOf(ExecutorService pool) throws Exception {
        try {
            return CompletableFuture.supplyAsync(BackgroundPriority::niceOfThisThread, pool)
                    .get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_background_pools_threads_run_at_the_configured_niceness_and_the_caller_does_not()
            throws Exception {
        int mine = BackgroundPriority.niceOfThisThread();
        assumeTrue(mine + 10 <= 19, "this thread is already nicer than 9");
        BackgroundPriority.configure(mine + 10);
        int theirs =
                niceOf(Executors.newFixedThreadPool(2, BackgroundPriority.threads("bg", true)));
        assertThat(theirs).isEqualTo(mine + 10);
        assertThat(BackgroundPriority.niceOfThisThread()).isEqualTo(mine);
    }

    @Test
    void threads_they_start_inherit_it() throws Exception {
        int mine = BackgroundPriority.niceOfThisThread();
        assumeTrue(mine + 5 <= 19);
        BackgroundPriority.configure(mine + 5);
        ExecutorService outer =
                Executors.newSingleThreadExecutor(BackgroundPriority.threads("bg", true));
        try {
            int inner =
                    CompletableFuture.supplyAsync(
                                    () -> {
                                        // a plain thread started by a background thread
                                        int[] seen = new int[1];
                                        Thread t =
                                                new Thread(
                                                        () ->
                                                                seen[0] =
                                                                        BackgroundPriority
                                                                                .niceOfThisThread());
                                        t.start();
                                        try {
                                            t.join();
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                        return seen[0];
                                    },
                                    outer)
                            .get(30, TimeUnit.SECONDS);
            assertThat(inner).isEqualTo(mine + 5);
        } finally {
            outer.shutdownNow();
        }
    }

    @Test
    void niceness_zero_leaves_background_threads_as_they_were() throws Exception {
        int mine = BackgroundPriority.niceOfThisThread();
        BackgroundPriority.configure(0);
        assertThat(niceOf(Executors.newFixedThreadPool(1, BackgroundPriority.threads("bg", true))))
                .isEqualTo(mine);
    }

    @Test
    void a_niceness_outside_the_kernels_range_is_refused() {
        assertThatThrownBy(() -> BackgroundPriority.configure(20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0–19");
        assertThatThrownBy(() -> BackgroundPriority.configure(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

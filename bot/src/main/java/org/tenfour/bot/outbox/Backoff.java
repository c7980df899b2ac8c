package org.tenfour.bot.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Jittered exponential backoff for transient failures: 2 s, 4 s, 8 s … capped at 15 minutes. */
final class Backoff {
    private static final Duration CAP = Duration.ofMinutes(15);

    private Backoff() {}

    static Duration after(int attempts) {
        long base = 2_000L << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, CAP.toMillis());
        // "equal jitter": half fixed, half random, so retries of many rows spread out
        long jitter = ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(capped / 2 + jitter);
    }
}

package org.tenfour.bot.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the sender's calls in flight, in all and per agency (one workspace each), and wakes the
 * dispatcher when one ends. A claim asks it what is free so that no more rows are leased than may
 * be sent at once: a claimed row starts at once and never waits out its lease in a queue.
 */
final class InFlight {
    /** What a claim may take now. */
    record Free(int overall, UUID[] full, UUID[] busy, Integer[] busyFree) {}

    private final Concurrency limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private final Map<UUID, Integer> perAgency = new HashMap<>();
    private int total;
    private long endings;

    InFlight(Concurrency limits) {
        this.limits = limits;
    }

    /** What is free now; {@code paused} agencies are left out as if full. */
    Free free(List<UUID> paused) {
        lock.lock();
        try {
            List<UUID> full = new ArrayList<>(paused);
            List<UUID> busy = new ArrayList<>();
            List<Integer> busyFree = new ArrayList<>();
            perAgency.forEach(
                    (agency, n) -> {
                        if (n >= limits.perWorkspace()) {
                            full.add(agency);
                        } else {
                            busy.add(agency);
                            busyFree.add(limits.perWorkspace() - n);
                        }
                    });
            return new Free(
                    limits.overall() - total,
                    full.toArray(UUID[]::new),
                    busy.toArray(UUID[]::new),
                    busyFree.toArray(Integer[]::new));
        } finally {
            lock.unlock();
        }
    }

    void started(UUID agency) {
        lock.lock();
        try {
            perAgency.merge(agency, 1, Integer::sum);
            total++;
        } finally {
            lock.unlock();
        }
    }

    void ended(UUID agency) {
        lock.lock();
        try {
            perAgency.computeIfPresent(agency, (a, n) -> n == 1 ? null : n - 1);
            total--;
            endings++;
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many calls have ended so far (to wait for the next one). */
    long endings() {
        lock.lock();
        try {
            return endings;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a call ends after {@code seen} endings, or {@code atMost} passes. */
    void awaitEnding(long seen, Duration atMost) throws InterruptedException {
        long nanos = atMost.toNanos();
        lock.lock();
        try {
            while (endings == seen && nanos > 0) {
                nanos = ended.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is in flight, or {@code atMost} passes. */
    boolean awaitIdle(Duration atMost) throws InterruptedException {
        long nanos = atMost.toNanos();
        lock.lock();
        try {
            while (total > 0 && nanos > 0) {
                nanos = ended.awaitNanos(nanos);
            }
            return total == 0;
        } finally {
            lock.unlock();
        }
    }
}

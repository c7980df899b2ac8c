package org.tenfour.bot.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the sender's lanes in flight (a lane sends a few rows of one agency one after the other,
 * so one lane is one call in flight), in all and per agency (one workspace each); keeps each
 * workspace's call latency (a moving average) to size its window ({@link Concurrency#window}); and
 * wakes the dispatcher when a lane ends. A claim asks it what is free so that no more rows are
 * leased than the free lanes will send within seconds: a claimed row never waits out its lease.
 */
final class InFlight {
    /** What a claim may take now. */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or kept
    record Free(int overall, int unknown, UUID[] full, UUID[] busy, Integer[] busyFree) {}

    private final Concurrency limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private final Map<UUID, Integer> perAgency = new HashMap<>();
    private final Map<UUID, Long> latency = new HashMap<>();
    private final Map<UUID, Long> cycle = new HashMap<>();
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
            Set<UUID> known = new HashSet<>(perAgency.keySet());
            known.addAll(latency.keySet());
            for (UUID agency : known) {
                int free = window(agency) - perAgency.getOrDefault(agency, 0);
                if (free <= 0) {
                    full.add(agency);
                } else {
                    busy.add(agency);
                    busyFree.add(free);
                }
            }
            return new Free(
                    limits.overall() - total,
                    limits.window(-1, -1),
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

    /** The calls in flight this agency gets now. */
    int window(UUID agency) {
        lock.lock();
        try {
            return limits.window(
                    latency.getOrDefault(agency, -1L), cycle.getOrDefault(agency, -1L));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A row of this agency was sent: the platform took {@code callNanos}, the whole row (guard,
     * call, record) {@code rowNanos}.
     */
    void observed(UUID agency, long callNanos, long rowNanos) {
        lock.lock();
        try {
            // moving averages over about the last five rows: follow the platform quickly
            latency.merge(agency, callNanos, (old, now) -> (4 * old + now) / 5);
            cycle.merge(agency, rowNanos, (old, now) -> (4 * old + now) / 5);
            if (latency.size() > 100_000) {
                // many agencies once: start each from one call again
                latency.clear();
                cycle.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A lane of calls for this agency ended. */
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

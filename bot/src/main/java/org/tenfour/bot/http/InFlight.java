package org.tenfour.bot.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts requests in progress so that a stop can refuse new ones (503) and wait for the running
 * ones to finish before the server, the scheduler and the database go away.
 */
final class InFlight {
    private final Object lock = new Object();
    private final AtomicBoolean draining = new AtomicBoolean();
    private int running;

    /** Registers a request; false when draining (the caller answers 503). */
    boolean enter() {
        synchronized (lock) {
            if (draining.get()) {
                return false;
            }
            running++;
            return true;
        }
    }

    void exit() {
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    /**
     * Refuses new requests and waits up to {@code timeout} for running ones; true if all finished.
     */
    boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            draining.set(true);
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}

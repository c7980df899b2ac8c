package org.tenfour.bot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with its base clock but can be moved forward: every service of the application
 * gets this clock in sandbox mode, so fast-forwarding moves check-in planning, contact windows and
 * the outbox's notion of "due" together. It never moves backwards.
 *
 * <pre>{@code
 * SandboxClock clock = new SandboxClock(Clock.systemUTC(), Duration.ZERO);
 * clock.advance(Duration.ofDays(7)); // a week later, for everything that asks this clock
 * }</pre>
 */
public final class SandboxClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    /** A clock {@code offset} ahead of {@code base}. */
    public SandboxClock(Clock base, Duration offset) {
        this(base, new AtomicReference<>(requireForward(offset)));
    }

    private SandboxClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "null base");
        this.offset = offset;
    }

    /**
     * Moves this clock (and every view of it from {@link #withZone}) forward; returns the new time.
     */
    public Instant advance(Duration by) {
        requireForward(by);
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far ahead of the base clock this clock runs. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SandboxClock(base.withZone(zone), offset);
    }

    private static Duration requireForward(Duration d) {
        Objects.requireNonNull(d, "null duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward, not by " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "SandboxClock[" + base + " + " + offset.get() + "]";
    }
}

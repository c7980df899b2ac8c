package org.tenfour.bot.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-person command rate limit: at most {@code perMinute} commands in any calendar minute from
 * one person (platform, workspace, user). Counted per replica, in memory; forgotten after two
 * minutes.
 */
public final class CommandRate {
    /** The production limit: far above anyone typing, far below a script. */
    public static final int DEFAULT_PER_MINUTE = 30;

    private static final int SWEEP_AT = 10_000;

    private record Window(long minute, int count) {}

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, Boolean> told = new ConcurrentHashMap<>();

    /** {@code perMinute} of 0 turns the limit off. */
    public CommandRate(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative: " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = Objects.requireNonNull(clock, "null clock");
    }

    /** No limit (tests that drive thousands of commands from one person). */
    public static CommandRate off() {
        return new CommandRate(0, Clock.systemUTC());
    }

    /** The limit's clock. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Whether this is the first trip of the day for {@code agency} on this replica: only then are
     * the coordinators told (the outbox key keeps it to once a day across replicas).
     */
    public boolean firstTripToday(UUID agency) {
        String key = agency + ":" + now().atZone(ZoneOffset.UTC).toLocalDate();
        if (told.size() > SWEEP_AT) {
            told.clear();
        }
        return told.putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Counts one command from {@code person} now; false when over the limit. */
    public boolean allow(String person) {
        if (perMinute == 0) {
            return true;
        }
        Instant now = now();
        long minute = now.getEpochSecond() / 60;
        if (windows.size() > SWEEP_AT) {
            windows.values().removeIf(w -> w.minute() < minute - 1);
        }
        Window w =
                windows.merge(
                        person,
                        new Window(minute, 1),
                        (old, one) ->
                                old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        return w.count() <= perMinute;
    }

    public int perMinute() {
        return perMinute;
    }
}

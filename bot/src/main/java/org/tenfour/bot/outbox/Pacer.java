package org.tenfour.bot.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;

/**
 * Spaces messages to one conversation by the platform's published per-conversation limit (Slack:
 * about one message per second per channel; Teams: 7 a second, 8 in 2 s and 60 in 30 s per thread,
 * so one every 500 ms keeps all three), so that a burst to one channel waits its turn instead of
 * drawing a 429 that would pause the whole workspace. Teams' hourly 1,800 per thread is left to its
 * {@code Retry-After}: no TenFour conversation gets a message every two seconds for an hour. Per
 * replica; replicas together may burst briefly, which both platforms tolerate.
 */
final class Pacer {
    static final Duration SLACK = Duration.ofSeconds(1);
    static final Duration TEAMS = Duration.ofMillis(500);

    private final Map<String, Instant> nextFree = new ConcurrentHashMap<>();

    /**
     * Takes the conversation's next slot if it is free at {@code now} and returns {@code now};
     * otherwise returns when it will be free (nothing is taken).
     */
    Instant reserve(Address to, Instant now) {
        Duration spacing = to.platform() == Platform.TEAMS ? TEAMS : SLACK;
        String key = to.platform().id() + ":" + to.workspaceId() + ":" + to.targetId();
        Instant[] result = new Instant[1];
        nextFree.compute(
                key,
                (k, free) -> {
                    if (free == null || !free.isAfter(now)) {
                        result[0] = now;
                        return now.plus(spacing);
                    }
                    result[0] = free;
                    return free;
                });
        if (nextFree.size() > 50_000) {
            nextFree.values().removeIf(free -> free.isBefore(now));
        }
        return result[0];
    }
}

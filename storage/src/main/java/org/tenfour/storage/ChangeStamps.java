package org.tenfour.storage;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each agency or member last changed, as values of one counter, in bounded memory.
 *
 * <p>A reader takes {@link #now()} before reading and later asks {@link #unchangedSince}. Stamps
 * are kept in two generations of at most {@code perGeneration} keys each; when the young one is
 * full the old one is forgotten and the floor rises to its newest stamp, so a forgotten change
 * still counts as a change for every entry read before it (never as "no change"). Not a Caffeine
 * cache on purpose: its evictions would have to raise the floor before the key disappears for
 * concurrent readers, which its listeners do not promise.
 */
final class ChangeStamps {
    /** Old holds stamps up to oldUntil, young the later ones; everything up to floor changed. */
    private record Generations(
            long floor, Map<UUID, Long> old, long oldUntil, Map<UUID, Long> young) {}

    private final int perGeneration;
    private final AtomicLong clock = new AtomicLong();
    private volatile Generations generations;

    ChangeStamps(int perGeneration) {
        if (perGeneration < 1) {
            throw new IllegalArgumentException("perGeneration must be positive: " + perGeneration);
        }
        this.perGeneration = perGeneration;
        this.generations = new Generations(0, Map.of(), 0, new ConcurrentHashMap<>());
    }

    /** The counter's value now: take it before reading what may change. */
    long now() {
        return clock.get();
    }

    /** Everything may have changed. */
    synchronized void everything() {
        long stamp = clock.incrementAndGet();
        generations = new Generations(stamp, Map.of(), stamp, new ConcurrentHashMap<>());
    }

    /** Each of {@code keys} changed (one stamp for all). */
    synchronized void changed(Collection<UUID> keys) {
        if (keys.isEmpty()) {
            return;
        }
        long stamp = clock.incrementAndGet();
        Generations g = generations;
        if (g.young().size() + keys.size() > perGeneration) {
            // every stamp in young is below this one: young becomes old, old is forgotten
            g = new Generations(g.oldUntil(), g.young(), stamp - 1, new ConcurrentHashMap<>());
            generations = g;
        }
        for (UUID key : keys) {
            g.young().put(key, stamp);
        }
    }

    /**
     * Whether none of {@code keys} (null ones ignored), nor everything, changed after {@code at}.
     */
    boolean unchangedSince(long at, UUID... keys) {
        Generations g = generations; // one snapshot: a rotation meanwhile raises only later floors
        if (g.floor() > at) {
            return false;
        }
        for (UUID key : keys) {
            if (key != null && (after(g.young(), key, at) || after(g.old(), key, at))) {
                return false;
            }
        }
        return true;
    }

    private static boolean after(Map<UUID, Long> stamps, UUID key, long at) {
        Long stamp = stamps.get(key);
        return stamp != null && stamp > at;
    }
}

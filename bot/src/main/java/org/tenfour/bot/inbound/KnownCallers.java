package org.tenfour.bot.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.storage.Agency;
import org.tenfour.storage.DirectoryChanges;
import org.tenfour.storage.Member;

/**
 * Who is who, remembered between requests so the request path need not ask the database three times
 * per command: a person's agency (with its settings, parsed once), roster entry and whether they
 * are an active peer.
 *
 * <p>An entry is used only while nothing in the directory changed since it was read (the {@link
 * DirectoryChanges} generation it was read under is still current), the database's change
 * notifications are being heard ({@code watched}), and it is younger than {@link #MAX_AGE}.
 * Otherwise the caller reads the database again. So a coordinator removed on another replica loses
 * the role as soon as that change commits and its notification arrives.
 */
final class KnownCallers {
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    /** One person as last read. */
    record Known(Agency agency, AgencySettings settings, Member member, boolean activePeer) {}

    private record Entry(Known known, long generation) {}

    private final Cache<String, Entry> entries;
    private final BooleanSupplier watched;
    private final LongSupplier generation;

    KnownCallers(BooleanSupplier watched) {
        this(watched, DirectoryChanges::generation, System::nanoTime);
    }

    KnownCallers(BooleanSupplier watched, LongSupplier generation, LongSupplier nanoTime) {
        this.watched = watched;
        this.generation = generation;
        this.entries =
                Caffeine.newBuilder()
                        .maximumSize(MAX_ENTRIES)
                        .expireAfterWrite(MAX_AGE)
                        .ticker(nanoTime::getAsLong)
                        .executor(Runnable::run) // evict on the caller's thread: no pool to own
                        .build();
    }

    /**
     * The person known under {@code key}, read with {@code read} unless a still-valid entry exists.
     */
    Known get(String key, Supplier<Known> read) {
        if (!watched.getAsBoolean()) {
            return read.get();
        }
        long current = generation.getAsLong();
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == current) {
            return entry.known();
        }
        // the generation is taken before reading: a change during the read makes the entry stale at
        // once
        Known known = read.get();
        entries.put(key, new Entry(known, current));
        return known;
    }
}

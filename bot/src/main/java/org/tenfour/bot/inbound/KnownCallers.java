package org.tenfour.bot.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
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
 * <p>An entry is used only while nothing it depends on changed since it was read (neither
 * everything, nor the person's agency row, nor their own member or peer rows: see {@link
 * DirectoryChanges}), the database's change notifications are being heard ({@code watched}), and it
 * is younger than {@link #MAX_AGE}. Otherwise the caller reads the database again. So a coordinator
 * removed on another replica loses the role as soon as that change commits and its notification
 * arrives, while a change to someone else leaves them remembered.
 */
final class KnownCallers {
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    /** One person as last read. */
    record Known(Agency agency, AgencySettings settings, Member member, boolean activePeer) {}

    /** What changed since a moment (the directory's changes in production). */
    interface Changes {
        /** The moment to compare with later: taken before reading. */
        long now();

        /** Whether nothing about the member of the agency changed after {@code at}. */
        boolean unchangedSince(long at, UUID agencyId, UUID memberId);

        /** The database's changes as {@link DirectoryChanges} hears them. */
        static Changes directory() {
            return new Changes() {
                @Override
                public long now() {
                    return DirectoryChanges.now();
                }

                @Override
                public boolean unchangedSince(long at, UUID agencyId, UUID memberId) {
                    return DirectoryChanges.unchangedSince(at, agencyId, memberId);
                }
            };
        }
    }

    private record Entry(Known known, long readAt) {}

    private final Cache<String, Entry> entries;
    private final BooleanSupplier watched;
    private final Changes changes;

    KnownCallers(BooleanSupplier watched) {
        this(watched, Changes.directory(), System::nanoTime);
    }

    KnownCallers(BooleanSupplier watched, Changes changes, LongSupplier nanoTime) {
        this.watched = watched;
        this.changes = changes;
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
        Entry entry = entries.getIfPresent(key);
        if (entry != null
                && changes.unchangedSince(
                        entry.readAt(), entry.known().agency().id(), entry.known().member().id())) {
            return entry.known();
        }
        // the moment is taken before reading: a change during the read makes the entry stale at
        // once
        long at = changes.now();
        Known known = read.get();
        entries.put(key, new Entry(known, at));
        return known;
    }
}

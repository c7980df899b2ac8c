package org.tenfour.bot.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;

/**
 * Spaces messages to one conversation by the platform's published per-conversation limit (Slack:
 * about one message per second per channel; Teams: 7 a second, 8 in 2 s and 60 in 30 s per thread,
 * so one every 500 ms keeps all three), so that a burst to one channel waits its turn instead of
 * drawing a 429 that would pause the whole workspace. Teams' hourly 1,800 per thread is left to its
 * {@code Retry-After}: no TenFour conversation gets a message every two seconds for an hour.
 *
 * <p>A row that finds its conversation's next slot taken is <em>booked</em>: given the first slot
 * after those already given out, and told to come back then. When it comes back at its slot it goes
 * out, whatever else has come due meanwhile. So a burst of N rows to one conversation goes out one
 * per interval and each row waits once, rather than all N coming back at the same instant and all
 * but one being put back again (N²/2 claims and updates). Order within a conversation: the order in
 * which rows first reached the pacer; claims take the oldest rows first, but the rows of one claim
 * run in parallel lanes, so neighbours may swap (as before bookings).
 *
 * <p>A booking is honoured up to {@value #LATE} intervals late (a busy lane, the sender's poll), so
 * the rows let through in any stretch of time have slots within it or at most two intervals before
 * it: now and then three go out within one interval, and over a longer stretch the rate holds. A
 * row back later than that (it waited out a rate-limit pause or a send guard) is booked afresh, so
 * that a backlog never goes out at once.
 *
 * <p>Bookings are in memory and per replica. A booked row that never comes back here (another
 * replica took it; it died as unwanted) costs only its slot, and is forgotten once the slot is
 * past. A deferred row is released in the database with its slot as its next attempt, so nothing is
 * lost with the bookings: after a restart the rows come back at the slots they were given and
 * compete again as new rows — correct, only not always optimal (rows whose slots passed during the
 * downtime come back together and are booked again). Each replica paces on its own: while a backlog
 * to one conversation lasts, R replicas together may send up to R messages per interval, and the
 * platform's {@code Retry-After} has the last word. Memory is bounded: past slots are forgotten,
 * and beyond {@value #LIMIT} bookings a row is told the next free slot without booking one (as
 * before bookings).
 */
final class Pacer {
    static final Duration SLACK = Duration.ofSeconds(1);
    static final Duration TEAMS = Duration.ofMillis(500);
    // how many intervals late a booking is still honoured
    private static final int LATE = 2;
    private static final int LIMIT = 50_000;
    // entries are scanned for past slots at most this often once over the limit
    private static final Duration PRUNE_EVERY = Duration.ofSeconds(1);

    private final int limit;
    // per conversation: the first slot not yet given out
    private final Map<String, Instant> nextFree = new HashMap<>();
    // per row: the slot it was booked for
    private final Map<Long, Instant> bookings = new HashMap<>();
    private Instant prunedAt = Instant.MIN;

    Pacer() {
        this(LIMIT);
    }

    /** A pacer that keeps at most {@code limit} bookings. */
    Pacer(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Returns {@code now} when {@code row} may go to {@code to} now (its slot is taken), otherwise
     * when it should come back: its booked slot.
     */
    synchronized Instant reserve(Address to, long row, Instant now) {
        Duration spacing = to.platform() == Platform.TEAMS ? TEAMS : SLACK;
        String key = to.platform().id() + ":" + to.workspaceId() + ":" + to.targetId();
        Instant booked = bookings.remove(row);
        if (booked != null && now.isBefore(booked)) {
            bookings.put(row, booked);
            return booked;
        }
        Instant free = nextFree.get(key);
        if (booked != null && now.isBefore(booked.plus(spacing.multipliedBy(LATE)))) {
            if (free == null || free.isBefore(now.plus(spacing))) {
                nextFree.put(key, now.plus(spacing));
            }
            return now;
        }
        prune(now);
        if (free == null || !free.isAfter(now)) {
            nextFree.put(key, now.plus(spacing));
            return now;
        }
        if (bookings.size() < limit) {
            bookings.put(row, free);
            nextFree.put(key, free.plus(spacing));
        }
        return free;
    }

    /** Forgets slots of the past, when there are many entries (at most once a second). */
    private void prune(Instant now) {
        if (nextFree.size() + bookings.size() <= limit
                || now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
            return;
        }
        prunedAt = now;
        nextFree.values().removeIf(free -> free.isBefore(now));
        // a booking this late would be booked afresh anyway (Slack's interval is the longer)
        Duration stale = SLACK.multipliedBy(LATE);
        bookings.values().removeIf(slot -> !now.isBefore(slot.plus(stale)));
    }

    /** How many rows hold a booking. */
    synchronized int bookings() {
        return bookings.size();
    }

    /** How many conversations are remembered. */
    synchronized int conversations() {
        return nextFree.size();
    }
}

package org.tenfour.bot.log;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;
import org.tenfour.storage.InteractionLogs;
import org.tenfour.storage.LogEntry;
import org.tenfour.storage.Store;

/**
 * Looks after the peers: offers a peer a debrief of their own when they have logged many contacts
 * in the last seven days, or any contact where a safety concern came up. Reads only the peer's own
 * logs, through their pseudonym; the result goes to the peer alone.
 */
public final class PeerWellness {
    /**
     * Button action: the peer asks for a debrief; the product connects them with a peer or
     * coordinator.
     */
    public static final String DEBRIEF_ACTION = "wellness.debrief";

    /** Days looked back, including today. */
    public static final int WINDOW_DAYS = 7;

    private final Store store;
    private final Clock clock;
    private final Pseudonyms pseudonyms;

    public PeerWellness(Store store, Clock clock, PseudonymKeys keys) {
        this.store = Objects.requireNonNull(store, "null store");
        this.clock = Objects.requireNonNull(clock, "null clock");
        this.pseudonyms = new Pseudonyms(keys);
    }

    /**
     * The offer to send the peer, if they logged more than {@code threshold} contacts in the window
     * or any safety concern; empty otherwise.
     */
    public Optional<Message> check(UUID agencyId, UUID peerMemberId, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        // A day of slack on the UTC date: log dates are the peer's own calendar days.
        LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(WINDOW_DAYS);
        List<LogEntry> recent =
                store.repo(InteractionLogs.class)
                        .ofPseudonymSince(agencyId, pseudonyms.of(agencyId, peerMemberId), from);
        boolean busy = recent.size() > threshold;
        boolean safety = recent.stream().anyMatch(LogEntry::safetyConcern);
        if (!busy && !safety) {
            return Optional.empty();
        }
        String why =
                safety
                        ? "One of your recent contacts involved a safety concern — those stay with us too."
                        : "You have logged "
                                + recent.size()
                                + " contacts this week. That is a lot to carry.";
        return Optional.of(
                new Message(
                        why + " Would you like a debrief with another peer?",
                        List.of("Only you see this message. Your coordinator is not told."),
                        List.of(
                                new Button(
                                        DEBRIEF_ACTION,
                                        "Yes, set up a debrief",
                                        "",
                                        Button.Style.PRIMARY))));
    }
}

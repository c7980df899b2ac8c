package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A trained peer supporter (always also a {@link Member}).
 *
 * @param languages comma-separated language codes, or empty
 */
public record Peer(
        UUID memberId,
        UUID agencyId,
        boolean active,
        Instant awayUntil,
        int weeklyCap,
        String languages,
        boolean partnerRequests,
        String bio) {
    public Peer {
        Objects.requireNonNull(memberId, "null memberId");
        Objects.requireNonNull(agencyId, "null agencyId");
    }

    /** Whether the peer takes new contacts at {@code now} (active and not on a break). */
    public boolean availableAt(Instant now) {
        return active && (awayUntil == null || !awayUntil.isAfter(now));
    }
}

package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A trained peer supporter (always also a {@link Member}).
 *
 * @param languages language codes ({@code en}, {@code es}), maybe none
 */
public record Peer(
        UUID memberId,
        UUID agencyId,
        boolean active,
        Instant awayUntil,
        int weeklyCap,
        List<String> languages,
        boolean partnerRequests,
        String bio) {
    public Peer {
        Objects.requireNonNull(memberId, "null memberId");
        Objects.requireNonNull(agencyId, "null agencyId");
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Whether the peer takes new contacts at {@code now} (active and not on a break). */
    public boolean availableAt(Instant now) {
        return active && (awayUntil == null || !awayUntil.isAfter(now));
    }
}

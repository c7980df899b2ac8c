package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A member's request to talk to a peer. Never holds what anyone said; after the retention period
 * its identifying fields ({@code memberId}, {@code currentPeerId}, {@code namedPeerId}, {@code
 * triedPeerIds}) are cleared.
 *
 * @param source {@code member}, {@code check_in} or {@code referral} (never who referred)
 * @param scope {@code internal}, {@code partner} or {@code named}
 * @param urgency {@code now}, {@code today} or {@code week}
 * @param contactPref {@code chat}, {@code phone} or {@code in_person}
 * @param state {@code offered}, {@code accepted}, {@code introduced}, {@code relaying}, {@code
 *     escalated} or {@code closed}
 * @param peerAgencyId the agency of the current peer (a partner agency's for partner offers)
 * @param triedPeerIds every peer offered so far, the current one included
 */
public record ConnectionRequest(
        UUID id,
        UUID agencyId,
        UUID memberId,
        String source,
        String scope,
        String urgency,
        String contactPref,
        boolean shareName,
        String topicCode,
        UUID namedPeerId,
        String state,
        UUID currentPeerId,
        UUID peerAgencyId,
        int attempts,
        Instant offerExpiresAt,
        String language,
        List<UUID> triedPeerIds,
        Instant createdAt,
        Instant acceptedAt,
        Instant closedAt) {
    public ConnectionRequest {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        triedPeerIds = triedPeerIds == null ? List.of() : List.copyOf(triedPeerIds);
    }

    /** Whether the request is still open (not introduced-and-done, not closed). */
    public boolean open() {
        return List.of("offered", "accepted", "relaying", "escalated").contains(state);
    }
}

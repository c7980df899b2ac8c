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
 * @param source how it began (never who referred)
 * @param peerAgencyId the agency of the current peer (a partner agency's for partner offers)
 * @param triedPeerIds every peer offered so far, the current one included
 */
public record ConnectionRequest(
        UUID id,
        UUID agencyId,
        UUID memberId,
        RequestSource source,
        RequestScope scope,
        Urgency urgency,
        ContactPreference contactPref,
        boolean shareName,
        String topicCode,
        UUID namedPeerId,
        RequestState state,
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
        Objects.requireNonNull(state, "null state");
        triedPeerIds = triedPeerIds == null ? List.of() : List.copyOf(triedPeerIds);
    }

    /** Whether the request is still open (not introduced-and-done, not closed). */
    public boolean open() {
        return state.open();
    }
}

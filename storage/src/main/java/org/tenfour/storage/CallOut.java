package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A critical incident's call-out: the peers paged so far, who said they can't, and the lead peer
 * once one said "I'm on it".
 *
 * @param state {@code paging}, {@code taken}, {@code exhausted} (nobody left to page) or {@code
 *     closed} (the incident was cancelled)
 * @param nextPageAt when the next peer is paged if nobody has taken it; null once over
 */
public record CallOut(
        UUID incidentId,
        UUID agencyId,
        String state,
        List<UUID> pagedPeerIds,
        List<UUID> declinedPeerIds,
        UUID leadPeerId,
        Instant nextPageAt,
        Instant createdAt) {
    public CallOut {
        Objects.requireNonNull(incidentId, "null incidentId");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(state, "null state");
        pagedPeerIds = pagedPeerIds == null ? List.of() : List.copyOf(pagedPeerIds);
        declinedPeerIds = declinedPeerIds == null ? List.of() : List.copyOf(declinedPeerIds);
    }

    /** Whether peers may still take it. */
    public boolean paging() {
        return state.equals("paging");
    }
}

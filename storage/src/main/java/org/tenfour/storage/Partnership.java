package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Two agencies sharing peers. {@code agencyB} is null while the invite is open. */
public record Partnership(
        UUID id,
        UUID agencyA,
        UUID agencyB,
        Instant inviteUntil,
        PartnershipState state,
        Instant createdAt,
        Instant endedAt) {
    public Partnership {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyA, "null agencyA");
    }

    /** The other agency of the partnership, seen from {@code agencyId}. */
    public UUID other(UUID agencyId) {
        return agencyId.equals(agencyA) ? agencyB : agencyA;
    }
}

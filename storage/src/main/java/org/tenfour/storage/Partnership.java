package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Two agencies sharing peers. {@code agencyB} is null while the invite is open.
 *
 * @param state {@code invited}, {@code active} or {@code ended}
 */
public record Partnership(
        UUID id,
        UUID agencyA,
        UUID agencyB,
        Instant inviteUntil,
        String state,
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

package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person on an agency's roster (members, peers and coordinators alike). */
public record Member(UUID id, UUID agencyId, String platformUserId, String displayName,
                     String timeZone, boolean optedOut, Instant snoozedUntil, boolean unreachable,
                     boolean isCoordinator, boolean onRoster, Instant createdAt) {
    public Member {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(platformUserId, "null platformUserId");
    }
}

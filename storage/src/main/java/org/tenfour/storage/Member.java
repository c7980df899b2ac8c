package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A person on an agency's roster (members, peers and coordinators alike).
 *
 * @param windowDays comma-separated ISO day names of the preferred window (e.g. {@code
 *     SATURDAY,SUNDAY}), or null
 * @param tagsJson unit / crew / supervisor tags as a JSON object
 * @param isAdmin always false: the lasting "installer" flag it was grants nothing any more (see
 *     {@link SetupGrants})
 */
public record Member(
        UUID id,
        UUID agencyId,
        String platformUserId,
        String displayName,
        String timeZone,
        boolean optedOut,
        Instant snoozedUntil,
        boolean unreachable,
        boolean isCoordinator,
        boolean onRoster,
        Instant createdAt,
        LocalTime windowStart,
        LocalTime windowEnd,
        String windowDays,
        UUID assignedPeerId,
        String tagsJson,
        Instant welcomedAt,
        boolean isAdmin) {
    public Member {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(platformUserId, "null platformUserId");
    }
}

package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A scheduled proactive contact with a member, on behalf of a peer. */
public record CheckIn(
        UUID id,
        UUID agencyId,
        UUID memberId,
        UUID peerId,
        CheckInKind kind,
        String slotKey,
        Instant dueAt,
        CheckInState state,
        CheckInAnswer answer,
        UUID incidentId,
        Instant createdAt,
        Instant sentAt,
        Instant answeredAt,
        Instant nudgedAt) {
    public CheckIn {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(memberId, "null memberId");
    }
}

package org.tenfour.storage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A follow-up reminder owed to a peer: who to remind and when, and nothing about the contact. */
public record FollowUpDue(UUID id, UUID agencyId, UUID peerMemberId, LocalDate dueDate) {
    public FollowUpDue {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(peerMemberId, "null peerMemberId");
        Objects.requireNonNull(dueDate, "null dueDate");
    }
}

package org.tenfour.storage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up reminder owed to a peer: who to remind, as a keyed tag ({@code peerMemberId} only on
 * rows written before tags), and when; nothing about the contact.
 */
public record FollowUpDue(
        UUID id, UUID agencyId, String peerTag, UUID peerMemberId, LocalDate dueDate) {
    public FollowUpDue {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        if (peerTag == null && peerMemberId == null) {
            throw new IllegalArgumentException("reminder " + id + " names no peer");
        }
        Objects.requireNonNull(dueDate, "null dueDate");
    }
}

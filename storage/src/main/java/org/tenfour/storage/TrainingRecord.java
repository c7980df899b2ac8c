package org.tenfour.storage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One course a peer completed.
 *
 * @param expiresOn the last day it is valid, or null when it does not expire
 * @param required whether the peer leaves the rotation when it expires
 * @param remindedOn when the peer was reminded that it expires soon, or null
 */
public record TrainingRecord(
        long id,
        UUID agencyId,
        UUID memberId,
        String course,
        LocalDate completedOn,
        LocalDate expiresOn,
        boolean required,
        LocalDate remindedOn) {
    public TrainingRecord {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(memberId, "null memberId");
        Objects.requireNonNull(course, "null course");
        Objects.requireNonNull(completedOn, "null completedOn");
    }

    /** Whether it is a required course past its last day on {@code today}. */
    public boolean lapsed(LocalDate today) {
        return required && expiresOn != null && expiresOn.isBefore(today);
    }
}

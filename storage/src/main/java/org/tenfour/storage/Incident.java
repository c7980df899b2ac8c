package org.tenfour.storage;

import java.time.Instant;
import java.util.UUID;

/** A critical incident; its label is for coordinators only. */
public record Incident(
        UUID id,
        UUID agencyId,
        String label,
        String createdBy,
        Instant createdAt,
        Instant cancelledAt) {}

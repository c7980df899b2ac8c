package org.tenfour.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A critical incident; its label is for coordinators only and null once its follow-ups are over.
 * {@code createdBy} is null (kept for rows written before creators were forgotten).
 */
public record Incident(
        UUID id,
        UUID agencyId,
        String label,
        String createdBy,
        Instant createdAt,
        Instant cancelledAt) {}

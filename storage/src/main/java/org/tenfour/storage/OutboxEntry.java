package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One outgoing message: where to ({@code targetJson}) and what ({@code messageJson}), both neutral
 * JSON written by the bot (null once delivered), what it is for ({@code kind}, {@code ref}), plus
 * delivery state. {@code outcomeUnknown}: an earlier attempt's lease expired mid-flight, so the
 * message may already be on the platform.
 */
public record OutboxEntry(
        long id,
        UUID agencyId,
        String idempotencyKey,
        OutboxKind kind,
        UUID ref,
        String targetJson,
        String messageJson,
        String state,
        int attempts,
        Instant nextAttemptAt,
        String platformMessageId,
        String platformConversationId,
        Instant createdAt,
        Instant sentAt,
        boolean outcomeUnknown) {
    public OutboxEntry {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(idempotencyKey, "null idempotencyKey");
        Objects.requireNonNull(kind, "null kind");
    }
}

package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One outgoing message: where to ({@code targetJson}) and what ({@code messageJson}), both neutral
 * JSON written by the bot, plus delivery state. {@code outcomeUnknown}: an earlier attempt's lease
 * expired mid-flight, so the message may already be on the platform.
 */
public record OutboxEntry(
        long id,
        UUID agencyId,
        String idempotencyKey,
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
    }
}

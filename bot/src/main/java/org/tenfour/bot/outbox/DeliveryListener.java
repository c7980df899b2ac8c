package org.tenfour.bot.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.adapters.Delivery;
import org.tenfour.storage.OutboxKind;

/**
 * Told, inside the transaction that marks a row sent, that a message was delivered; features use it
 * to move their own state (a check-in becomes "sent") atomically with the delivery record.
 */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(
            Handle handle, UUID agencyId, OutboxKind kind, UUID ref, Delivery delivery, Instant at);
}

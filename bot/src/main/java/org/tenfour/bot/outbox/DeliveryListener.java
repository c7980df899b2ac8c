package org.tenfour.bot.outbox;

import java.time.Instant;
import java.util.UUID;
import org.tenfour.adapters.Delivery;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Tx;

/**
 * Told, inside the transaction that marks a row sent, that a message was delivered; features use it
 * to move their own state (a check-in becomes "sent") atomically with the delivery record.
 */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(
            Tx handle, UUID agencyId, OutboxKind kind, UUID ref, Delivery delivery, Instant at);
}

package org.tenfour.bot.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;
import org.tenfour.bot.http.JsonBody;
import org.tenfour.storage.Outbox;
import org.tenfour.storage.OutboxEntry;
import org.tenfour.storage.Tx;

/**
 * Writes outgoing messages into the outbox on the caller's handle, so that they commit (or not)
 * with the caller's state change. Rows are keyed by a keyed hash of their {@link OutboxKey}.
 */
public final class Outgoing {
    private final Tx handle;
    private final Outbox outbox;
    private final UUID agencyId;

    private Outgoing(Tx handle, UUID agencyId) {
        this.handle = handle;
        this.outbox = handle.attach(Outbox.class);
        this.agencyId = agencyId;
    }

    /** Writes on {@code handle} (inside the caller's transaction) for one agency. */
    public static Outgoing on(Tx handle, UUID agencyId) {
        return new Outgoing(handle, agencyId);
    }

    /**
     * Queues a message, delivered at or after {@code notBefore}; false if the key was already
     * queued.
     */
    public boolean send(OutboxKey key, Address to, Message message, Instant notBefore) {
        return enqueue(key, targetJson(to), messageJson(message), notBefore);
    }

    /**
     * How an address is stored in an outbox row, for a statement that queues rows itself (cadence
     * planning queues messages in the statement that creates their check-ins).
     */
    public static String targetJson(Address to) {
        return JsonBody.write(to);
    }

    /** How a new message is stored in an outbox row (see {@link #targetJson}). */
    public static String messageJson(Message message) {
        return JsonBody.write(OutboundItem.send(message));
    }

    /** Queues the replacement of a message sent earlier. */
    public boolean update(
            OutboxKey key, Address to, Delivery sent, Message message, Instant notBefore) {
        return enqueue(
                key,
                JsonBody.write(to),
                JsonBody.write(new OutboundItem(message, sent, null)),
                notBefore);
    }

    /** Queues a file (a chart, a CSV) for a user or channel. */
    public boolean upload(OutboxKey key, Address to, FileUpload file, Instant notBefore) {
        return enqueue(
                key,
                JsonBody.write(to),
                JsonBody.write(new OutboundItem(Message.text(file.title()), null, file)),
                notBefore);
    }

    /** The row of {@code key} in this agency's outbox, if any. */
    public Optional<OutboxEntry> find(OutboxKey key) {
        return outbox.findByKey(agencyId, key.stored(handle, agencyId));
    }

    /** Forgets the platform ids of a delivered message that will not be updated again. */
    public void forgetDelivery(OutboxKey key) {
        outbox.forgetDelivery(agencyId, key.stored(handle, agencyId));
    }

    private boolean enqueue(OutboxKey key, String target, String message, Instant notBefore) {
        return outbox.enqueue(
                agencyId,
                key.stored(handle, agencyId),
                key.kind().column(),
                key.ref(),
                target,
                message,
                notBefore);
    }
}

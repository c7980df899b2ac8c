package org.tenfour.bot.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;
import org.tenfour.bot.http.JsonBody;
import org.tenfour.storage.Outbox;

/**
 * Writes outgoing messages into the outbox on the caller's handle, so that they commit (or not)
 * with the caller's state change.
 */
public final class Outgoing {
    private final Outbox outbox;
    private final UUID agencyId;

    private Outgoing(Outbox outbox, UUID agencyId) {
        this.outbox = outbox;
        this.agencyId = agencyId;
    }

    /** Writes on {@code handle} (inside the caller's transaction) for one agency. */
    public static Outgoing on(Handle handle, UUID agencyId) {
        return new Outgoing(handle.attach(Outbox.class), agencyId);
    }

    /**
     * Queues a message, delivered at or after {@code notBefore}; false if the key was already
     * queued.
     */
    public boolean send(String idempotencyKey, Address to, Message message, Instant notBefore) {
        return outbox.enqueue(
                agencyId, idempotencyKey, targetJson(to), messageJson(message), notBefore);
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
            String idempotencyKey, Address to, Delivery sent, Message message, Instant notBefore) {
        return outbox.enqueue(
                agencyId,
                idempotencyKey,
                JsonBody.write(to),
                JsonBody.write(new OutboundItem(message, sent, null)),
                notBefore);
    }

    /** Queues a file (a chart, a CSV) for a user or channel. */
    public boolean upload(String idempotencyKey, Address to, FileUpload file, Instant notBefore) {
        return outbox.enqueue(
                agencyId,
                idempotencyKey,
                JsonBody.write(to),
                JsonBody.write(new OutboundItem(Message.text(file.title()), null, file)),
                notBefore);
    }
}

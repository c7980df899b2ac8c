package org.tenfour.bot.outbox;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Tx;

/**
 * Which message an outbox row is, before it is hashed: its kind, the thing it belongs to ({@code
 * ref}: a check-in, a request; may be null) and what tells it apart from the kind's other messages
 * for that thing. Two writes of the same key queue one message. The row stores only a keyed hash of
 * it ({@link #stored}), so neither the database nor the platform's message metadata can tell whose
 * message it was.
 *
 * <pre>{@code
 * OutboxKey.of(OutboxKind.WELCOME, null, member.id())          // one welcome per member
 * OutboxKey.of(OutboxKind.CONNECT, request.id(), "escalated")  // one per request
 * }</pre>
 */
public record OutboxKey(OutboxKind kind, UUID ref, String discriminator) {
    public OutboxKey {
        Objects.requireNonNull(kind, "null kind");
        Objects.requireNonNull(discriminator, "null discriminator");
    }

    /** A key from its parts (joined with ':'). */
    public static OutboxKey of(OutboxKind kind, UUID ref, Object... parts) {
        return new OutboxKey(
                kind,
                ref,
                Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining(":")));
    }

    /** A message that is never queued twice by accident: a random discriminator. */
    public static OutboxKey unique(OutboxKind kind, UUID ref) {
        return of(kind, ref, UUID.randomUUID());
    }

    /** The same thing, one step further (e.g. an offer's "closed" update). */
    public OutboxKey then(Object part) {
        return new OutboxKey(kind, ref, discriminator + ":" + part);
    }

    /** The same discriminator under another kind. */
    public OutboxKey as(OutboxKind other) {
        return new OutboxKey(other, ref, discriminator);
    }

    /** The key as stored in the agency's outbox: a keyed hash under the handle's key. */
    public String stored(Tx h, UUID agencyId) {
        return h.keyedHashes().of("outbox", agencyId, toString());
    }

    @Override
    public String toString() {
        return kind.column() + ":" + ref + ":" + discriminator;
    }
}

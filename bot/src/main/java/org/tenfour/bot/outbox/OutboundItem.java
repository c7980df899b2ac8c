package org.tenfour.bot.outbox;

import java.util.Objects;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Message;

/**
 * What an outbox row asks for: send a new message, or replace one sent earlier ({@code replaces}).
 *
 * @param message  what to say
 * @param replaces the earlier message to update, or null to send a new one
 */
public record OutboundItem(Message message, Delivery replaces) {
    public OutboundItem {
        Objects.requireNonNull(message, "null message");
    }

    /** A new message. */
    public static OutboundItem send(Message message) {
        return new OutboundItem(message, null);
    }
}

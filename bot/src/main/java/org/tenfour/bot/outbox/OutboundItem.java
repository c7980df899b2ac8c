package org.tenfour.bot.outbox;

import java.util.Objects;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;

/**
 * What an outbox row asks for: send a new message, replace one sent earlier ({@code replaces}), or
 * post a file.
 *
 * @param message what to say (for a file: its caption)
 * @param replaces the earlier message to update, or null to send a new one
 * @param file a file to post instead of a message, or null
 */
public record OutboundItem(Message message, Delivery replaces, FileUpload file) {
    public OutboundItem {
        Objects.requireNonNull(message, "null message");
    }

    /** A new message. */
    public static OutboundItem send(Message message) {
        return new OutboundItem(message, null, null);
    }
}

package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored Teams conversation reference: where to post so that a user or channel gets a message the
 * bot starts itself.
 *
 * @param agencyId the agency (Teams tenant) it belongs to
 * @param kind {@code user} or {@code channel}
 * @param platformId the Teams user id ({@code 29:…}) or channel id ({@code 19:…})
 * @param serviceUrl the Bot Connector base URL for the conversation
 * @param conversationId the conversation to post into
 * @param updatedAt when it was last saved
 */
public record ConversationRef(
        UUID agencyId,
        String kind,
        String platformId,
        String serviceUrl,
        String conversationId,
        Instant updatedAt) {

    /** Kind of a reference to a person's 1:1 conversation with the bot. */
    public static final String USER = "user";

    /** Kind of a reference to a team channel. */
    public static final String CHANNEL = "channel";

    public ConversationRef {
        Objects.requireNonNull(agencyId, "null agencyId");
        if (!USER.equals(kind) && !CHANNEL.equals(kind)) {
            throw new IllegalArgumentException("kind must be user or channel: " + kind);
        }
        Objects.requireNonNull(platformId, "null platformId");
        Objects.requireNonNull(serviceUrl, "null serviceUrl");
        Objects.requireNonNull(conversationId, "null conversationId");
    }
}

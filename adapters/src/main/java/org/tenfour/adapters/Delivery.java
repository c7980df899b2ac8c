package org.tenfour.adapters;

import java.util.Objects;

/**
 * What a platform answered to a send: the message's own id there (Slack {@code ts}, Teams activity
 * id) and the conversation it landed in, kept so that the message can be updated later.
 *
 * @param conversationId the channel / conversation the message is in
 * @param messageId the platform's id for the message
 */
public record Delivery(String conversationId, String messageId) {
    public Delivery {
        Objects.requireNonNull(conversationId, "null conversationId");
        Objects.requireNonNull(messageId, "null messageId");
    }
}

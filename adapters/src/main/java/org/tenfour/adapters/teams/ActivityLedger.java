package org.tenfour.adapters.teams;

/**
 * Port: remembers inbound activity ids so that a Bot Connector redelivery (or a replayed request
 * with a still-valid token) is handled once. Ids are scoped by conversation: Teams activity ids are
 * unique within a conversation, not globally.
 */
@FunctionalInterface
public interface ActivityLedger {
    /** Remembers nothing: every activity is handled. */
    ActivityLedger NONE = id -> true;

    /**
     * True the first time {@code conversationId|activityId} is seen, false on every later sighting.
     */
    boolean firstSighting(String scopedActivityId);
}

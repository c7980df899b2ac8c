package org.tenfour.adapters;

import java.util.Objects;

/**
 * A person or a place on a platform, as a value. For Teams, {@code serviceUrl} and {@code
 * conversationId} carry the stored conversation reference needed to message proactively; they are
 * null when the platform does not need them.
 *
 * @param platform which platform
 * @param workspaceId Slack team id, Teams tenant id, or the sandbox agency key
 * @param kind a user (direct message) or a channel
 * @param targetId the user id or channel id on that platform
 * @param serviceUrl Teams only: the Bot Connector base URL for this conversation
 * @param conversationId Teams only: the conversation to post into, once known
 */
public record Address(
        Platform platform,
        String workspaceId,
        Kind kind,
        String targetId,
        String serviceUrl,
        String conversationId) {

    /** Whether the address is a person or a channel. */
    public enum Kind {
        USER,
        CHANNEL
    }

    public Address {
        Objects.requireNonNull(platform, "null platform");
        Objects.requireNonNull(kind, "null kind");
        requireText(workspaceId, "workspaceId");
        requireText(targetId, "targetId");
    }

    /** A user on a platform that needs no conversation reference (Slack, sandbox). */
    public static Address user(Platform platform, String workspaceId, String userId) {
        return new Address(platform, workspaceId, Kind.USER, userId, null, null);
    }

    /** A channel on a platform that needs no conversation reference (Slack, sandbox). */
    public static Address channel(Platform platform, String workspaceId, String channelId) {
        return new Address(platform, workspaceId, Kind.CHANNEL, channelId, null, null);
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("blank " + name + ": '" + value + "'");
        }
    }

    /** Fails when {@code value} is longer than a platform can carry (see {@link Message}). */
    static void requireAtMost(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(
                    name + " longer than " + max + " characters (" + value.length() + ")");
        }
    }
}

package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a Bot Framework Activity the adapter reads. Unknown fields are ignored; absent lists
 * become empty.
 */
record Activity(
        String type,
        String id,
        String name,
        String action,
        String serviceUrl,
        String channelId,
        Account from,
        Account recipient,
        Conversation conversation,
        String text,
        String replyToId,
        JsonNode value,
        List<Entity> entities,
        List<Account> membersAdded,
        List<Account> membersRemoved,
        JsonNode channelData,
        String locale) {

    Activity {
        requireText(type, "type");
        requireText(serviceUrl, "serviceUrl");
        requireText(channelId, "channelId");
        Objects.requireNonNull(from, "missing from");
        Objects.requireNonNull(recipient, "missing recipient");
        Objects.requireNonNull(conversation, "missing conversation");
        entities = entities == null ? List.of() : List.copyOf(entities);
        membersAdded = membersAdded == null ? List.of() : List.copyOf(membersAdded);
        membersRemoved = membersRemoved == null ? List.of() : List.copyOf(membersRemoved);
    }

    /** A user or bot. */
    record Account(String id, String name, String aadObjectId) {
        Account {
            requireText(id, "account id");
        }
    }

    /** The conversation the activity belongs to. */
    record Conversation(String id, String conversationType, String tenantId, Boolean isGroup) {
        Conversation {
            requireText(id, "conversation id");
        }
    }

    /** An entity attached to a message; mentions are the ones read. */
    record Entity(String type, Account mentioned, String text) {}

    boolean isInvoke() {
        return "invoke".equals(type);
    }

    /** The tenant, from the conversation or the channel data. */
    String tenantId() {
        if (conversation.tenantId() != null && !conversation.tenantId().isBlank()) {
            return conversation.tenantId();
        }
        return TeamsJson.text(channelData == null ? null : channelData.get("tenant"), "id");
    }

    /** The 1:1 chat between a user and the bot. */
    boolean isPersonal() {
        return "personal".equals(conversation.conversationType())
                || (conversation.conversationType() == null
                        && !Boolean.TRUE.equals(conversation.isGroup()));
    }

    /** The team channel id when the activity happened in a channel, else null. */
    String channelIdOfTeam() {
        String fromData =
                TeamsJson.text(channelData == null ? null : channelData.get("channel"), "id");
        if (fromData != null) {
            return fromData;
        }
        if ("channel".equals(conversation.conversationType())) {
            return baseConversationId();
        }
        return null;
    }

    /** The team's name when Teams sends it (it does when the bot is added to a team), else null. */
    String teamName() {
        String name = TeamsJson.text(channelData == null ? null : channelData.get("team"), "name");
        return name == null || name.isBlank() ? null : name.strip();
    }

    /** The conversation id without a thread's {@code ;messageid=} suffix. */
    String baseConversationId() {
        int thread = conversation.id().indexOf(";messageid=");
        return thread < 0 ? conversation.id() : conversation.id().substring(0, thread);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
    }
}

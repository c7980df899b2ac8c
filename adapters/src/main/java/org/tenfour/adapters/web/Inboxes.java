package org.tenfour.adapters.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;

/**
 * The fake platform's message store: what each conversation shows. Kept in memory on purpose: it
 * stands for Slack's or Teams' servers, not for anything the product owns.
 */
final class Inboxes {

    /**
     * A message as it currently shows in a conversation.
     *
     * @param file a posted file (a report's chart, a CSV) with {@code message} as its caption; null
     *     for a message
     */
    record Posted(
            String id,
            String conversationId,
            Message message,
            FileUpload file,
            Instant at,
            boolean edited) {}

    private final Map<String, List<Posted>> byConversation = new HashMap<>();
    private final Consumer<String> changed;

    /**
     * @param changed told the conversation id after every change (outside the lock)
     */
    Inboxes(Consumer<String> changed) {
        this.changed = changed;
    }

    Posted append(String conversationId, Message message, Instant at) {
        return append(conversationId, message, null, at);
    }

    /** Posts a file, captioned with {@code caption}. */
    Posted append(String conversationId, Message caption, FileUpload file, Instant at) {
        Posted posted =
                new Posted(UUID.randomUUID().toString(), conversationId, caption, file, at, false);
        synchronized (this) {
            byConversation.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(posted);
        }
        changed.accept(conversationId);
        return posted;
    }

    /** Replaces a message's content; false when there is no such message. */
    boolean replace(String conversationId, String messageId, Message message) {
        synchronized (this) {
            List<Posted> list = byConversation.getOrDefault(conversationId, List.of());
            int i = indexOf(list, messageId);
            if (i < 0) {
                return false;
            }
            Posted old = list.get(i);
            list.set(i, new Posted(old.id(), conversationId, message, old.file(), old.at(), true));
        }
        changed.accept(conversationId);
        return true;
    }

    synchronized Optional<Posted> find(String conversationId, String messageId) {
        List<Posted> list = byConversation.getOrDefault(conversationId, List.of());
        int i = indexOf(list, messageId);
        return i < 0 ? Optional.empty() : Optional.of(list.get(i));
    }

    synchronized List<Posted> messages(String conversationId) {
        return List.copyOf(byConversation.getOrDefault(conversationId, List.of()));
    }

    private static int indexOf(List<Posted> list, String messageId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }
}

package org.tenfour.adapters.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.internal.Jackson;

/**
 * The fake platform's message store: what each conversation shows. It stands for Slack's or Teams'
 * servers, not for anything the product owns, so it lives outside the product's database: in
 * memory, and — when given a file — written there after every change and read back at start, so a
 * restart keeps the conversations as a real chat platform would.
 */
final class Inboxes {
    private static final Logger log = LoggerFactory.getLogger(Inboxes.class);
    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    /** Who wrote a message. */
    enum Author {
        /** TenFour, through the product. */
        BOT,
        /** The person whose screen it is: what they typed (shown to them only). */
        PERSON,
        /** The sandbox itself: a first hint of what to try. */
        GUIDE
    }

    /**
     * A message as it currently shows in a conversation.
     *
     * @param file a posted file (a report's chart, a CSV) with {@code message} as its caption; null
     *     for a message
     * @param onlyFor the one person who sees it (a private reply, what they typed); null for
     *     everyone in the conversation
     */
    record Posted(
            String id,
            String conversationId,
            Message message,
            FileUpload file,
            Instant at,
            boolean edited,
            Author author,
            String onlyFor) {
        Posted {
            Objects.requireNonNull(id, "null id");
            Objects.requireNonNull(conversationId, "null conversationId");
            Objects.requireNonNull(message, "null message");
            Objects.requireNonNull(at, "null at");
            author = author == null ? Author.BOT : author;
        }

        boolean visibleTo(String userId) {
            return onlyFor == null || onlyFor.equals(userId);
        }
    }

    private final Map<String, List<Posted>> byConversation = new LinkedHashMap<>();
    private final Consumer<Posted> changed;
    private final Path file;

    /**
     * @param changed told the changed message after every change (outside the lock)
     * @param file where the conversations are kept between runs; null to keep them in memory only
     */
    Inboxes(Consumer<Posted> changed, Path file) {
        this.changed = changed;
        this.file = file;
        if (file != null && Files.exists(file)) {
            read(file).forEach(p -> list(p.conversationId()).add(p));
        }
    }

    Posted append(String conversationId, Message message, Instant at) {
        return append(conversationId, message, null, at);
    }

    /** Posts a file, captioned with {@code caption}. */
    Posted append(String conversationId, Message caption, FileUpload file, Instant at) {
        return add(
                new Posted(
                        UUID.randomUUID().toString(),
                        conversationId,
                        caption,
                        file,
                        at,
                        false,
                        Author.BOT,
                        null));
    }

    /** Posts what only {@code userId} sees in the conversation. */
    Posted appendPrivate(
            String conversationId, Author author, String userId, Message message, Instant at) {
        return add(
                new Posted(
                        UUID.randomUUID().toString(),
                        conversationId,
                        message,
                        null,
                        at,
                        false,
                        author,
                        Objects.requireNonNull(userId, "null userId")));
    }

    private Posted add(Posted posted) {
        synchronized (this) {
            list(posted.conversationId()).add(posted);
            save();
        }
        changed.accept(posted);
        return posted;
    }

    /** Replaces a message's content; false when there is no such message. */
    boolean replace(String conversationId, String messageId, Message message) {
        Posted replaced;
        synchronized (this) {
            List<Posted> list = byConversation.getOrDefault(conversationId, List.of());
            int i = indexOf(list, messageId);
            if (i < 0) {
                return false;
            }
            Posted old = list.get(i);
            replaced =
                    new Posted(
                            old.id(),
                            conversationId,
                            message,
                            old.file(),
                            old.at(),
                            true,
                            old.author(),
                            old.onlyFor());
            list.set(i, replaced);
            save();
        }
        changed.accept(replaced);
        return true;
    }

    synchronized Optional<Posted> find(String conversationId, String messageId) {
        List<Posted> list = byConversation.getOrDefault(conversationId, List.of());
        int i = indexOf(list, messageId);
        return i < 0 ? Optional.empty() : Optional.of(list.get(i));
    }

    /** What {@code userId} sees in a conversation, oldest first. */
    synchronized List<Posted> messages(String conversationId, String userId) {
        return byConversation.getOrDefault(conversationId, List.of()).stream()
                .filter(p -> p.visibleTo(userId))
                .toList();
    }

    /** Everything in a conversation, whoever sees it. */
    synchronized List<Posted> messages(String conversationId) {
        return List.copyOf(byConversation.getOrDefault(conversationId, List.of()));
    }

    private List<Posted> list(String conversationId) {
        return byConversation.computeIfAbsent(conversationId, k -> new ArrayList<>());
    }

    private static int indexOf(List<Posted> list, String messageId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes a new file and moves it over the old one, so a crash leaves one or the other. */
    private void save() {
        if (file == null) {
            return;
        }
        List<Posted> all = byConversation.values().stream().flatMap(List::stream).toList();
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path next = Files.createTempFile(parent, "sandbox-conversations", ".tmp");
            MAPPER.writeValue(next.toFile(), all);
            Files.move(
                    next,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn(
                    "sandbox conversations not kept in {}: {}", file, e.getClass().getSimpleName());
        }
    }

    private static List<Posted> read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<List<Posted>>() {});
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "sandbox conversations in {} unreadable, starting empty: {}",
                    file,
                    e.getClass().getSimpleName());
            return List.of();
        }
    }
}

package org.tenfour.adapters.teams;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tenfour.adapters.Address;

/**
 * Port implemented by the product: keeps where to post to reach a Teams user (their 1:1
 * conversation with the bot) or channel, learnt from installation and conversation events, so the
 * bot can message them later without being spoken to first.
 */
public interface ConversationReferences {

    /** Saves or replaces the reference of a user ({@code kind USER}, Teams user id) or channel. */
    void save(Address.Kind kind, String platformId, ConversationReference reference);

    /** The reference saved for that user or channel of that tenant, if any. */
    Optional<ConversationReference> find(String tenantId, Address.Kind kind, String platformId);

    /** A reference kept in memory only (tests, the sandbox); lost on restart. */
    static ConversationReferences inMemory() {
        Map<String, ConversationReference> refs = new ConcurrentHashMap<>();
        return new ConversationReferences() {
            @Override
            public void save(
                    Address.Kind kind, String platformId, ConversationReference reference) {
                refs.put(reference.tenantId() + "/" + kind + "/" + platformId, reference);
            }

            @Override
            public Optional<ConversationReference> find(
                    String tenantId, Address.Kind kind, String platformId) {
                return Optional.ofNullable(refs.get(tenantId + "/" + kind + "/" + platformId));
            }
        };
    }

    /**
     * Where a conversation lives.
     *
     * @param serviceUrl the Bot Connector base URL the conversation is served from
     * @param conversationId the conversation id ({@code a:…} for 1:1, {@code 19:…} for a channel)
     * @param tenantId the Teams tenant (the agency's workspace id)
     */
    record ConversationReference(String serviceUrl, String conversationId, String tenantId) {
        public ConversationReference {
            requireText(serviceUrl, "serviceUrl");
            requireText(conversationId, "conversationId");
            requireText(tenantId, "tenantId");
        }

        private static void requireText(String value, String name) {
            if (Objects.requireNonNull(value, "null " + name).isBlank()) {
                throw new IllegalArgumentException("blank " + name);
            }
        }
    }
}

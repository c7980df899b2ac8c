package org.tenfour.bot.platform;

import java.time.Clock;
import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.teams.ConversationReferences;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConversationRef;
import org.tenfour.storage.ConversationRefRepository;
import org.tenfour.storage.Store;

/** Teams conversation references in PostgreSQL; each tenant is an agency. */
final class StoredConversationReferences implements ConversationReferences {
    private final Store store;
    private final Clock clock;

    StoredConversationReferences(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static String kind(Address.Kind kind) {
        return kind == Address.Kind.USER ? ConversationRef.USER : ConversationRef.CHANNEL;
    }

    @Override
    public void save(Address.Kind kind, String platformId, ConversationReference ref) {
        Agency agency = store.repo(Agencies.class).upsert("teams", ref.tenantId(), ref.tenantId());
        store.repo(ConversationRefRepository.class)
                .save(
                        agency.id(),
                        kind(kind),
                        platformId,
                        ref.serviceUrl(),
                        ref.conversationId(),
                        clock.instant());
    }

    @Override
    public Optional<ConversationReference> find(
            String tenantId, Address.Kind kind, String platformId) {
        return store.repo(Agencies.class)
                .findByWorkspace("teams", tenantId)
                .flatMap(
                        a ->
                                store.repo(ConversationRefRepository.class)
                                        .find(a.id(), kind(kind), platformId))
                .map(r -> new ConversationReference(r.serviceUrl(), r.conversationId(), tenantId));
    }
}

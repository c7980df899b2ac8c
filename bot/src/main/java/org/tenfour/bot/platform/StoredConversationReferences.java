package org.tenfour.bot.platform;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.teams.ConversationReferences;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConversationRef;
import org.tenfour.storage.ConversationRefRepository;

/** Teams conversation references in PostgreSQL; each tenant is an agency. */
final class StoredConversationReferences implements ConversationReferences {
    private final Jdbi jdbi;
    private final Clock clock;

    StoredConversationReferences(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private static String kind(Address.Kind kind) {
        return kind == Address.Kind.USER ? ConversationRef.USER : ConversationRef.CHANNEL;
    }

    @Override
    public void save(Address.Kind kind, String platformId, ConversationReference ref) {
        Agency agency =
                jdbi.onDemand(Agencies.class).upsert("teams", ref.tenantId(), ref.tenantId());
        jdbi.onDemand(ConversationRefRepository.class)
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
        return jdbi.onDemand(Agencies.class)
                .findByWorkspace("teams", tenantId)
                .flatMap(
                        a ->
                                jdbi.onDemand(ConversationRefRepository.class)
                                        .find(a.id(), kind(kind), platformId))
                .map(r -> new ConversationReference(r.serviceUrl(), r.conversationId(), tenantId));
    }
}

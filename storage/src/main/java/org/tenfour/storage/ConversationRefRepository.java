package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Teams conversation references per agency, so that the bot can message a user or a channel
 * proactively. Every method is scoped to one agency; {@code kind} is {@link ConversationRef#USER}
 * or {@link ConversationRef#CHANNEL}.
 */
@RegisterConstructorMapper(ConversationRef.class)
public interface ConversationRefRepository {
    String COLUMNS = "agency_id, kind, platform_id, service_url, conversation_id, updated_at";

    /** Saves the reference, replacing an older one for the same user or channel. */
    @SqlUpdate(
            """
            insert into conversation_ref (agency_id, kind, platform_id, service_url, conversation_id, updated_at)
            values (:agencyId, :kind, :platformId, :serviceUrl, :conversationId, :at)
            on conflict (agency_id, kind, platform_id) do update set
                service_url = excluded.service_url,
                conversation_id = excluded.conversation_id,
                updated_at = excluded.updated_at""")
    void save(
            UUID agencyId,
            String kind,
            String platformId,
            String serviceUrl,
            String conversationId,
            Instant at);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from conversation_ref "
                    + "where agency_id = :agencyId and kind = :kind and platform_id = :platformId")
    Optional<ConversationRef> find(UUID agencyId, String kind, String platformId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from conversation_ref "
                    + "where agency_id = :agencyId and kind = :kind order by platform_id")
    List<ConversationRef> list(UUID agencyId, String kind);

    /** Forgets a reference (the bot was removed from that conversation). */
    @SqlUpdate(
            "delete from conversation_ref "
                    + "where agency_id = :agencyId and kind = :kind and platform_id = :platformId")
    int delete(UUID agencyId, String kind, String platformId);
}

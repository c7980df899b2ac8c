package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Outgoing messages. Producers {@link #enqueue} in the same transaction as the state change that
 * causes the message; the sender {@link #claim}s due rows with {@code FOR UPDATE SKIP LOCKED} so
 * that replicas never take the same row, and a crashed sender's lease simply expires.
 *
 * <p>{@link #claim} is the one cross-agency query: the sender serves every agency, and it hands
 * each row only to that row's agency's platform.
 */
@RegisterConstructorMapper(OutboxEntry.class)
public interface Outbox {
    String COLUMNS =
            """
            id, agency_id, idempotency_key, target::text as target_json, message::text as message_json,
            state, attempts, next_attempt_at, platform_message_id, platform_conversation_id,
            created_at, sent_at, outcome_unknown""";

    /**
     * Adds a message unless one with the same idempotency key exists; returns whether it was added.
     */
    @SqlUpdate(
            """
            insert into outbox (agency_id, idempotency_key, target, message, next_attempt_at)
            values (:agencyId, :idempotencyKey, cast(:targetJson as jsonb), cast(:messageJson as jsonb),
                    :notBefore)
            on conflict (idempotency_key) do nothing""")
    boolean enqueue(
            UUID agencyId,
            String idempotencyKey,
            String targetJson,
            String messageJson,
            Instant notBefore);

    /** Leases up to {@code limit} due rows to {@code worker} until {@code leaseUntil}. */
    @SqlQuery(
            """
            update outbox set claimed_by = :worker, claimed_until = :leaseUntil, attempts = attempts + 1,
                   outcome_unknown = outcome_unknown or claimed_until is not null
            where id in (
                select id from outbox
                where state = 'pending' and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now)
                order by next_attempt_at, id
                limit :limit
                for update skip locked)
            returning\s"""
                    + COLUMNS)
    List<OutboxEntry> claim(String worker, Instant now, Instant leaseUntil, int limit);

    /**
     * Ends the leases a worker of the same name held before it restarted (a stable {@code
     * TENFOUR_INSTANCE_ID}), so that its rows are taken back at once rather than after the lease;
     * the claim then marks them {@code outcome_unknown}. Returns how many were released.
     */
    @SqlUpdate(
            """
            update outbox set claimed_until = '-infinity'
            where claimed_by = :worker and state = 'pending' and claimed_until is not null""")
    int releaseLeases(String worker);

    /** Records a delivery; only the current lease holder may. */
    @SqlUpdate(
            """
            update outbox set state = 'sent', sent_at = :sentAt, platform_message_id = :messageId,
                   platform_conversation_id = :conversationId, claimed_by = null, claimed_until = null,
                   last_error = null
            where id = :id and claimed_by = :worker and state = 'pending'""")
    boolean markSent(
            long id, String worker, Instant sentAt, String conversationId, String messageId);

    /** Puts a row back for another try at {@code nextAttemptAt}. */
    @SqlUpdate(
            """
            update outbox set next_attempt_at = :nextAttemptAt, claimed_by = null, claimed_until = null,
                   last_error = :error
            where id = :id and claimed_by = :worker and state = 'pending'""")
    boolean retryLater(long id, String worker, Instant nextAttemptAt, String error);

    /** Gives up on a row (unreachable target, rejected payload). */
    @SqlUpdate(
            """
            update outbox set state = 'dead', claimed_by = null, claimed_until = null, last_error = :error
            where id = :id and claimed_by = :worker and state = 'pending'""")
    boolean markDead(long id, String worker, String error);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from outbox where agency_id = :agencyId and idempotency_key = :key")
    Optional<OutboxEntry> findByKey(UUID agencyId, String key);

    @SqlQuery("select " + COLUMNS + " from outbox where agency_id = :agencyId order by id")
    List<OutboxEntry> list(UUID agencyId);

    @SqlQuery("select count(*) from outbox where agency_id = :agencyId and state = :state")
    int count(UUID agencyId, String state);
}

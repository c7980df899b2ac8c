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
 * <p>Keys are keyed hashes (see {@link KeyedHashes}) and rows say what they are for by {@code kind}
 * and {@code ref}. A row that is sent or given up loses its body and addressee in the same
 * statement ({@link #markSent}, {@link #markDead}); its day-precision remains are deleted after a
 * bounded time ({@link #purgeDone}).
 *
 * <p>{@link #claim} and {@link #purgeDone} are the cross-agency queries: the sender serves every
 * agency, and it hands each row only to that row's agency's platform.
 */
@RegisterConstructorMapper(OutboxEntry.class)
public interface Outbox {
    String COLUMNS =
            """
            id, agency_id, idempotency_key, upper(kind) as kind, ref, target::text as target_json, message::text as message_json,
            state, attempts, next_attempt_at, platform_message_id, platform_conversation_id,
            created_at, sent_at, outcome_unknown""";

    /**
     * Adds a message unless one with the same idempotency key exists; returns whether it was added.
     */
    @SqlUpdate(
            """
            insert into outbox (agency_id, idempotency_key, kind, ref, target, message, next_attempt_at)
            values (:agencyId, :idempotencyKey, :kind, :ref, cast(:targetJson as jsonb),
                    cast(:messageJson as jsonb), :notBefore)
            on conflict (idempotency_key) do nothing""")
    boolean enqueue(
            UUID agencyId,
            String idempotencyKey,
            String kind,
            UUID ref,
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
     * Leases up to {@code limit} due rows to {@code worker}, spread over agencies: at most {@code
     * perAgency} rows of one agency, fewer for an agency listed in {@code busy} (then at most its
     * {@code busyFree} entry, same position), and none of an agency in {@code skip} (at its limit,
     * or paused by a rate limit). Oldest first within those bounds; rows another replica holds are
     * skipped as in {@link #claim}. A sender with several calls in flight claims this way so that
     * it never holds more of one workspace's rows than it may send at once.
     */
    @SqlQuery(
            """
            with due as (
                select id, agency_id, next_attempt_at from outbox
                where state = 'pending' and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now)
                  and agency_id <> all(:skip)
                order by next_attempt_at, id
                limit :scan
            ), ranked as (
                select d.id, d.next_attempt_at,
                       row_number() over (partition by d.agency_id order by d.next_attempt_at, d.id) as n,
                       coalesce(b.free, :perAgency) as free
                from due d
                left join unnest(cast(:busy as uuid[]), cast(:busyFree as integer[])) as b (agency_id, free)
                  on b.agency_id = d.agency_id
            ), picked as (
                select id from ranked where n <= free order by next_attempt_at, id limit :limit
            )
            update outbox set claimed_by = :worker, claimed_until = :leaseUntil, attempts = attempts + 1,
                   outcome_unknown = outcome_unknown or claimed_until is not null
            where id in (
                select id from outbox
                where id in (select id from picked) and state = 'pending'
                  and (claimed_until is null or claimed_until < :now)
                for update skip locked)
            returning\s"""
                    + COLUMNS)
    List<OutboxEntry> claimSpread(
            String worker,
            Instant now,
            Instant leaseUntil,
            int limit,
            int perAgency,
            int scan,
            UUID[] skip,
            UUID[] busy,
            Integer[] busyFree);

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

    /**
     * Records a delivery; only the current lease holder may. The row keeps no body, no addressee
     * and no time finer than the day; only a kind that is updated later keeps the platform's ids
     * ({@link OutboxKind#keepsDelivery}), and only some kinds their ref ({@link
     * OutboxKind#keepsRef}).
     */
    default boolean markSent(
            long id, String worker, Instant sentAt, String conversationId, String messageId) {
        return markSent(
                id,
                worker,
                sentAt,
                conversationId,
                messageId,
                OutboxKind.keepingDelivery(),
                OutboxKind.keepingRef());
    }

    /** {@link #markSent(long, String, Instant, String, String)} with the kinds bound. */
    @SqlUpdate(
            """
            update outbox set state = 'sent', sent_at = date_trunc('day', cast(:sentAt as timestamptz), 'UTC'),
                   platform_message_id = case when kind = any(:keepDelivery) then :messageId end,
                   platform_conversation_id = case when kind = any(:keepDelivery) then :conversationId end,
                   ref = case when kind = any(:keepRef) then ref end,
                   target = null, message = null,
                   created_at = date_trunc('day', created_at, 'UTC'),
                   next_attempt_at = date_trunc('day', next_attempt_at, 'UTC'),
                   claimed_by = null, claimed_until = null, last_error = null
            where id = :id and claimed_by = :worker and state = 'pending'""")
    boolean markSent(
            long id,
            String worker,
            Instant sentAt,
            String conversationId,
            String messageId,
            String[] keepDelivery,
            String[] keepRef);

    /** Puts a row back for another try at {@code nextAttemptAt}. */
    @SqlUpdate(
            """
            update outbox set next_attempt_at = :nextAttemptAt, claimed_by = null, claimed_until = null,
                   last_error = :error
            where id = :id and claimed_by = :worker and state = 'pending'""")
    boolean retryLater(long id, String worker, Instant nextAttemptAt, String error);

    /**
     * Gives up on a row (unreachable target, rejected payload, no longer wanted); like a sent row
     * it keeps no body and no addressee, only why.
     */
    default boolean markDead(long id, String worker, String error) {
        return markDead(id, worker, error, OutboxKind.keepingRef());
    }

    /** {@link #markDead(long, String, String)} with the kinds bound. */
    @SqlUpdate(
            """
            update outbox set state = 'dead', claimed_by = null, claimed_until = null, last_error = :error,
                   target = null, message = null,
                   ref = case when kind = any(:keepRef) then ref end,
                   sent_at = date_trunc('day', now(), 'UTC'),
                   created_at = date_trunc('day', created_at, 'UTC'),
                   next_attempt_at = date_trunc('day', next_attempt_at, 'UTC')
            where id = :id and claimed_by = :worker and state = 'pending'""")
    boolean markDead(long id, String worker, String error, String[] keepRef);

    /**
     * Forgets the platform ids of a delivered offer or check-in once it was closed on screen
     * (nothing will update it again); a check-in's row then no longer names its check-in either
     * ({@link OutboxKind#forgetsRefWhenClosed}).
     */
    default int forgetDelivery(UUID agencyId, String key) {
        return forgetDelivery(agencyId, key, OutboxKind.forgettingRefWhenClosed());
    }

    /** {@link #forgetDelivery(UUID, String)} with the kinds bound. */
    @SqlUpdate(
            """
            update outbox set platform_message_id = null, platform_conversation_id = null,
                   ref = case when kind = any(:forgetRef) then null else ref end
            where agency_id = :agencyId and idempotency_key = :key and state <> 'pending'""")
    int forgetDelivery(UUID agencyId, String key, String[] forgetRef);

    /**
     * Deletes rows delivered or given up before {@code before} (day precision), in every agency:
     * the retention job's sweep. Returns how many.
     */
    @SqlUpdate("delete from outbox where state <> 'pending' and sent_at < :before")
    int purgeDone(Instant before);

    /**
     * Deletes every row of the agency that belongs to one of {@code refs} (requests, check-ins).
     */
    @SqlUpdate("delete from outbox where agency_id = :agencyId and ref = any(:refs)")
    int deleteForRefs(UUID agencyId, UUID[] refs);

    /** Deletes the agency's undelivered rows addressed to a platform user. */
    @SqlUpdate(
            """
            delete from outbox where agency_id = :agencyId and state = 'pending'
              and target->>'kind' = 'USER' and target->>'targetId' = :platformUserId""")
    int deletePendingTo(UUID agencyId, String platformUserId);

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

package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Check-ins. Every method is scoped to one agency, except the sweeps that name their purpose. */
@RegisterConstructorMapper(CheckIn.class)
public interface CheckIns {
    String COLUMNS =
            """
            id, agency_id, member_id, peer_id, kind, slot_key, due_at, state, answer, incident_id,
            created_at, sent_at, answered_at, nudged_at""";

    /**
     * Schedules a check-in for a planning slot; returns it, or empty when that slot already has one
     * (planning twice, or two replicas planning at once, create one check-in).
     */
    @SqlQuery(
            """
            insert into check_in (agency_id, member_id, peer_id, kind, slot_key, due_at, state, incident_id)
            values (:agencyId, :memberId, :peerId, :kind, :slotKey, :dueAt, 'scheduled', :incidentId)
            on conflict (agency_id, member_id, slot_key) do nothing
            returning\s"""
                    + COLUMNS)
    Optional<CheckIn> schedule(
            UUID agencyId,
            UUID memberId,
            UUID peerId,
            CheckInKind kind,
            String slotKey,
            Instant dueAt,
            UUID incidentId);

    @SqlQuery("select " + COLUMNS + " from check_in where agency_id = :agencyId and id = :id")
    Optional<CheckIn> find(UUID agencyId, UUID id);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from check_in where agency_id = :agencyId and member_id = :memberId order by due_at")
    List<CheckIn> forMember(UUID agencyId, UUID memberId);

    /**
     * Roster members of the agency due for a cadence check-in: not opted out, reachable, and
     * without a contact that counts for this cycle — a check-in due between {@code since} and
     * {@code until} (an anniversary a year out does not count), or a cadence check-in still waiting
     * to be sent. One query for the agency.
     */
    default List<Member> dueForCadence(UUID agencyId, Instant since, Instant until) {
        return dueForCadence(agencyId, since, until, null, Integer.MAX_VALUE);
    }

    /**
     * One page of {@link #dueForCadence(UUID, Instant, Instant)}: at most {@code limit} members,
     * those after {@code after} (null: from the start) in roster order (created, then id), so that
     * a large roster is read a page at a time, never whole.
     */
    default List<Member> dueForCadence(
            UUID agencyId, Instant since, Instant until, Member after, int limit) {
        return dueForCadencePage(
                agencyId,
                since,
                until,
                after == null ? Instant.EPOCH.minusSeconds(1) : after.createdAt(),
                after == null ? new UUID(0, 0) : after.id(),
                limit);
    }

    @SqlQuery(
            "select "
                    + Members.COLUMNS
                    + " from member m where m.agency_id = :agencyId and m.on_roster "
                    + "and (m.created_at, m.id) > (:afterCreatedAt, :afterId) "
                    + "and not m.opted_out and not m.unreachable and not exists (select 1 from check_in c "
                    + "where c.agency_id = m.agency_id and c.member_id = m.id and c.state <> 'cancelled' "
                    + "and ((c.due_at > :since and c.due_at <= :until and c.kind <> 'anniversary') "
                    + "or (c.kind = 'cadence' and c.state = 'scheduled'))) order by m.created_at, m.id "
                    + "limit :limit")
    @RegisterRowMapper(MemberMapper.class)
    List<Member> dueForCadencePage(
            UUID agencyId,
            Instant since,
            Instant until,
            Instant afterCreatedAt,
            UUID afterId,
            int limit);

    /**
     * Cadence planning of many members in one statement: schedules each row's check-in (its id
     * chosen by the caller) in the batch's slot, skipping a member whose slot already has one, and
     * queues each new check-in's message in the outbox in the same statement (kind {@code
     * check_in}, ref the check-in), due when the check-in is, keyed by the row's key (skipped if
     * that key exists); see {@link CadenceBatch}. Returns how many check-ins were created.
     */
    @SqlQuery(
            """
            with input as (
                select * from unnest(:b.checkInIds::uuid[], :b.keys::text[], :b.memberIds::uuid[], :b.peerIds::uuid[],
                                     :b.dueAts::text[], :b.targetJsons::text[], :b.templateIndexes::int[])
                    as t(id, key, member_id, peer_id, due_at, target, template)),
            created as (
                insert into check_in (id, agency_id, member_id, peer_id, kind, slot_key, due_at, state)
                select id, :agencyId, member_id, peer_id, 'cadence', :b.slotKey, due_at::timestamptz, 'scheduled' from input
                on conflict (agency_id, member_id, slot_key) do nothing
                returning id, due_at),
            queued as (
                insert into outbox (agency_id, idempotency_key, kind, ref, target, message, next_attempt_at)
                select :agencyId, i.key, 'check_in', c.id, i.target::jsonb,
                       replace((:b.templateArray::text[])[i.template + 1], :b.placeholder, c.id::text)::jsonb, c.due_at
                from created c join input i on i.id = c.id
                on conflict (idempotency_key) do nothing)
            select count(*) from created""")
    int scheduleCadence(UUID agencyId, @BindMethods("b") CadenceBatch batch);

    /**
     * Check-in {@code id} when it is still waiting to be sent and is its member's only check-in
     * that is open (sent, unanswered) or due by {@code now} — the common case at send time,
     * answered in one read with what its window needs; empty otherwise.
     */
    @SqlQuery(
            "select "
                    + Members.COLUMNS
                    + """
                    , (select time_zone from agency where id = :agencyId) as agency_time_zone,
                      (select settings::text from agency where id = :agencyId) as agency_settings
                    from member m where m.agency_id = :agencyId
                    and m.id = (select c.member_id from check_in c
                                where c.agency_id = :agencyId and c.id = :id and c.state = 'scheduled')
                    and not exists (select 1 from check_in o
                                    where o.agency_id = :agencyId and o.member_id = m.id and o.id <> :id
                                      and (o.state = 'sent' or (o.state = 'scheduled' and o.due_at <= :now)))""")
    @RegisterRowMapper(DueCheckIn.Mapper.class)
    Optional<DueCheckIn> dueAlone(UUID agencyId, UUID id, Instant now);

    /**
     * Moves a check-in still waiting to be sent to {@code dueAt} (its member's next window, when
     * the planned time passed outside it); false if it is no longer waiting.
     */
    @SqlUpdate(
            "update check_in set due_at = :dueAt where agency_id = :agencyId and id = :id "
                    + "and state = 'scheduled'")
    boolean reschedule(UUID agencyId, UUID id, Instant dueAt);

    /**
     * Cancels one check-in still waiting to be sent (merged into another of the member's); false if
     * it is no longer waiting.
     */
    @SqlUpdate(
            "update check_in set state = 'cancelled' where agency_id = :agencyId and id = :id "
                    + "and state = 'scheduled'")
    boolean cancel(UUID agencyId, UUID id);

    /**
     * Ends a sent, unanswered check-in without a nudge (a newer one replaced it); false if it was
     * not open.
     */
    @SqlUpdate(
            "update check_in set state = 'expired' where agency_id = :agencyId and id = :id "
                    + "and state = 'sent'")
    boolean expire(UUID agencyId, UUID id);

    @SqlUpdate(
            "update check_in set state = 'sent', sent_at = :at where agency_id = :agencyId and id = :id "
                    + "and state = 'scheduled'")
    int markSent(UUID agencyId, UUID id, Instant at);

    /**
     * Records the member's answer; only the first answer counts, and only while the check-in is
     * open (an expired or cancelled one has ended).
     */
    @SqlUpdate(
            "update check_in set state = 'answered', answer = :answer, answered_at = :at "
                    + "where agency_id = :agencyId and id = :id and state in ('scheduled', 'sent') and answer is null")
    int answer(UUID agencyId, UUID id, CheckInAnswer answer, Instant at);

    /**
     * Sent check-ins without an answer since before {@code sentBefore}, not yet nudged: all
     * agencies.
     */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from check_in where state = 'sent' and sent_at < :sentBefore "
                    + "and nudged_at is null order by sent_at limit :limit")
    List<CheckIn> unansweredForNudge(Instant sentBefore, int limit);

    @SqlUpdate(
            "update check_in set state = 'expired', nudged_at = :at where agency_id = :agencyId and id = :id "
                    + "and state = 'sent' and nudged_at is null")
    int markNudged(UUID agencyId, UUID id, Instant at);

    @SqlUpdate(
            "update check_in set state = 'cancelled' where agency_id = :agencyId and incident_id = :incidentId "
                    + "and state = 'scheduled'")
    int cancelForIncident(UUID agencyId, UUID incidentId);

    @SqlUpdate(
            "update check_in set state = 'cancelled' where agency_id = :agencyId and member_id = :memberId "
                    + "and state = 'scheduled'")
    int cancelScheduledForMember(UUID agencyId, UUID memberId);

    @SqlQuery(
            "select count(*) from check_in where agency_id = :agencyId and state = :state "
                    + "and due_at >= :from and due_at < :to")
    int count(UUID agencyId, CheckInState state, Instant from, Instant to);
}

package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Connection requests. Methods are scoped to the member's agency, or — for the offered peer, who
 * may belong to a partner agency — to that peer's own id; the sweeps name their purpose.
 *
 * <p>State changes are conditional updates ({@code … where state = 'offered' and current_peer_id =
 * …}), so that of two peers (or two replicas) acting at once exactly one wins.
 */
@RegisterConstructorMapper(ConnectionRequest.class)
public interface ConnectionRequests {
    String COLUMNS =
            """
            id, agency_id, member_id, source, scope, urgency, contact_pref, share_name, topic_code,
            named_peer_id, state, current_peer_id, peer_agency_id, attempts, offer_expires_at, language,
            tried_peer_ids, created_at, accepted_at, closed_at""";

    /**
     * Opens a request (state {@code offered}, no peer yet); empty when the member already has an
     * open one.
     */
    @SqlQuery(
            """
            insert into connection_request (agency_id, member_id, source, scope, urgency, contact_pref, share_name,
                                            topic_code, named_peer_id, language, state, created_at)
            values (:agencyId, :memberId, :source, :scope, :urgency, :contactPref, :shareName, :topicCode,
                    :namedPeerId, :language, 'offered', :at)
            on conflict (agency_id, member_id) where state in ('offered', 'accepted', 'relaying', 'escalated')
            do nothing
            returning\s"""
                    + COLUMNS)
    Optional<ConnectionRequest> open(
            UUID agencyId,
            UUID memberId,
            RequestSource source,
            RequestScope scope,
            Urgency urgency,
            ContactPreference contactPref,
            boolean shareName,
            String topicCode,
            UUID namedPeerId,
            String language,
            Instant at);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from connection_request where agency_id = :agencyId and id = :id")
    Optional<ConnectionRequest> find(UUID agencyId, UUID id);

    /** The requests a member made (for {@code mydata}), oldest first. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from connection_request where agency_id = :agencyId and member_id = :memberId "
                    + "order by created_at")
    List<ConnectionRequest> ofMember(UUID agencyId, UUID memberId);

    /** A request as seen by a peer it was offered to (who may be in a partner agency). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from connection_request where id = :id and :peerId = any(tried_peer_ids)")
    Optional<ConnectionRequest> findOfferedTo(UUID id, UUID peerId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from connection_request where agency_id = :agencyId and member_id = :memberId "
                    + "and state in ('offered', 'accepted', 'relaying', 'escalated')")
    Optional<ConnectionRequest> openFor(UUID agencyId, UUID memberId);

    /**
     * Offers the request to the next peer; only from the state the caller saw ({@code attempts}).
     */
    @SqlUpdate(
            """
            update connection_request set current_peer_id = :peerId, peer_agency_id = :peerAgencyId,
                   attempts = attempts + 1, tried_peer_ids = array_append(tried_peer_ids, :peerId),
                   offer_expires_at = :expiresAt, state = 'offered'
            where agency_id = :agencyId and id = :id and state = 'offered' and attempts = :attempts""")
    int offer(
            UUID agencyId,
            UUID id,
            int attempts,
            UUID peerId,
            UUID peerAgencyId,
            Instant expiresAt);

    /**
     * Takes the offer back from {@code peerId} (declined or timed out); false if it moved on
     * already.
     */
    @SqlUpdate(
            """
            update connection_request set offer_expires_at = null
            where id = :id and state = 'offered' and current_peer_id = :peerId and offer_expires_at is not null""")
    boolean withdraw(UUID id, UUID peerId);

    /** First accept wins: only the peer currently offered, only while offered. */
    @SqlQuery(
            """
            update connection_request set state = 'accepted', accepted_at = :at, offer_expires_at = null
            where id = :id and state = 'offered' and current_peer_id = :peerId and offer_expires_at is not null
            returning\s"""
                    + COLUMNS)
    Optional<ConnectionRequest> accept(UUID id, UUID peerId, Instant at);

    /** A coordinator takes an escalated request themself; first one wins. */
    @SqlQuery(
            """
            update connection_request set state = 'accepted', accepted_at = :at, current_peer_id = :peerId,
                   peer_agency_id = agency_id, tried_peer_ids = array_append(tried_peer_ids, :peerId)
            where agency_id = :agencyId and id = :id and state = 'escalated'
            returning\s"""
                    + COLUMNS)
    Optional<ConnectionRequest> take(UUID agencyId, UUID id, UUID peerId, Instant at);

    /** No (more) peers: hand the request to the coordinators. */
    @SqlUpdate(
            """
            update connection_request set state = 'escalated', current_peer_id = null, peer_agency_id = null,
                   offer_expires_at = null
            where agency_id = :agencyId and id = :id and state = 'offered' and attempts = :attempts""")
    int escalate(UUID agencyId, UUID id, int attempts);

    /**
     * After an accept: {@code introduced} (closed at once: the bot stepped out) or {@code
     * relaying}.
     */
    @SqlUpdate(
            """
            update connection_request set state = :state,
                   closed_at = case when cast(:state as text) = 'introduced' then cast(:at as timestamptz) else null end
            where agency_id = :agencyId and id = :id and state = 'accepted'""")
    int connected(UUID agencyId, UUID id, RequestState state, Instant at);

    @SqlUpdate(
            "update connection_request set share_name = true where agency_id = :agencyId and id = :id")
    int shareName(UUID agencyId, UUID id);

    /** Closes an open request; false if it was not open. */
    @SqlUpdate(
            """
            update connection_request set state = 'closed', closed_at = :at, offer_expires_at = null
            where agency_id = :agencyId and id = :id and state in ('offered', 'accepted', 'relaying', 'escalated')""")
    boolean close(UUID agencyId, UUID id, Instant at);

    /** Offers whose time ran out, across agencies (the timeout sweep). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from connection_request where state = 'offered' "
                    + "and offer_expires_at <= :now order by offer_expires_at limit :limit")
    List<ConnectionRequest> expiredOffers(Instant now, int limit);

    /**
     * Retention: clears who was involved in requests of the agency closed before {@code cutoff},
     * deletes their relay routing and their delivered outbox rows (in either agency: a partner's
     * peer was written to in the partner's outbox; the request id selects them); returns how many
     * requests were purged.
     */
    @SqlQuery(
            """
            with purged as (
                update connection_request set member_id = null, current_peer_id = null, named_peer_id = null,
                       peer_agency_id = null, tried_peer_ids = '{}', language = null
                where agency_id = :agencyId and closed_at < :cutoff
                  and (member_id is not null or current_peer_id is not null or named_peer_id is not null
                       or cardinality(tried_peer_ids) > 0)
                returning id),
            routes as (delete from relay where request_id in (select id from purged)),
            messages as (delete from outbox where state <> 'pending'
                         and kind in ('connect_offer', 'connect') and ref in (select id from purged))
            select count(*) from purged""")
    int purgeBefore(UUID agencyId, Instant cutoff);

    /** How many requests the member opened themselves since {@code since} (an abuse limit). */
    @SqlQuery(
            """
            select count(*) from connection_request
            where agency_id = :agencyId and member_id = :memberId and source = 'member'
              and created_at > :since""")
    int openedBySince(UUID agencyId, UUID memberId, Instant since);
}

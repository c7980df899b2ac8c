package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Critical-incident call-outs. Every statement names the agency; taking one is a single conditional
 * update, so of peers pressing "I'm on it" at once exactly one wins.
 */
@RegisterConstructorMapper(CallOut.class)
public interface CallOuts {
    String COLUMNS =
            "incident_id, agency_id, state, paged_peer_ids, declined_peer_ids, lead_peer_id,"
                    + " next_page_at, created_at";

    /** Starts the call-out of an incident; false when it already has one. */
    @SqlUpdate(
            """
            insert into call_out (incident_id, agency_id, created_at)
            select :incidentId, :agencyId, :at where exists
              (select 1 from incident where id = :incidentId and agency_id = :agencyId)
            on conflict (incident_id) do nothing""")
    boolean start(UUID agencyId, UUID incidentId, Instant at);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from call_out where agency_id = :agencyId and incident_id = :incidentId")
    Optional<CallOut> find(UUID agencyId, UUID incidentId);

    /** Locks the call-out's row for the rest of the transaction (paging the next peer). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from call_out where agency_id = :agencyId and incident_id = :incidentId"
                    + " for update")
    Optional<CallOut> lock(UUID agencyId, UUID incidentId);

    /** Records that {@code peerId} was paged; the next page is due at {@code nextAt}. */
    @SqlUpdate(
            """
            update call_out set paged_peer_ids = array_append(paged_peer_ids, :peerId), next_page_at = :nextAt
            where agency_id = :agencyId and incident_id = :incidentId and state = 'paging'
              and not (:peerId = any(paged_peer_ids))""")
    boolean paged(UUID agencyId, UUID incidentId, UUID peerId, Instant nextAt);

    /**
     * The first paged peer to say "I'm on it" becomes the lead; false for everyone after (or for
     * someone who was never paged).
     */
    @SqlUpdate(
            """
            update call_out set state = 'taken', lead_peer_id = :peerId, next_page_at = null
            where agency_id = :agencyId and incident_id = :incidentId and state = 'paging'
              and :peerId = any(paged_peer_ids)""")
    boolean take(UUID agencyId, UUID incidentId, UUID peerId);

    /** A paged peer can't; false when it is no longer paging or they were not paged. */
    @SqlUpdate(
            """
            update call_out set declined_peer_ids = array_append(declined_peer_ids, :peerId)
            where agency_id = :agencyId and incident_id = :incidentId and state = 'paging'
              and :peerId = any(paged_peer_ids) and not (:peerId = any(declined_peer_ids))""")
    boolean decline(UUID agencyId, UUID incidentId, UUID peerId);

    /** Ends a call-out that is still paging: {@code exhausted} or {@code closed}. */
    @SqlUpdate(
            """
            update call_out set state = :state, next_page_at = null
            where agency_id = :agencyId and incident_id = :incidentId and state = 'paging'""")
    boolean end(UUID agencyId, UUID incidentId, String state);

    /** Call-outs of the agency still paging whose next page is due. */
    @SqlQuery(
            "select incident_id from call_out where agency_id = :agencyId and state = 'paging'"
                    + " and next_page_at <= :now order by next_page_at")
    List<UUID> due(UUID agencyId, Instant now);

    /** Agencies with a call-out still paging whose next page is due (for the paging job). */
    @SqlQuery(
            "select distinct agency_id from call_out where state = 'paging' and next_page_at <= :now")
    List<UUID> agenciesDue(Instant now);

    /** The lead peer of each of the agency's incidents that has one. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from call_out where agency_id = :agencyId and lead_peer_id is not null")
    List<CallOut> led(UUID agencyId);

    /**
     * Forgets the call-outs of incidents that are over (label cleared after the last follow-up, or
     * cancelled): who led them goes with them.
     */
    @SqlUpdate(
            """
            delete from call_out o using incident i
            where o.agency_id = :agencyId and i.agency_id = :agencyId and i.id = o.incident_id
              and (i.label is null or i.cancelled_at is not null) and o.state <> 'paging'""")
    int forgetFinished(UUID agencyId);

    /** Every member with a check-in of the incident (who was involved, as long as that is kept). */
    @SqlQuery(
            """
            select member_id from check_in where agency_id = :agencyId and incident_id = :incidentId
            group by member_id order by min(created_at), member_id""")
    List<UUID> involved(UUID agencyId, UUID incidentId);
}

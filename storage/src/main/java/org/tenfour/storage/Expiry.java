package org.tenfour.storage;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Scheduled expiry of what links people to the program: old check-ins (their answers, member and
 * peer) become counts in {@code check_in_tally}, stale peer assignments are cleared, and incident
 * labels go once the incident's follow-ups are over. Every statement names the agency.
 */
public interface Expiry {

    /**
     * Deletes the agency's check-ins due before {@code cutoff} that are over (sent, answered,
     * expired, cancelled), adding the delivered ones to the counts of the day they were sent (in
     * the agency's zone, as reports count days) first; returns how many were deleted.
     */
    @SqlQuery(
            """
            with old as (
                delete from check_in where agency_id = :agencyId and due_at < :cutoff
                  and state in ('sent', 'answered', 'expired', 'cancelled')
                returning sent_at, state, answer),
            tallied as (
                insert into check_in_tally (agency_id, sent_on, state, answer, count)
                select :agencyId, (sent_at at time zone (select time_zone from agency where id = :agencyId))::date,
                       state, coalesce(answer, ''), count(*)
                from old where sent_at is not null and state <> 'cancelled'
                group by 2, 3, 4
                on conflict (agency_id, sent_on, state, answer)
                do update set count = check_in_tally.count + excluded.count)
            select count(*) from old""")
    int expireCheckIns(UUID agencyId, Instant cutoff);

    /**
     * Clears the peer assignment of members who have no check-in left (none planned, all expired):
     * the member-peer link lives no longer than the check-ins that needed it.
     */
    @SqlUpdate(
            """
            update member m set assigned_peer_id = null
            where m.agency_id = :agencyId and m.assigned_peer_id is not null
              and not exists (select 1 from check_in c where c.agency_id = m.agency_id and c.member_id = m.id)""")
    int clearStaleAssignments(UUID agencyId);

    /**
     * Clears the label of incidents of the agency whose follow-ups are all over (nothing scheduled
     * or awaiting an answer); returns how many.
     */
    @SqlUpdate(
            """
            update incident i set label = null
            where i.agency_id = :agencyId and i.label is not null
              and (i.cancelled_at is not null or i.created_at < :createdBefore)
              and not exists (select 1 from check_in c where c.agency_id = i.agency_id and c.incident_id = i.id
                              and c.state in ('scheduled', 'sent'))""")
    int clearFinishedIncidentLabels(UUID agencyId, Instant createdBefore);
}

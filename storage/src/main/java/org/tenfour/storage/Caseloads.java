package org.tenfour.storage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What peers carry: the people each is in contact with (their weekly cap counts these), and the
 * members' stable peer assignments. Every statement names the agency.
 */
public interface Caseloads {

    /**
     * For each active peer of the agency: how many different people they are in contact with — a
     * request they accepted from {@code since} up to {@code until} or still hold (accepted or
     * relaying), or a check-in in their name answered "I'd like to talk" in that range. Check-ins
     * merely sent in their name, and anything in the future, do not count. Peers of this agency
     * serve partner agencies' members too, so requests count by the peer's agency.
     */
    @SqlQuery(
            """
            select p.member_id, count(distinct x.person) as contacts from peer p
            left join (
                select current_peer_id as peer, member_id as person from connection_request
                where peer_agency_id = :agencyId and current_peer_id is not null and accepted_at <= :until
                  and (accepted_at >= :since or state in ('accepted', 'relaying'))
                union all
                select peer_id, member_id from check_in
                where agency_id = :agencyId and peer_id is not null and answer = 'talk'
                  and answered_at >= :since and answered_at <= :until
            ) x on x.peer = p.member_id
            where p.agency_id = :agencyId and p.active
            group by p.member_id""")
    @KeyColumn("member_id")
    @ValueColumn("contacts")
    Map<UUID, Integer> contacts(UUID agencyId, Instant since, Instant until);

    /**
     * Keeps {@code peerIds[i]} as the stable peer of {@code memberIds[i]}, in one statement; a
     * member or peer of another agency is left alone. Returns how many members changed.
     */
    @SqlUpdate(
            """
            update member m set assigned_peer_id = u.peer
            from unnest(:memberIds::uuid[], :peerIds::uuid[]) as u(member, peer)
            where m.agency_id = :agencyId and m.id = u.member
              and exists (select 1 from peer p where p.agency_id = :agencyId and p.member_id = u.peer)""")
    int assign(UUID agencyId, UUID[] memberIds, UUID[] peerIds);
}

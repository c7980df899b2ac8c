package org.tenfour.storage;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What is on a peer's plate in their own agency, as counts for their home view. */
public interface PeerWork {

    /** Requests currently with this peer: offered to them, accepted or being relayed. */
    @SqlQuery(
            """
            select count(*) from connection_request
            where agency_id = :agencyId and current_peer_id = :peerId
              and state in ('offered', 'accepted', 'relaying')""")
    int openRequests(UUID agencyId, UUID peerId);

    /** Check-ins this peer sent that expired unanswered and were nudged since {@code since}. */
    @SqlQuery(
            """
            select count(*) from check_in
            where agency_id = :agencyId and peer_id = :peerId and state = 'expired' and nudged_at > :since""")
    int unansweredToFollowUp(UUID agencyId, UUID peerId, Instant since);
}

package org.tenfour.storage;

import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Whether a member holds the peer role in an agency (authorisation for peer-only actions). */
public interface PeerRoles {
    @SqlQuery(
            "select exists (select 1 from peer where agency_id = :agencyId and member_id = :memberId and active)")
    boolean isActivePeer(UUID agencyId, UUID memberId);
}

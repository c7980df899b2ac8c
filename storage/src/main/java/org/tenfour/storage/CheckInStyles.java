package org.tenfour.storage;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Which check-in an agency sends: {@code simple} or {@code continuum}. Every statement names the
 * agency.
 */
public interface CheckInStyles {

    @SqlQuery("select style from check_in_style where agency_id = :agencyId")
    Optional<String> find(UUID agencyId);

    @SqlUpdate(
            """
            insert into check_in_style (agency_id, style) values (:agencyId, :style)
            on conflict (agency_id) do update set style = excluded.style""")
    int set(UUID agencyId, String style);
}

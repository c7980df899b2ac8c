package org.tenfour.storage;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Inbound platform event ids already handled (Slack {@code event_id}), so that a platform's retry
 * is handled once, across restarts and replicas. Event ids are the platform's, not an agency's: the
 * lookup comes before the agency is known.
 */
public interface ProcessedEvents {

    /** Records the id; true the first time it is seen, false on every later sighting. */
    @SqlUpdate(
            """
            insert into processed_event (platform, event_id) values (:platform, :eventId)
            on conflict (platform, event_id) do nothing""")
    boolean firstSighting(String platform, String eventId);

    /** Forgets ids received before {@code before} (platforms retry for minutes, not days). */
    @SqlUpdate("delete from processed_event where received_at < :before")
    int purgeBefore(Instant before);
}

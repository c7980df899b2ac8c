package org.tenfour.adapters.slack;

/** Port: remembers Events API {@code event_id}s so that Slack's retries are handled once. */
@FunctionalInterface
public interface EventLedger {

    /** True the first time an id is seen, false on every later sighting (in any replica). */
    boolean firstSighting(String eventId);
}

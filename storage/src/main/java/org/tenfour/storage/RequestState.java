package org.tenfour.storage;

import java.util.EnumSet;
import java.util.Set;

/**
 * A connection request's state machine: offered → accepted → introduced (or relaying) → closed,
 * escalated to the coordinators when offers run out.
 */
public enum RequestState implements StoredWord {
    OFFERED,
    ACCEPTED,
    INTRODUCED,
    RELAYING,
    ESCALATED,
    CLOSED;

    /** The states of a request still open (one per member at a time). */
    public static final Set<RequestState> OPEN = EnumSet.of(OFFERED, ACCEPTED, RELAYING, ESCALATED);

    /** Whether a request in this state is still open. */
    public boolean open() {
        return OPEN.contains(this);
    }
}

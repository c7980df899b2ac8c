package org.tenfour.storage;

/** A member's one-click answer to a check-in. */
public enum CheckInAnswer implements StoredWord {
    OK,
    TALK,
    NOT_NOW,
    /** Answered on the stress continuum: the same for every zone (the zone is only counted). */
    CONTINUUM
}

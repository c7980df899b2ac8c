package org.tenfour.storage;

/** How soon a member wants to talk. */
public enum Urgency implements StoredWord {
    NOW,
    TODAY,
    WEEK
}

package org.tenfour.storage;

/** Whom a connection request may reach. */
public enum RequestScope implements StoredWord {
    INTERNAL,
    PARTNER,
    NAMED
}

package org.tenfour.storage;

/** How a connection request began (never who referred). */
public enum RequestSource implements StoredWord {
    MEMBER,
    CHECK_IN,
    REFERRAL
}

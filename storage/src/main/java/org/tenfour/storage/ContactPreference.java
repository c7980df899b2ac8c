package org.tenfour.storage;

/** How a member prefers to be contacted. */
public enum ContactPreference implements StoredWord {
    CHAT,
    PHONE,
    IN_PERSON
}

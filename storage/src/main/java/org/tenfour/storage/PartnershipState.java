package org.tenfour.storage;

/** Where a partnership stands: invited, then active, then ended. */
public enum PartnershipState implements StoredWord {
    INVITED,
    ACTIVE,
    ENDED
}

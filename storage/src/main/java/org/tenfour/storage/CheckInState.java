package org.tenfour.storage;

/** Where a check-in stands: scheduled, then sent, then answered or expired (or cancelled). */
public enum CheckInState implements StoredWord {
    SCHEDULED,
    SENT,
    ANSWERED,
    EXPIRED,
    CANCELLED
}

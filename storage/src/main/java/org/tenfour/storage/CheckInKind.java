package org.tenfour.storage;

/** Why a check-in was planned. */
public enum CheckInKind implements StoredWord {
    CADENCE,
    INCIDENT,
    REFERRAL,
    ANNIVERSARY
}

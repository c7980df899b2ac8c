package org.tenfour.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What an outbox row is for, stored in {@code outbox.kind}: features route delivered rows by kind
 * (and {@code ref}), never by reading the key.
 */
public enum OutboxKind {
    /** A check-in question; {@code ref} is the check-in. */
    CHECK_IN,
    /** The check-in message updated after an answer; {@code ref} is the check-in. */
    CHECK_IN_ANSWER,
    /** A peer told that a check-in went unanswered; {@code ref} is the check-in. */
    NUDGE,
    WELCOME,
    FOLLOW_UP,
    WELLNESS,
    /** A configuration change echoed to the coordinators' channel. */
    AUDIT,
    REPORT,
    EXPORT,
    PARTNER,
    /**
     * An offer to a peer; {@code ref} is the request. Its platform ids are kept after delivery so
     * that the offer can be closed on screen.
     */
    CONNECT_OFFER,
    /** Any other message of a connection request; {@code ref} is the request. */
    CONNECT,
    /** A handoff DM to the incoming on-call peer, or the coordinators told a week has no one. */
    ON_CALL,
    /**
     * A call-out page to a peer after a critical incident; {@code ref} is the incident. Its
     * platform ids are kept after delivery so that its buttons can be replaced once it is taken.
     */
    CALL_OUT,
    OTHER;

    /** The value in the {@code kind} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a {@code kind} column value. */
    public static OutboxKind of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** Whether a delivered row keeps the platform's message ids (a later update needs them). */
    public boolean keepsDelivery() {
        // offers, a request's other messages, check-ins and call-outs: their buttons are replaced
        // when they end
        return this == CONNECT_OFFER || this == CONNECT || this == CHECK_IN || this == CALL_OUT;
    }

    /**
     * Whether a delivered or given-up row keeps its {@code ref}: offers and a request's messages
     * (closed when the request ends) and check-ins (found by forgetme). Every other row forgets
     * what it was about once it is done.
     */
    public boolean keepsRef() {
        return this == CONNECT_OFFER || this == CONNECT || this == CHECK_IN;
    }

    /** Whether the row forgets its {@code ref} once closed on screen: a check-in's does. */
    public boolean forgetsRefWhenClosed() {
        return this == CHECK_IN;
    }

    /**
     * The column values of the kinds that keep their delivery ids (bound into the outbox's SQL).
     */
    static String[] keepingDelivery() {
        return columns(OutboxKind::keepsDelivery);
    }

    /** The column values of the kinds that keep their ref when done. */
    static String[] keepingRef() {
        return columns(OutboxKind::keepsRef);
    }

    /** The column values of the kinds that forget their ref when closed. */
    static String[] forgettingRefWhenClosed() {
        return columns(OutboxKind::forgetsRefWhenClosed);
    }

    private static String[] columns(Predicate<OutboxKind> which) {
        return Arrays.stream(values()).filter(which).map(OutboxKind::column).toArray(String[]::new);
    }
}

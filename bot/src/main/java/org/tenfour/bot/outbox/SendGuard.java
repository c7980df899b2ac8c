package org.tenfour.bot.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;

/**
 * Asked just before a queued message is sent whether it is still wanted now (a check-in planned
 * weeks ago may since have been cancelled by an opt-out, or may fall outside the member's hours
 * after downtime). An unwanted row is set aside unsent; a row wanted later waits until then.
 */
@FunctionalInterface
public interface SendGuard {
    Decision check(Store store, UUID agencyId, OutboxKind kind, UUID ref, Instant now);

    /**
     * Send now, never, or not before {@code notBefore}.
     *
     * @param wanted false: set the row aside unsent
     * @param notBefore when wanted: the earliest time to send, or null for now
     */
    record Decision(boolean wanted, Instant notBefore) {
        public static final Decision SEND = new Decision(true, null);
        public static final Decision DROP = new Decision(false, null);

        public Decision {
            if (!wanted && notBefore != null) {
                throw new IllegalArgumentException("a dropped row has no time: " + notBefore);
            }
        }

        /** Wanted, but not before {@code at}. */
        public static Decision notBefore(Instant at) {
            return new Decision(true, Objects.requireNonNull(at, "null at"));
        }
    }
}

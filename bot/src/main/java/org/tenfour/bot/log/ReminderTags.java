package org.tenfour.bot.log;

import java.util.UUID;
import org.tenfour.storage.KeyedHashes;
import org.tenfour.storage.Tx;

/**
 * How a follow-up reminder names its peer and its log: keyed hashes under the handle's key (see
 * {@link KeyedHashes}), unrelated to the peer's log pseudonym, so that neither the reminder nor a
 * row written with it points at anyone for a reader of the database.
 */
public final class ReminderTags {
    private ReminderTags() {}

    /** The peer's tag on their reminders. */
    public static String peer(Tx h, UUID agencyId, UUID peerMemberId) {
        return h.keyedHashes().of("follow-up-peer", agencyId, peerMemberId.toString());
    }

    /** The reference from a reminder to its log (for corrections within the window). */
    static String log(Tx h, UUID agencyId, UUID logId) {
        return h.keyedHashes().of("follow-up-log", agencyId, logId.toString());
    }
}

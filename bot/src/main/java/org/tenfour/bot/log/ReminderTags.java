package org.tenfour.bot.log;

import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.storage.KeyedHashes;

/**
 * How a follow-up reminder names its peer and its log: keyed hashes under the handle's key (see
 * {@link KeyedHashes}), unrelated to the peer's log pseudonym, so that neither the reminder nor a
 * row written with it points at anyone for a reader of the database.
 */
public final class ReminderTags {
    private ReminderTags() {}

    /** The peer's tag on their reminders. */
    public static String peer(Handle h, UUID agencyId, UUID peerMemberId) {
        return h.getConfig(KeyedHashes.class)
                .of("follow-up-peer", agencyId, peerMemberId.toString());
    }

    /** The reference from a reminder to its log (for corrections within the window). */
    static String log(Handle h, UUID agencyId, UUID logId) {
        return h.getConfig(KeyedHashes.class).of("follow-up-log", agencyId, logId.toString());
    }
}

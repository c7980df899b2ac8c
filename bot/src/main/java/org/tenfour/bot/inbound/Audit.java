package org.tenfour.bot.inbound;

import java.time.Instant;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Tx;

/**
 * Records a configuration change (who, when, old → new) and echoes it in the coordinator channel.
 * Shared by every feature that changes the program (here, beside the router, so that features need
 * not depend on one another for it).
 */
public final class Audit {
    private Audit() {}

    /**
     * The change in words: a list change reads "*roster*: added @a", a first value "set *hours* to
     * …", a change "changed *cadence* from off to weekly".
     */
    static String echo(String action, String oldValue, String newValue) {
        String value = newValue == null ? "(none)" : newValue;
        if (oldValue == null && (value.startsWith("added ") || value.startsWith("removed "))) {
            return "*" + action + "*: " + value;
        }
        return oldValue == null
                ? "set *" + action + "* to " + value
                : "changed *" + action + "* from " + oldValue + " to " + value;
    }

    public static void change(
            Tx h, Caller caller, String action, String oldValue, String newValue, Instant at) {
        h.attach(AuditLog.class)
                .record(
                        caller.agency().id(),
                        caller.member().platformUserId(),
                        action,
                        oldValue,
                        newValue,
                        at);
        Agency agency = h.attach(Agencies.class).find(caller.agency().id()).orElseThrow();
        if (agency.coordinatorChannelId() != null) {
            String who = "<@" + caller.member().platformUserId() + ">";
            String text = who + " " + echo(action, oldValue, newValue) + ".";
            Outgoing.on(h, agency.id())
                    .send(
                            OutboxKey.unique(OutboxKind.AUDIT, null),
                            AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                            Message.text(text),
                            at);
        }
    }
}

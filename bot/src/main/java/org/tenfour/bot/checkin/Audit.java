package org.tenfour.bot.checkin;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.OutboxKind;

/**
 * Records a configuration change (who, when, old → new) and echoes it in the coordinator channel.
 */
public final class Audit {
    private Audit() {}

    public static void change(
            Handle h, Caller caller, String action, String oldValue, String newValue, Instant at) {
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
            String text =
                    who
                            + " changed *"
                            + action
                            + "*"
                            + (oldValue == null ? "" : " from " + oldValue)
                            + " to "
                            + (newValue == null ? "(none)" : newValue)
                            + ".";
            Outgoing.on(h, agency.id())
                    .send(
                            OutboxKey.unique(OutboxKind.AUDIT, null),
                            AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                            Message.text(text),
                            at);
        }
    }
}

package org.tenfour.bot.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agency;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Tx;

/**
 * Tells an agency's coordinators, in their channel, that an abuse limit tripped — a count and the
 * kind of limit, never who — at most once per limit per day (the outbox key is per agency, limit
 * and day).
 */
public final class LimitNotices {
    /** Which limit tripped. */
    public enum Limit {
        COMMANDS("commands sent faster than anyone types"),
        REQUESTS("requests for a peer opened again and again");

        private final String what;

        Limit(String what) {
            this.what = what;
        }
    }

    private LimitNotices() {}

    /** Queues the day's notice for {@code limit}, unless it went out already today. */
    public static void tripped(Tx h, Agency agency, Limit limit, String detail, Instant now) {
        if (agency.coordinatorChannelId() == null) {
            return;
        }
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        Outgoing.on(h, agency.id())
                .send(
                        // keyed per agency, limit and day: one notice a day
                        OutboxKey.of(OutboxKind.OTHER, null, "limit", limit.name(), day),
                        AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                        Message.text(
                                "*A limit tripped today* — "
                                        + limit.what
                                        + " ("
                                        + detail
                                        + "). 1 person so far; TenFour keeps no name and announces this once a day."),
                        now);
    }
}

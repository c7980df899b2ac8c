package org.tenfour.bot.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.limits.LimitNotices;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Store;

/**
 * At most {@link #PER_DAY} requests for a peer a member opens themselves in 24 hours (one can be
 * open at a time anyway): each pages a peer, and after three peers the coordinators. Past it the
 * member gets the crisis lines and an honest word, and the coordinators are told that the limit
 * tripped — a count, never who.
 */
final class RequestLimit {
    private static final Logger log = LoggerFactory.getLogger(RequestLimit.class);

    /** Requests a member may open in 24 hours. */
    static final int PER_DAY = 3;

    private final Store store;
    private final Clock clock;

    RequestLimit(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Empty while the member may open another request; else what they are told. */
    Optional<Reply> check(Caller caller) {
        Instant now = clock.instant();
        int opened =
                store.repo(ConnectionRequests.class)
                        .openedBySince(
                                caller.agency().id(),
                                caller.member().id(),
                                now.minus(Duration.ofDays(1)));
        if (opened < PER_DAY) {
            return Optional.empty();
        }
        store.useTransaction(
                h ->
                        LimitNotices.tripped(
                                h,
                                caller.agency(),
                                LimitNotices.Limit.REQUESTS,
                                "more than " + PER_DAY + " in 24 hours",
                                now));
        log.info("request limit tripped in agency {}", caller.agency().id());
        return Optional.of(
                new Reply.Private(
                        new Message(
                                caller.words().get("talk.limit", opened),
                                caller.words().crisisLines(caller.settings()),
                                List.of())));
    }
}

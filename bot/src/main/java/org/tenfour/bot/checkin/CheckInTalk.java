package org.tenfour.bot.checkin;

import java.time.Instant;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.Member;
import org.tenfour.storage.Tx;

/**
 * What happens when a member answers a check-in with "I'd like to talk": a port the connection
 * requests implement, so that the check-in does not need to know how a peer is found.
 */
@FunctionalInterface
public interface CheckInTalk {

    /**
     * Asks for a peer for {@code member}, preferring the check-in's peer, in the caller's
     * transaction (so the request commits with the answer); returns what to tell the member.
     */
    String requested(Tx handle, Agency agency, Member member, CheckIn checkIn, Instant now);

    /**
     * The same, urgent ("now": the on-call peer first), after a stress-continuum answer; by default
     * as {@link #requested}.
     */
    default String requestedNow(
            Tx handle, Agency agency, Member member, CheckIn checkIn, Instant now) {
        return requested(handle, agency, member, checkIn, now);
    }
}

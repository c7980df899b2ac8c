package org.tenfour.bot.checkin;

import java.time.Instant;
import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxEntry;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Tx;

/**
 * Takes the buttons off a delivered check-in once it has ended (expired unanswered, or replaced by
 * a newer one), through the outbox's update path, so that nothing on screen still invites an answer
 * that would change nothing.
 */
final class CheckInButtons {

    /** The key of the line that replaces the buttons of a check-in that ended unanswered. */
    static final String ENDED = "checkin.ended";

    private CheckInButtons() {}

    /**
     * Queues the replacement of {@code checkIn}'s message, when it was delivered at all, with the
     * line {@code noteKey} names in the member's language.
     */
    static void close(
            Tx h,
            Agency agency,
            AgencySettings settings,
            CheckIn checkIn,
            String noteKey,
            Instant now) {
        Outgoing out = Outgoing.on(h, agency.id());
        OutboxKey key = CheckInPlanner.key(checkIn.id());
        Optional<OutboxEntry> sent = out.find(key);
        if (sent.isEmpty() || sent.get().platformMessageId() == null) {
            return; // never delivered: nothing on screen to change
        }
        OutboxEntry e = sent.get();
        Optional<Member> member = h.attach(Members.class).find(agency.id(), checkIn.memberId());
        if (member.isEmpty()) {
            return; // the member is gone: nobody to show it to
        }
        Address to = AddressBook.member(h, agency, member.get());
        String peerName =
                checkIn.peerId() == null
                        ? null
                        : h.attach(Members.class)
                                .find(agency.id(), checkIn.peerId())
                                .map(Member::displayName)
                                .orElse(null);
        Words words = Words.of(member.get());
        // an answer-kind row: the send-time guard holds back only check-in questions
        out.update(
                OutboxKey.of(OutboxKind.CHECK_IN_ANSWER, checkIn.id(), "closed"),
                to,
                new Delivery(e.platformConversationId(), e.platformMessageId()),
                CheckInMessages.checkIn(checkIn.id().toString(), peerName, settings, words)
                        .resolved(words.get(noteKey)),
                now);
        out.forgetDelivery(key);
    }
}

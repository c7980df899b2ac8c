package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInAnswer;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;

/**
 * The check-in's buttons. Only the member the check-in is for can answer it, and only once; the
 * message is then updated so its buttons cannot be pressed again. The answer is stored only as the
 * check-in's state.
 */
public final class CheckInAnswers implements Feature {
    private static final Duration SNOOZE = Duration.ofDays(7);

    private final Jdbi jdbi;
    private final Clock clock;
    private final CheckInTalk talk;

    /**
     * @param talk asks for a peer when the member answers "I'd like to talk"
     */
    public CheckInAnswers(Jdbi jdbi, Clock clock, CheckInTalk talk) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.talk = Objects.requireNonNull(talk, "null talk");
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(
                CheckInMessages.OK,
                (c, e) -> answer(c, e, CheckInAnswer.OK),
                CheckInMessages.TALK,
                (c, e) -> answer(c, e, CheckInAnswer.TALK),
                CheckInMessages.NOT_NOW,
                (c, e) -> answer(c, e, CheckInAnswer.NOT_NOW));
    }

    private Reply answer(Caller caller, InboundEvent.ButtonPressed event, CheckInAnswer answer) {
        UUID id;
        try {
            id = UUID.fromString(event.value());
        } catch (IllegalArgumentException e) {
            return Reply.text("That check-in could not be found.");
        }
        Optional<CheckIn> found =
                jdbi.onDemand(CheckIns.class)
                        .find(caller.agency().id(), id)
                        .filter(ci -> ci.memberId().equals(caller.member().id()));
        if (found.isEmpty()) {
            return Reply.text("That check-in could not be found.");
        }
        CheckIn checkIn = found.get();
        Instant now = clock.instant();
        AgencySettings settings = caller.settings();
        String[] talkReply = {null};
        boolean first =
                jdbi.inTransaction(
                        (Handle h) -> {
                            if (h.attach(CheckIns.class)
                                            .answer(caller.agency().id(), id, answer, now)
                                    == 0) {
                                return false;
                            }
                            Outgoing out = Outgoing.on(h, caller.agency().id());
                            if (event.message() != null && event.where() != null) {
                                out.update(
                                        OutboxKey.of(OutboxKind.CHECK_IN_ANSWER, id, "answered"),
                                        event.where(),
                                        event.message(),
                                        CheckInMessages.checkIn(
                                                        id.toString(),
                                                        peerName(h, caller, checkIn),
                                                        settings)
                                                .resolved("You answered: " + label(answer)),
                                        now);
                            }
                            if (answer == CheckInAnswer.NOT_NOW) {
                                h.attach(Members.class)
                                        .setSnoozedUntil(
                                                caller.agency().id(),
                                                caller.member().id(),
                                                now.plus(SNOOZE));
                            }
                            if (answer == CheckInAnswer.TALK) {
                                talkReply[0] =
                                        talk.requested(
                                                h, caller.agency(), caller.member(), checkIn, now);
                            }
                            return true;
                        });
        if (!first) {
            return late(caller, id);
        }
        return switch (answer) {
            case OK ->
                    Reply.text(
                            "Thanks for letting us know. We're here whenever you want to talk: `/peer`.");
            case TALK ->
                    new Reply.Private(new Message(talkReply[0], settings.crisisLines(), List.of()));
            case NOT_NOW -> Reply.text("No problem. We'll check in again in a week or so.");
        };
    }

    /**
     * A press on a check-in that was answered or has ended: a short answer that changes nothing.
     */
    private Reply late(Caller caller, UUID id) {
        boolean answered =
                jdbi.onDemand(CheckIns.class)
                        .find(caller.agency().id(), id)
                        .map(c -> c.answer() != null)
                        .orElse(false);
        return Reply.text(
                answered
                        ? "You already answered this check-in. Type `/peer` any time to talk to someone."
                        : CheckInButtons.ENDED);
    }

    private static String peerName(Handle h, Caller caller, CheckIn checkIn) {
        return checkIn.peerId() == null
                ? null
                : h.attach(Members.class)
                        .find(caller.agency().id(), checkIn.peerId())
                        .map(Member::displayName)
                        .orElse(null);
    }

    private static String label(CheckInAnswer answer) {
        return switch (answer) {
            case OK -> "I'm OK";
            case TALK -> "I'd like to talk";
            case NOT_NOW -> "Not now";
        };
    }
}

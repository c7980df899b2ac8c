package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.oncall.IncidentFollowUps;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.resources.Category;
import org.tenfour.bot.resources.ResourceNotes;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInAnswer;
import org.tenfour.storage.CheckInState;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.ContinuumCounts;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The check-in's buttons. Only the member the check-in is for can answer it, and only once; the
 * message is then updated so its buttons cannot be pressed again. The answer is stored only as the
 * check-in's state.
 */
public final class CheckInAnswers implements Feature {
    private static final Duration SNOOZE = Duration.ofDays(7);

    private final Store store;
    private final Clock clock;
    private final CheckInTalk talk;

    /**
     * @param talk asks for a peer when the member answers "I'd like to talk"
     */
    public CheckInAnswers(Store store, Clock clock, CheckInTalk talk) {
        this.store = store;
        this.clock = clock;
        this.talk = Objects.requireNonNull(talk, "null talk");
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        Map<String, ButtonAction> buttons = new HashMap<>();
        buttons.put(CheckInMessages.OK, (c, e) -> answer(c, e, CheckInAnswer.OK));
        buttons.put(CheckInMessages.TALK, (c, e) -> answer(c, e, CheckInAnswer.TALK));
        buttons.put(CheckInMessages.NOT_NOW, (c, e) -> answer(c, e, CheckInAnswer.NOT_NOW));
        for (Continuum zone : Continuum.values()) {
            buttons.put(zone.actionId(), (c, e) -> continuum(c, e, zone));
        }
        buttons.put(CheckInMessages.TALK_NOW, this::talkNow);
        return Map.copyOf(buttons);
    }

    /**
     * A stress-continuum answer. The colour is counted first, for the agency's week, in a
     * transaction of its own that names no one (every colour row of the week is written, and the
     * check-in is marked counted only by a keyed hash of its id); then the check-in records only
     * that it was answered on the continuum, the same for every colour. A crash between the two
     * loses nothing and doubles nothing: pressed again, the check-in is answered and the keyed mark
     * stops a second count. The member's reply is private and kept nowhere.
     */
    private Reply continuum(Caller caller, InboundEvent.ButtonPressed event, Continuum zone) {
        Optional<CheckIn> found = mine(caller, event.value());
        if (found.isEmpty()) {
            return Reply.text(caller.words().get("checkin.notFound"));
        }
        UUID id = found.get().id();
        Instant now = clock.instant();
        AgencySettings settings = caller.settings();
        Words words = caller.words();
        if (!answerable(found.get())) {
            return late(caller, id);
        }
        count(caller.agency(), id, zone, now);
        boolean first =
                store.inTransaction(
                        (Tx h) -> {
                            if (h.attach(CheckIns.class)
                                            .answer(
                                                    caller.agency().id(),
                                                    id,
                                                    CheckInAnswer.CONTINUUM,
                                                    now)
                                    == 0) {
                                return false;
                            }
                            followedUp(h, found.get(), now);
                            if (event.message() != null && event.where() != null) {
                                Outgoing.on(h, caller.agency().id())
                                        .update(
                                                OutboxKey.of(
                                                        OutboxKind.CHECK_IN_ANSWER, id, "answered"),
                                                event.where(),
                                                event.message(),
                                                CheckInMessages.checkIn(
                                                                id.toString(),
                                                                peerName(h, caller, found.get()),
                                                                settings,
                                                                CheckInStyle.CONTINUUM,
                                                                words)
                                                        .resolved(words.get("continuum.answered")),
                                                now);
                            }
                            return true;
                        });
        if (!first) {
            return late(caller, id);
        }
        return new Reply.Private(
                CheckInMessages.continuumReply(zone, id.toString(), settings, words));
    }

    /**
     * An answered follow-up check-in of an incident is a peer contact for the incident's follow-up
     * measure (counted once per member, only as a number).
     */
    private static void followedUp(Tx h, CheckIn checkIn, Instant now) {
        if (checkIn.incidentId() != null) {
            IncidentFollowUps.contacted(
                    h, checkIn.agencyId(), checkIn.incidentId(), checkIn.memberId(), now);
        }
    }

    private static boolean answerable(CheckIn checkIn) {
        return checkIn.answer() == null
                && (checkIn.state() == CheckInState.SCHEDULED
                        || checkIn.state() == CheckInState.SENT);
    }

    /**
     * Counts the colour once per check-in. Reads nothing of the check-in and locks none of its rows
     * (a lock would write this transaction's id into the check-in's row).
     */
    private void count(Agency agency, UUID checkInId, Continuum zone, Instant now) {
        LocalDate bucket = ContinuumWeeks.bucket(agency, now);
        String[] colours =
                Arrays.stream(Continuum.values()).map(Continuum::word).toArray(String[]::new);
        store.useTransaction(
                h -> {
                    String tag = h.keyedHashes().of("continuum", agency.id(), checkInId.toString());
                    ContinuumCounts counts = h.attach(ContinuumCounts.class);
                    if (counts.markCounted(agency.id(), tag, bucket)) {
                        counts.add(agency.id(), bucket, zone.word(), colours);
                    }
                });
    }

    /** "Talk to a peer now" after a continuum answer: an urgent request, the on-call peer first. */
    private Reply talkNow(Caller caller, InboundEvent.ButtonPressed event) {
        Optional<CheckIn> found =
                mine(caller, event.value()).filter(c -> c.answer() == CheckInAnswer.CONTINUUM);
        if (found.isEmpty()) {
            return Reply.text(caller.words().get("checkin.notFound"));
        }
        Instant now = clock.instant();
        AgencySettings settings = caller.settings();
        String reply =
                store.inTransaction(
                        (Tx h) ->
                                talk.requestedNow(
                                        h, caller.agency(), caller.member(), found.get(), now));
        return new Reply.Private(
                new Message(reply, caller.words().crisisLines(settings), List.of()));
    }

    private Optional<CheckIn> mine(Caller caller, String value) {
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.repo(CheckIns.class)
                .find(caller.agency().id(), id)
                .filter(ci -> ci.memberId().equals(caller.member().id()));
    }

    private Reply answer(Caller caller, InboundEvent.ButtonPressed event, CheckInAnswer answer) {
        UUID id;
        try {
            id = UUID.fromString(event.value());
        } catch (IllegalArgumentException e) {
            return Reply.text(caller.words().get("checkin.notFound"));
        }
        Optional<CheckIn> found =
                store.repo(CheckIns.class)
                        .find(caller.agency().id(), id)
                        .filter(ci -> ci.memberId().equals(caller.member().id()));
        if (found.isEmpty()) {
            return Reply.text(caller.words().get("checkin.notFound"));
        }
        CheckIn checkIn = found.get();
        Instant now = clock.instant();
        AgencySettings settings = caller.settings();
        Words words = caller.words();
        String[] talkReply = {null};
        boolean first =
                store.inTransaction(
                        (Tx h) -> {
                            if (h.attach(CheckIns.class)
                                            .answer(caller.agency().id(), id, answer, now)
                                    == 0) {
                                return false;
                            }
                            followedUp(h, checkIn, now);
                            Outgoing out = Outgoing.on(h, caller.agency().id());
                            if (event.message() != null && event.where() != null) {
                                out.update(
                                        OutboxKey.of(OutboxKind.CHECK_IN_ANSWER, id, "answered"),
                                        event.where(),
                                        event.message(),
                                        CheckInMessages.checkIn(
                                                        id.toString(),
                                                        peerName(h, caller, checkIn),
                                                        settings,
                                                        words)
                                                .resolved(
                                                        words.get(
                                                                "checkin.answered",
                                                                label(words, answer))),
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
            case OK -> Reply.text(words.get("checkin.thanks"));
            case TALK ->
                    new Reply.Private(
                            ResourceNotes.beneath(
                                    new Message(
                                            talkReply[0], words.crisisLines(settings), List.of()),
                                    resources(caller)));
            case NOT_NOW ->
                    new Reply.Private(
                            ResourceNotes.beneath(
                                    Message.text(words.get("checkin.later")), resources(caller)));
            case CONTINUUM -> Reply.text(words.get("checkin.continuum.thanks"));
        };
    }

    /** The general help beside the crisis lines (a check-in answer has no topic). */
    private List<String> resources(Caller caller) {
        return ResourceNotes.lines(
                store, caller.agency().id(), Category.forTopic(null), caller.words());
    }

    /**
     * A press on a check-in that was answered or has ended: a short answer that changes nothing.
     */
    private Reply late(Caller caller, UUID id) {
        boolean answered =
                store.repo(CheckIns.class)
                        .find(caller.agency().id(), id)
                        .map(c -> c.answer() != null)
                        .orElse(false);
        return Reply.text(caller.words().get(answered ? "checkin.already" : CheckInButtons.ENDED));
    }

    private static String peerName(Tx h, Caller caller, CheckIn checkIn) {
        return checkIn.peerId() == null
                ? null
                : h.attach(Members.class)
                        .find(caller.agency().id(), checkIn.peerId())
                        .map(Member::displayName)
                        .orElse(null);
    }

    private static String label(Words words, CheckInAnswer answer) {
        return words.get(
                switch (answer) {
                    case OK -> "checkin.ok";
                    case TALK -> "checkin.talk";
                    case NOT_NOW -> "checkin.notNow";
                    case CONTINUUM -> "checkin.continuum.label";
                });
    }
}

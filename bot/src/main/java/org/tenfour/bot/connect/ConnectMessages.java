package org.tenfour.bot.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Untrusted;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.log.LogCommands;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ContactPreference;
import org.tenfour.storage.Urgency;

/**
 * The words of connection requests: caring, plain, and never more than the member chose to share.
 */
final class ConnectMessages {
    static final String ACCEPT = "connect.accept";
    static final String DECLINE = "connect.decline";
    static final String TAKE = "connect.take";
    static final String SAFETY = "connect.safety";

    /** The log feature's "Log this contact" action (its value pre-fills the contact type). */
    static final String LOG_CONTACT = LogCommands.LOG_ACTION;

    static final String END = "connect.end";

    private ConnectMessages() {}

    static String urgency(Urgency urgency) {
        return switch (urgency) {
            case NOW -> "now (within minutes)";
            case TODAY -> "today";
            case WEEK -> "this week";
        };
    }

    static String contact(ContactPreference pref) {
        return switch (pref) {
            case PHONE -> "a phone call";
            case IN_PERSON -> "meeting in person";
            case CHAT -> "chat";
        };
    }

    static String topic(String code) {
        return code == null ? null : Topics.label(code);
    }

    /** To a peer: someone would like to talk; the member's name only if they shared it. */
    static Message offer(
            ConnectionRequest r, String memberName, String fromAgency, Duration answerWithin) {
        String who =
                memberName != null
                        ? Untrusted.quote(memberName)
                        : fromAgency == null
                                ? "A member of your agency"
                                : "A member of " + fromAgency;
        StringBuilder text =
                new StringBuilder("*" + who + " would like to talk to a peer.*\n")
                        .append("When: ")
                        .append(urgency(r.urgency()))
                        .append(" · Prefers: ")
                        .append(contact(r.contactPref()));
        if (r.topicCode() != null) {
            text.append(" · Topic: ").append(topic(r.topicCode()));
        }
        text.append(
                "\nCan you take it? If not, decline and the next peer is asked — no explanation needed.");
        return new Message(
                text.toString(),
                List.of(
                        "Please answer within "
                                + minutes(answerWithin)
                                + "; after that it moves on to another peer. Reference "
                                + People.ref(r.id())
                                + "."),
                List.of(
                        new Button(ACCEPT, "Accept", r.id().toString(), Button.Style.PRIMARY),
                        Button.of(DECLINE, "Decline", r.id().toString())));
    }

    private static String minutes(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0
                ? d.toHours() + (d.toHours() == 1 ? " hour" : " hours")
                : d.toMinutes() + " minutes";
    }

    /** The offer message once it cannot be used any more. */
    static Message offerClosed(ConnectionRequest r, String outcome) {
        return new Message(
                "Request " + People.ref(r.id()) + " is closed for you.",
                List.of(outcome),
                List.of());
    }

    /** A peer's own view after accepting: what to do next, with the safety button. */
    static Message accepted(ConnectionRequest r, String how, boolean relay) {
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(SAFETY, "Safety concern", r.id().toString(), Button.Style.DANGER));
        if (relay) {
            buttons.add(Button.of(END, "End conversation", r.id().toString()));
        }
        // the log form opens pre-filled with the contact type; the log never learns the request
        buttons.add(
                Button.of(
                        LOG_CONTACT,
                        "Log this contact",
                        switch (r.source()) {
                            case CHECK_IN -> "proactive_check_in";
                            case REFERRAL -> "supervisor_referral";
                            case MEMBER -> "member_request";
                        }));
        return new Message(
                "You accepted request " + People.ref(r.id()) + ". " + how,
                List.of(
                        "If you believe someone is in immediate danger, press Safety concern: the coordinators are told "
                                + "who to contact (you), never what was said."),
                buttons);
    }

    /** The accepting peer's message once the relayed conversation has ended: no buttons left. */
    static Message endedToPeer(ConnectionRequest r) {
        return new Message(
                "Request " + People.ref(r.id()) + ": the conversation has ended.",
                List.of("Log it with `/tenfour log` if you have not yet (codes only, no names)."),
                List.of());
    }

    /** The member's "a peer is here" message once the conversation has ended. */
    static Message endedToMember(Words words) {
        return Message.text(words.get("relay.ended"));
    }

    /** To the member while peers are being asked. */
    static Message asked(ConnectionRequest r, AgencySettings settings, Words words) {
        String text =
                words.get(
                        switch (r.urgency()) {
                            case NOW -> "talk.asked.now";
                            case TODAY -> "talk.asked.today";
                            case WEEK -> "talk.asked.week";
                        });
        return new Message(text, notes(settings, words), List.of());
    }

    /**
     * To the member when no peer took the request: what happened and what happens next — the
     * coordinators were asked — with the crisis lines.
     */
    static Message escalatedToMember(AgencySettings settings, int peersAsked, Words words) {
        return new Message(
                words.get(peersAsked == 0 ? "talk.escalated.none" : "talk.escalated.late")
                        + " "
                        + words.get("talk.escalated"),
                words.crisisLines(settings),
                List.of());
    }

    /** To each coordinator when no peer took a request, and why ({@code why}: a few words). */
    static Message page(ConnectionRequest r, String memberName, int asked, String why) {
        String who = memberName == null ? "A member (anonymous)" : memberName;
        String text =
                "*"
                        + who
                        + " asked to talk to a peer, and no peer could take it*: "
                        + (asked == 0
                                ? why
                                : asked
                                        + (asked == 1 ? " peer was" : " peers were")
                                        + " asked and "
                                        + (why.startsWith("none") ? why : "then " + why))
                        + ". When: "
                        + urgency(r.urgency())
                        + " · Prefers: "
                        + contact(r.contactPref())
                        + (r.topicCode() == null ? "" : " · Topic: " + topic(r.topicCode()))
                        + ". Can you take it, or find someone who can?";
        return new Message(
                text,
                List.of(
                        "Reference "
                                + People.ref(r.id())
                                + ". The member has been told that a coordinator "
                                + "will reach out, and has been given the crisis lines."),
                List.of(new Button(TAKE, "I'll take it", r.id().toString(), Button.Style.PRIMARY)));
    }

    /** To the member when the relay starts: who is there, how it works, the policy. */
    static Message relayToMember(
            ConnectionRequest r,
            String peerLabel,
            String peerAgency,
            AgencySettings settings,
            Words words) {
        String text =
                words.get(
                        "relay.toMember",
                        Untrusted.quote(peerLabel),
                        peerAgency == null ? "" : words.get("relay.fromAgency", peerAgency),
                        words.get(r.shareName() ? "relay.knowsName" : "relay.anonymous"));
        return new Message(
                text,
                notes(settings, words),
                List.of(Button.of(END, words.get("relay.end"), r.id().toString())));
    }

    /** To the peer when the relay starts. */
    static Message relayToPeer(ConnectionRequest r, String memberLabel) {
        return Message.text(
                "You're connected with *"
                        + Untrusted.quote(memberLabel)
                        + "*. Write here and I'll pass your messages on "
                        + "(I keep no copy); theirs appear here labelled \""
                        + Untrusted.quote(memberLabel)
                        + "\". They prefer "
                        + contact(r.contactPref())
                        + ". `/tenfour end` ends the conversation.");
    }

    /**
     * In the group DM of a same-agency introduction, in the member's language; the bot then steps
     * out.
     */
    static Message introduction(
            String memberName,
            String peerName,
            ConnectionRequest r,
            AgencySettings settings,
            Words words) {
        return new Message(
                words.get(
                        "relay.introduction",
                        memberName,
                        peerName,
                        words.get("contact." + r.contactPref().word()),
                        words.get("urgency." + r.urgency().word())),
                notes(settings, words),
                List.of());
    }

    /** A relayed message: both the label (a name) and the text are someone else's words. */
    static Message relayed(String label, String text) {
        return Message.text("*" + Untrusted.quote(label) + ":* " + Untrusted.quote(text));
    }

    /** The crisis lines and the policy, beneath what a member reads, in their language. */
    static List<String> notes(AgencySettings settings, Words words) {
        List<String> notes = new ArrayList<>(words.crisisLines(settings));
        notes.add(words.policy(settings));
        return notes;
    }
}

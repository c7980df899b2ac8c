package org.tenfour.bot.checkin;

import java.util.ArrayList;
import java.util.List;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Promises;

/** The words of the check-in feature. Neutral and caring; never mentions incidents or referrals. */
public final class CheckInMessages {
    public static final String OK = "checkin.ok";
    public static final String TALK = "checkin.talk";
    public static final String NOT_NOW = "checkin.notnow";

    /** "Talk to a peer now", offered after every continuum answer alike. */
    public static final String TALK_NOW = "checkin.talknow";

    private CheckInMessages() {}

    /** The private check-in, with its three buttons and the crisis lines beneath. */
    public static Message checkIn(String checkInId, String peerName, AgencySettings settings) {
        String onBehalf = peerName == null ? "" : ", on behalf of " + peerName;
        String text =
                "Hi, this is a check-in from the peer support team"
                        + onBehalf
                        + ". "
                        + "How are you doing? Whatever you choose stays between you and the peer team.";
        List<String> notes = new ArrayList<>(settings.crisisLines());
        return new Message(
                text,
                notes,
                List.of(
                        new Button(OK, "I'm OK", checkInId, Button.Style.PRIMARY),
                        Button.of(TALK, "I'd like to talk", checkInId),
                        Button.of(NOT_NOW, "Not now", checkInId)));
    }

    /** The check-in in the agency's style: the three simple answers, or the stress continuum. */
    public static Message checkIn(
            String checkInId, String peerName, AgencySettings settings, CheckInStyle style) {
        if (style == CheckInStyle.SIMPLE) {
            return checkIn(checkInId, peerName, settings);
        }
        String onBehalf = peerName == null ? "" : ", on behalf of " + peerName;
        StringBuilder text =
                new StringBuilder(
                        "Hi, this is a check-in from the peer support team"
                                + onBehalf
                                + ". Where are you on the stress continuum today? Nobody sees your"
                                + " answer: TenFour only counts how many chose each colour in a week.");
        List<Button> buttons = new ArrayList<>();
        for (Continuum c : Continuum.values()) {
            text.append("\n• *").append(c.label()).append("* — ").append(c.description());
            buttons.add(
                    c == Continuum.READY
                            ? new Button(c.actionId(), c.label(), checkInId, Button.Style.PRIMARY)
                            : Button.of(c.actionId(), c.label(), checkInId));
        }
        return new Message(text.toString(), settings.crisisLines(), buttons);
    }

    /** What a member is told after a continuum answer (never stored: a private reply). */
    static Message continuumReply(Continuum zone, String checkInId, AgencySettings settings) {
        String text =
                switch (zone) {
                    case READY ->
                            "Thanks for checking in. Good to hear you're in the green. If that"
                                    + " changes, a peer is a click away.";
                    case REACTING ->
                            "Thanks for being honest. Reacting is a normal response to this job;"
                                    + " it usually passes. A peer can talk it through with you"
                                    + " whenever you like.";
                    case INJURED ->
                            "Thank you for saying so. When stress isn't passing, talking to a peer"
                                    + " helps, and you can have one now. If you need someone this"
                                    + " minute, use one of the lines below.";
                    case ILL ->
                            "Thank you for telling us. You don't have to carry this alone: a peer"
                                    + " can reach out now. If you are in danger or need help right"
                                    + " away, use one of the lines below now.";
                };
        return new Message(
                text,
                settings.crisisLines(),
                List.of(
                        new Button(
                                TALK_NOW,
                                "Talk to a peer now",
                                checkInId,
                                zone.urgent() ? Button.Style.PRIMARY : Button.Style.DEFAULT)));
    }

    /**
     * Sent once when someone joins the roster: what the program is, that it is voluntary, the
     * agency's confidentiality policy with its written exceptions, and what is stored ({@link
     * Promises}), the same words {@code help} and {@code mydata} use.
     */
    public static Message welcome(AgencySettings settings) {
        return new Message(
                "Welcome to your agency's peer support program. Now and then a trained peer — a colleague, "
                        + "not a supervisor — will check in with you privately. It is voluntary. "
                        + settings.confidentialityPolicy()
                        + " "
                        + Promises.storedSummary()
                        + " Say `/tenfour optout` at any time to stop check-ins, `/tenfour times` to choose when, "
                        + "and `/peer` to talk to a peer now.",
                settings.crisisLines(),
                List.of());
    }

    /** To the assigned peer when a member has not answered. */
    public static Message nudge(String memberName) {
        return Message.text(
                "A check-in you were assigned for "
                        + (memberName == null ? "a member" : memberName)
                        + " has had no answer for a few days. A personal word from you may mean more than a bot's: "
                        + "consider reaching out directly.");
    }
}

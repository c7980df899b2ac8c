package org.tenfour.bot.checkin;

import java.util.ArrayList;
import java.util.List;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Promises;
import org.tenfour.bot.words.Words;

/** The words of the check-in feature. Neutral and caring; never mentions incidents or referrals. */
public final class CheckInMessages {
    public static final String OK = "checkin.ok";
    public static final String TALK = "checkin.talk";
    public static final String NOT_NOW = "checkin.notnow";

    /** "Talk to a peer now", offered after every continuum answer alike. */
    public static final String TALK_NOW = "checkin.talknow";

    private CheckInMessages() {}

    /**
     * The private check-in, in the member's language, with its three buttons and the crisis lines
     * beneath.
     */
    public static Message checkIn(
            String checkInId, String peerName, AgencySettings settings, Words words) {
        String text =
                words.get(
                        "checkin.question",
                        peerName == null ? "" : words.get("checkin.onBehalf", peerName));
        List<String> notes = new ArrayList<>(words.crisisLines(settings));
        return new Message(
                text,
                notes,
                List.of(
                        new Button(OK, words.get("checkin.ok"), checkInId, Button.Style.PRIMARY),
                        Button.of(TALK, words.get("checkin.talk"), checkInId),
                        Button.of(NOT_NOW, words.get("checkin.notNow"), checkInId)));
    }

    /**
     * The check-in in the agency's style and the member's language: the three simple answers, or
     * the stress continuum.
     */
    public static Message checkIn(
            String checkInId,
            String peerName,
            AgencySettings settings,
            CheckInStyle style,
            Words words) {
        if (style == CheckInStyle.SIMPLE) {
            return checkIn(checkInId, peerName, settings, words);
        }
        StringBuilder text =
                new StringBuilder(
                        words.get(
                                "continuum.question",
                                peerName == null ? "" : words.get("checkin.onBehalf", peerName)));
        List<Button> buttons = new ArrayList<>();
        for (Continuum c : Continuum.values()) {
            String label = label(c, words);
            text.append("\n• *")
                    .append(label)
                    .append("* — ")
                    .append(words.get("continuum." + c.word() + ".description"));
            buttons.add(
                    c == Continuum.READY
                            ? new Button(c.actionId(), label, checkInId, Button.Style.PRIMARY)
                            : Button.of(c.actionId(), label, checkInId));
        }
        return new Message(text.toString(), words.crisisLines(settings), buttons);
    }

    /** A zone's button label in the member's language: {@code Ready (green)}. */
    static String label(Continuum zone, Words words) {
        return words.get("continuum." + zone.word());
    }

    /** What a member is told after a continuum answer (never stored: a private reply). */
    static Message continuumReply(
            Continuum zone, String checkInId, AgencySettings settings, Words words) {
        return new Message(
                words.get("continuum." + zone.word() + ".reply"),
                words.crisisLines(settings),
                List.of(
                        new Button(
                                TALK_NOW,
                                words.get("checkin.talkNow"),
                                checkInId,
                                zone.urgent() ? Button.Style.PRIMARY : Button.Style.DEFAULT)));
    }

    /**
     * Sent once when someone joins the roster: what the program is, that it is voluntary, the
     * agency's confidentiality policy with its written exceptions, and what is stored ({@link
     * Promises}), the same words {@code help} and {@code mydata} use.
     */
    public static Message welcome(AgencySettings settings, Words words) {
        return new Message(
                words.get("welcome", words.policy(settings), words.storedSummary())
                        // the way to the other language, in it: the platform's may not be known yet
                        + "\n"
                        + words.get("welcome.otherLanguage"),
                words.crisisLines(settings),
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

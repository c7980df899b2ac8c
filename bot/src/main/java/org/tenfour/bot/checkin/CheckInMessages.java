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

package org.tenfour.bot.agency;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What TenFour promises a member, written once: what is kept about them (the list {@code mydata}
 * shows, item by item) and what is never kept. The confidentiality policy and its written
 * exceptions are the agency's ({@link AgencySettings#confidentialityPolicy()}); the welcome, help,
 * the first contact with a peer and {@code mydata} all show these same words.
 */
public final class Promises {
    private Promises() {}

    /** What TenFour keeps about a member, in the order {@code mydata} shows it. */
    public enum Stored {
        PLATFORM_ID("Your platform user id"),
        PROFILE("Name, time zone and language from your profile"),
        ROSTER("On the check-in roster, opted out or paused"),
        PREFERRED_TIME("Your preferred time for check-ins"),
        TAGS(
                "Roster tags (unit, supervisor), used only to avoid matching you with your own chain"
                        + " of command"),
        ROLES("Roles"),
        UNREACHABLE("Whether messages to you could not be delivered"),
        CHECK_INS("Check-ins: when, and the button you pressed"),
        REQUESTS("Requests to talk to a peer: when, how soon, and where they stand");

        private final String label;

        Stored(String label) {
            this.label = label;
        }

        /** The item's heading, as {@code mydata} shows it. */
        public String label() {
            return label;
        }
    }

    /** What is never kept, said wherever the list of what is kept appears. */
    public static final String NEVER_STORED =
            "Never stored: anything you write to TenFour or to a peer. Contact logs peers keep are coded"
                    + " and not linked to you, so they are not yours to see and hold nothing that names you.";

    /** The whole list in one paragraph, for the welcome. */
    public static String storedSummary() {
        return "TenFour stores only: "
                + Arrays.stream(Stored.values())
                        .map(s -> lowerFirst(s.label()))
                        .collect(Collectors.joining("; "))
                + ". "
                + NEVER_STORED
                + " `/tenfour mydata` shows all of it; `/tenfour forgetme` deletes it.";
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}

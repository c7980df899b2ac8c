package org.tenfour.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to say, independent of platform: a main text, small-print notes beneath it (crisis lines,
 * the confidentiality reminder), and buttons. Rendered to Block Kit, an Adaptive Card or HTML at
 * send time.
 *
 * <p>Text and notes may be of any length: each renderer shortens what its platform cannot carry
 * (Slack 40,000 characters and 50 blocks, Teams 28 KB), with a visible mark. What cannot be
 * shortened without breaking it is bounded here: at most {@value #MAX_BUTTONS} buttons, whose
 * values add up to at most {@value #MAX_BUTTON_VALUES} characters.
 *
 * @param text the main text; plain text with {@code *bold*} allowed
 * @param notes secondary lines shown beneath the text
 * @param buttons actions offered under the message
 */
public record Message(String text, List<String> notes, List<Button> buttons) {
    /** Buttons a message may carry (Slack: 25 in an actions block; more is no choice at all). */
    public static final int MAX_BUTTONS = 25;

    /** Characters all button values may add up to (they must fit Teams' 28 KB activity). */
    public static final int MAX_BUTTON_VALUES = 6_000;

    public Message {
        Address.requireText(text, "text");
        notes = List.copyOf(Objects.requireNonNull(notes, "null notes"));
        buttons = List.copyOf(Objects.requireNonNull(buttons, "null buttons"));
        if (buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException(
                    "more than " + MAX_BUTTONS + " buttons: " + buttons.size());
        }
        int values = buttons.stream().mapToInt(b -> b.value().length()).sum();
        if (values > MAX_BUTTON_VALUES) {
            throw new IllegalArgumentException(
                    "button values longer than " + MAX_BUTTON_VALUES + " characters together");
        }
    }

    /** A message with text only. */
    public static Message text(String text) {
        return new Message(text, List.of(), List.of());
    }

    /** The same message with its buttons removed and a line saying what was chosen. */
    public Message resolved(String outcome) {
        return new Message(text, concat(notes, outcome), List.of());
    }

    private static List<String> concat(List<String> list, String extra) {
        var copy = new ArrayList<>(list);
        copy.add(extra);
        return copy;
    }
}

package org.tenfour.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to say, independent of platform: a main text, small-print notes beneath it (crisis lines,
 * the confidentiality reminder), and buttons. Rendered to Block Kit, an Adaptive Card or HTML at
 * send time.
 *
 * @param text the main text; plain text with {@code *bold*} allowed
 * @param notes secondary lines shown beneath the text
 * @param buttons actions offered under the message
 */
public record Message(String text, List<String> notes, List<Button> buttons) {

    public Message {
        Address.requireText(text, "text");
        notes = List.copyOf(Objects.requireNonNull(notes, "null notes"));
        buttons = List.copyOf(Objects.requireNonNull(buttons, "null buttons"));
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

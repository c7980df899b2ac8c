package org.tenfour.adapters;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks text that someone other than the product wrote (a relayed message, a peer's bio, a name)
 * inside a {@link Message}, so that every renderer shows it as plain characters: no mention, no
 * link, no {@code <!here>}, no markup of its own. The marks are two private-use characters that
 * renderers remove; anything already carrying them has them dropped first, so text cannot close its
 * own quote.
 *
 * <pre>{@code
 * Message.text("*Member:* " + Untrusted.quote(relayedText));
 * }</pre>
 */
public final class Untrusted {
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    private Untrusted() {}

    /** {@code text} marked as written by someone else (null stays null). */
    public static String quote(String text) {
        return text == null ? null : OPEN + strip(text) + CLOSE;
    }

    /** {@code text} with every mark removed (for plain-text surfaces and for input). */
    public static String strip(String text) {
        if (text == null || !marked(text)) {
            return text;
        }
        return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    /** Whether {@code text} carries a mark. */
    public static boolean marked(String text) {
        return text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0;
    }

    /** A run of text, either the product's own or someone else's. */
    public record Segment(String text, boolean untrusted) {}

    /** {@code text} split into the product's runs and quoted runs, marks removed. */
    public static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == OPEN || c == CLOSE) {
                boolean next = c == OPEN;
                if (next != quoted && run.length() > 0) {
                    out.add(new Segment(run.toString(), quoted));
                    run.setLength(0);
                }
                quoted = next;
            } else {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            out.add(new Segment(run.toString(), quoted));
        }
        return out;
    }
}

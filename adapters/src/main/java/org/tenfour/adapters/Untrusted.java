package org.tenfour.adapters;

import java.util.regex.Pattern;

/**
 * Text that someone other than the product wrote (a relayed message, a peer's bio, a name), made
 * inert before it goes into a {@link Message}: an invisible zero-width space after every {@code <}
 * and between {@code ]} and {@code (}. A person reads exactly what was written; no platform can
 * read a mention ({@code <@U123>}), a broadcast ({@code <!here>}), a Slack link with a lying label
 * ({@code <https://…|label>}), a markdown link ({@code [label](https://…)}) or a tag out of it.
 * Renderers escape {@code & < >} everywhere besides, and keep only the product's own mentions.
 *
 * <pre>{@code
 * Message.text("*Member:* " + Untrusted.quote(relayedText));
 * }</pre>
 */
public final class Untrusted {
    /** The invisible break: zero-width space. */
    public static final char BREAK = '\u200B';

    private static final Pattern ACTIVE = Pattern.compile("<|](?=\\()");

    private Untrusted() {}

    /** {@code text} made inert (null stays null). */
    public static String quote(String text) {
        if (text == null || (text.indexOf('<') < 0 && text.indexOf(']') < 0)) {
            return text;
        }
        return ACTIVE.matcher(text).replaceAll("$0" + BREAK);
    }
}

package org.tenfour.adapters.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tenfour.adapters.Untrusted;

/** Slack's text wrapping: mentions in, mrkdwn escaping out. */
final class SlackText {
    private SlackText() {}

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern SUBTEAM = Pattern.compile("<!subteam\\^([A-Z0-9]+)(?:\\|[^>]*)?>");

    /**
     * The only tokens the product writes on purpose and Slack may render: user, channel and group
     * mentions in their normalised form. Never {@code <!here>}, {@code <!channel>}, {@code
     * <!everyone>} or a link with a label, whoever wrote them.
     */
    private static final Pattern PRODUCT_TOKEN =
            Pattern.compile("<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+|!subteam\\^[A-Z0-9]+)>");

    /**
     * Normalises escaped mentions from a slash command: {@code <@U123|name>} → {@code <@U123>},
     * {@code <#C123|name>} → {@code <#C123>}, {@code <!subteam^S123|@name>} → {@code
     * <!subteam^S123>}; trims the result.
     */
    static String normaliseMentions(String text) {
        if (text == null) {
            return "";
        }
        String s = USER.matcher(text).replaceAll("<@$1>");
        s = CHANNEL.matcher(s).replaceAll("<#$1>");
        s =
                SUBTEAM.matcher(s)
                        .replaceAll(m -> Matcher.quoteReplacement("<!subteam^" + m.group(1) + ">"));
        return s.trim();
    }

    /**
     * Escapes {@code & < >} for mrkdwn, keeping only the product's own user, channel and group
     * mentions: never {@code <!here>}, {@code <!channel>} or a link, whoever wrote it. Text others
     * wrote was made {@linkplain Untrusted#quote inert} before, so it holds no mention either.
     */
    static String escapeMrkdwn(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) {
            return text; // nothing to escape, nothing to keep: most replies
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher m = PRODUCT_TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

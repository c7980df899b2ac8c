package org.tenfour.adapters.teams;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;

/**
 * Renders the product's neutral command notation the way Teams people type it. Product text names a
 * command as Slack types it, in backticks ({@code `/tenfour end`}, {@code `/peer`}); Slack and the
 * sandbox show that as it is. Teams has no slash commands: in a 1:1 chat a command is its words
 * alone ({@code `end`}, {@code `talk`}, also offered in the bot's command menu), in a channel the
 * bot is @mentioned first ({@code `@TenFour roster add @someone`}).
 */
final class TeamsText {
    /** The bot's name as people @mention it (the app manifest's short name). */
    static final String BOT_NAME = TeamsAppPackage.SHORT_NAME;

    private static final Pattern QUOTED =
            Pattern.compile("`/(tenfour|peer)(?:[ \\t]+([^`\\n]*))?`");
    private static final Pattern BARE =
            Pattern.compile("(?<![\\w/.:`])/(tenfour|peer)\\b(?:[ \\t]+([a-z]+))?");

    private final String talkWord;

    /**
     * @param talkWord what Teams people type for {@code /peer}
     */
    TeamsText(String talkWord) {
        this.talkWord = Objects.requireNonNull(talkWord, "null talkWord");
    }

    /** The message with every command in it as typed in a 1:1 chat or, else, in a channel. */
    Message render(Message message, boolean personal) {
        return new Message(
                render(message.text(), personal),
                message.notes().stream().map(n -> render(n, personal)).toList(),
                message.buttons().stream()
                        .map(
                                b ->
                                        new Button(
                                                b.actionId(),
                                                render(b.label(), personal),
                                                b.value(),
                                                b.style()))
                        .toList());
    }

    /** The text with every command as typed in a 1:1 chat or, else, in a channel. */
    String render(String text, boolean personal) {
        String quoted = replace(QUOTED, text, personal);
        return replace(BARE, quoted, personal);
    }

    private String replace(Pattern pattern, String text, boolean personal) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String args = m.group(2) == null ? "" : m.group(2).strip();
            String usage =
                    m.group(1).equals("peer")
                            ? (talkWord + " " + args).strip()
                            : args.isEmpty() ? "help" : args;
            String typed = personal ? usage : "@" + BOT_NAME + " " + usage;
            m.appendReplacement(out, Matcher.quoteReplacement("`" + typed + "`"));
        }
        m.appendTail(out);
        return out.toString();
    }
}

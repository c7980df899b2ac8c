package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundEvent.MembershipChanged.Change;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Vocabulary;

/**
 * Turns an authenticated Activity into the neutral events the product handles: text into {@link
 * InboundEvent.Command}s (bot mention stripped, other mentions as {@code <@ID>}), card actions into
 * {@link InboundEvent.ButtonPressed} / {@link InboundEvent.FormSubmitted}, installation and
 * membership changes into {@link InboundEvent.MembershipChanged}.
 */
final class ActivityTranslator {
    static final String INVOKE_CARD_ACTION = "adaptiveCard/action";
    private static final Pattern LEADING_AT = Pattern.compile("^\\s*<at>[^<]*</at>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ActivityTranslator() {}

    /** The events in the activity; empty for activities the product does not need. */
    static List<InboundEvent> translate(Activity a, Vocabulary words) {
        return switch (a.type()) {
            case "message" ->
                    a.value() != null && a.value().isObject()
                            ? cardAction(a, a.value(), null)
                            : textMessage(a, words);
            case "invoke" ->
                    INVOKE_CARD_ACTION.equals(a.name()) && a.value() != null
                            ? cardAction(
                                    a,
                                    a.value().path("action").get("data"),
                                    TeamsJson.text(a.value().path("action"), "verb"))
                            : List.of();
            case "installationUpdate" -> installation(a);
            case "conversationUpdate" -> membership(a);
            default -> List.of();
        };
    }

    /**
     * In a 1:1 chat a message is a command when its first word is a command word or it addresses
     * the bot (an @mention, a Slack-style {@code /tenfour}); such a command carries the message as
     * written, for the product to relay instead during a relay. Anything else written there is a
     * {@link InboundEvent.DirectMessage}. In a channel only messages that mention the bot arrive,
     * and each is a command.
     */
    private static List<InboundEvent> textMessage(Activity a, Vocabulary words) {
        String text = normalise(a);
        if (text.isEmpty() || !a.isPersonal()) {
            return List.of(command(a, words)); // an empty message: the product answers with help
        }
        String written = a.text() == null || a.text().isBlank() ? text : a.text().strip();
        boolean explicit = mentionsBot(a) || slashed(text) != null;
        String first = commandText(text, words).split(" ", 2)[0];
        if (!explicit && !words.isCommand(first)) {
            return List.of(new InboundEvent.DirectMessage(actor(a), written, where(a)));
        }
        InboundEvent.Command c = command(a, words);
        return List.of(
                new InboundEvent.Command(
                        c.actor(), c.name(), c.text(), c.where(), null, written, explicit));
    }

    /**
     * Teams has no slash commands: its talk word stands for {@code /peer}, the rest for {@code
     * /tenfour}. A Slack habit ({@code /tenfour end}, {@code /peer}) is read the same way.
     */
    static InboundEvent.Command command(Activity a, Vocabulary vocabulary) {
        String text = commandText(normalise(a), vocabulary);
        String[] words = text.split(" ", 2);
        if (words[0].toLowerCase(Locale.ROOT).equals(vocabulary.talkWord())) {
            return new InboundEvent.Command(
                    actor(a),
                    Vocabulary.TALK_COMMAND,
                    words.length > 1 ? words[1] : "",
                    where(a),
                    null);
        }
        return new InboundEvent.Command(actor(a), Vocabulary.MAIN_COMMAND, text, where(a), null);
    }

    /** The text with a leading {@code /tenfour} removed and {@code /peer} as the talk word. */
    private static String commandText(String text, Vocabulary vocabulary) {
        String slash = slashed(text);
        if (slash == null) {
            return text;
        }
        String rest = text.substring(slash.length() + 1).strip();
        return slash.equals(Vocabulary.TALK_COMMAND)
                ? (vocabulary.talkWord() + " " + rest).strip()
                : rest;
    }

    /** {@code tenfour} or {@code peer} when the text starts with that slash command, else null. */
    private static String slashed(String text) {
        String first = text.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        for (String name : List.of(Vocabulary.MAIN_COMMAND, Vocabulary.TALK_COMMAND)) {
            if (first.equals("/" + name)) {
                return name;
            }
        }
        return null;
    }

    private static boolean mentionsBot(Activity a) {
        return a.entities().stream()
                .anyMatch(
                        e ->
                                "mention".equals(e.type())
                                        && e.mentioned() != null
                                        && e.mentioned().id().equals(a.recipient().id()));
    }

    /** The message text with the bot's mention removed and other mentions as {@code <@ID>}. */
    static String normalise(Activity a) {
        String text = a.text() == null ? "" : a.text();
        for (Activity.Entity e : a.entities()) {
            if (!"mention".equals(e.type())
                    || e.mentioned() == null
                    || e.text() == null
                    || e.text().isEmpty()) {
                continue;
            }
            boolean bot = e.mentioned().id().equals(a.recipient().id());
            text = text.replace(e.text(), bot ? " " : "<@" + e.mentioned().id() + ">");
        }
        text = LEADING_AT.matcher(text).replaceFirst(" ");
        return SPACES.matcher(text.replace("&nbsp;", " ")).replaceAll(" ").trim();
    }

    private static List<InboundEvent> cardAction(Activity a, JsonNode data, String verb) {
        return CardSubmission.parse(data, verb).map(s -> List.of(event(a, s))).orElse(List.of());
    }

    private static InboundEvent event(Activity a, CardSubmission submission) {
        if (submission instanceof CardSubmission.Submitted f) {
            return new InboundEvent.FormSubmitted(actor(a), f.formId(), f.values(), f.context());
        }
        CardSubmission.Pressed p = (CardSubmission.Pressed) submission;
        Delivery message =
                a.replyToId() == null ? null : new Delivery(a.conversation().id(), a.replyToId());
        return new InboundEvent.ButtonPressed(
                actor(a), p.actionId(), p.value(), where(a), message, null);
    }

    private static List<InboundEvent> installation(Activity a) {
        String action = a.action() == null ? "" : a.action();
        Change change = action.startsWith("remove") ? Change.BOT_REMOVED : Change.BOT_INSTALLED;
        return List.of(new InboundEvent.MembershipChanged(actor(a), change, where(a)));
    }

    private static List<InboundEvent> membership(Activity a) {
        List<InboundEvent> events = new ArrayList<>();
        String bot = a.recipient().id();
        for (Activity.Account m : a.membersAdded()) {
            events.add(
                    m.id().equals(bot)
                            ? new InboundEvent.MembershipChanged(
                                    actor(a), Change.BOT_INSTALLED, where(a))
                            : new InboundEvent.MembershipChanged(
                                    member(a, m), Change.MEMBER_JOINED, where(a)));
        }
        for (Activity.Account m : a.membersRemoved()) {
            events.add(
                    m.id().equals(bot)
                            ? new InboundEvent.MembershipChanged(
                                    actor(a), Change.BOT_REMOVED, where(a))
                            : new InboundEvent.MembershipChanged(
                                    member(a, m), Change.MEMBER_LEFT, where(a)));
        }
        return events;
    }

    /**
     * The sender; in a 1:1 chat their address carries that conversation, so replies need no lookup.
     */
    static Actor actor(Activity a) {
        return member(a, a.from());
    }

    private static Actor member(Activity a, Activity.Account account) {
        boolean ownChat = a.isPersonal() && account.id().equals(a.from().id());
        return new Actor(
                new Address(
                        Platform.TEAMS,
                        a.tenantId(),
                        Address.Kind.USER,
                        account.id(),
                        a.serviceUrl(),
                        ownChat ? a.conversation().id() : null),
                false,
                account.name(),
                // the activity's locale is its sender's
                account.id().equals(a.from().id()) ? a.locale() : null);
    }

    /**
     * Where the activity happened: the sender's 1:1 chat, or the channel (group chat) as a channel
     * address.
     */
    static Address where(Activity a) {
        if (a.isPersonal()) {
            return actor(a).address();
        }
        String channel = a.channelIdOfTeam();
        String target = channel != null ? channel : a.baseConversationId();
        return new Address(
                Platform.TEAMS,
                a.tenantId(),
                Address.Kind.CHANNEL,
                target,
                a.serviceUrl(),
                a.baseConversationId());
    }
}

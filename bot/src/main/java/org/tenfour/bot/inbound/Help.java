package org.tenfour.bot.inbound;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;

/**
 * {@code /tenfour help}: what the caller may do, by role and task — a member's few things first,
 * {@code /peer} at the top; peers and coordinators get sections of their own — and {@code help
 * <command>} for one command in detail. A mistyped word gets "did you mean …?".
 */
public final class Help {
    private final Set<Subcommand> routed;

    /**
     * @param routed the subcommands the router has an action for (help offers only those)
     */
    Help(Set<Subcommand> routed) {
        this.routed = routed.isEmpty() ? Set.of() : EnumSet.copyOf(routed);
    }

    /** {@code help} alone, or {@code help <command>}. */
    Reply answer(Caller caller, Args args) {
        if (args.isEmpty()) {
            return forCaller(caller);
        }
        String word = withoutCommandPrefix(args.word(0));
        Optional<Subcommand> sub = Subcommand.of(word).filter(routed::contains);
        if (sub.isEmpty()) {
            return Reply.text(unknown(caller, args.raw(0), word));
        }
        return Reply.text(details(caller, sub.get()));
    }

    /** "I don't know `x`." and what the caller may have meant, in their language. */
    String unknown(Caller caller, String raw, String word) {
        return caller.words().get("help.unknown", raw) + didYouMean(caller, word);
    }

    Reply forCaller(Caller caller) {
        Words words = caller.words();
        StringBuilder text =
                new StringBuilder(words.get("help.header", typed(caller, Subcommand.TALK.word())))
                        .append('\n');
        for (Subcommand.Task task : Subcommand.Task.values()) {
            if (task.audience() == Role.MEMBER && task != Subcommand.Task.HELP) {
                section(text, caller, task, "\n*" + words.get("help.task." + task.name()) + "*\n");
            }
        }
        if (caller.is(Role.PEER)) {
            text.append("\n*For peer supporters*\n");
            text.append("• *Accept* / *Decline* on an offer — the first peer to accept gets it\n");
            tasks(text, caller, Role.PEER);
        }
        if (caller.is(Role.COORDINATOR)) {
            text.append("\n*For coordinators* (in the coordinator channel)\n");
            tasks(text, caller, Role.COORDINATOR);
        } else if (caller.member().isAdmin() || caller.actor().platformAdmin()) {
            text.append('\n')
                    .append(words.get("help.settingUp", typed(caller, Subcommand.SETUP.word())))
                    .append('\n');
        }
        text.append('\n')
                .append(
                        words.get(
                                "help.explains",
                                typed(caller, "help <command>"),
                                typed(caller, Subcommand.LANGUAGE.uses().get(0).usage())))
                .append('\n');
        AgencySettings settings = caller.settings();
        text.append('\n').append(words.policy(settings));
        return new Reply.Private(
                new Message(text.toString(), words.crisisLines(settings), List.of()));
    }

    private void tasks(StringBuilder text, Caller caller, Role role) {
        for (Subcommand.Task task : Subcommand.Task.values()) {
            if (task.audience() == role) {
                section(text, caller, task, role == Role.PEER ? "" : task.title() + ":\n");
            }
        }
    }

    private void section(StringBuilder text, Caller caller, Subcommand.Task task, String title) {
        // peers' and coordinators' sections stay English, whatever the reader's language
        Words words = task.audience() == Role.MEMBER ? caller.words() : Words.in(Language.EN);
        List<String> lines =
                routed.stream()
                        .flatMap(s -> s.uses().stream())
                        .filter(u -> u.task() == task)
                        .map(
                                u ->
                                        "• `"
                                                + typed(caller, u.usage())
                                                + "` — "
                                                + u.summary(words)
                                                + "\n")
                        .toList();
        if (!lines.isEmpty()) {
            text.append(title);
            lines.forEach(text::append);
        }
    }

    private String details(Caller caller, Subcommand sub) {
        Words words = caller.words();
        StringBuilder text = new StringBuilder();
        for (Subcommand.Use use : sub.uses()) {
            text.append("• `")
                    .append(typed(caller, use.usage()))
                    .append("` — ")
                    .append(use.summary(words))
                    .append('\n');
        }
        text.append(sub.details(words)).append('\n');
        text.append(
                words.get(
                        switch (sub.role()) {
                            case MEMBER -> "help.for.everyone";
                            case PEER -> "help.for.peers";
                            case COORDINATOR ->
                                    sub.coordinatorChannelOnly()
                                            ? "help.for.coordinatorChannel"
                                            : "help.for.coordinators";
                        }));
        return text.toString();
    }

    /**
     * " Did you mean `/tenfour status`?" for a word close to one the caller may use, otherwise a
     * pointer to help; starts with a space.
     */
    String didYouMean(Caller caller, String typed) {
        String word = withoutCommandPrefix(typed);
        Optional<Subcommand> close =
                routed.stream()
                        .filter(s -> s != Subcommand.HELP)
                        .filter(s -> caller.is(s.role()))
                        .filter(s -> distance(word, s.word()) <= allowed(s.word()))
                        .min(Comparator.comparingInt(s -> distance(word, s.word())));
        Words words = caller.words();
        return close.map(s -> words.get("help.didYouMean", typed(caller, s.word())))
                .orElse(words.get("help.try", typed(caller, Subcommand.HELP.word())));
    }

    /**
     * {@code usage} in the neutral command notation: {@code /tenfour cadence weekly}, {@code
     * /peer}. Slack and the sandbox show it as it is; the Teams adapter renders it as typed there
     * ({@code cadence weekly} in a chat, {@code @TenFour cadence weekly} in a channel).
     */
    String typed(Caller caller, String usage) {
        String talk = Subcommand.TALK.word();
        if (usage.equals(talk) || usage.startsWith(talk + " ")) {
            return "/" + Vocabulary.TALK_COMMAND + usage.substring(talk.length());
        }
        return "/" + Vocabulary.MAIN_COMMAND + " " + usage;
    }

    /** The answer to a direct message outside a relay: nothing is read, here is how to get help. */
    public static Reply notReading(Caller caller) {
        AgencySettings settings = caller.settings();
        Words words = caller.words();
        return new Reply.Private(
                new Message(words.get("help.notReading"), words.crisisLines(settings), List.of()));
    }

    private static String withoutCommandPrefix(String word) {
        String w = word.startsWith("/") ? word.substring(1) : word;
        return w.equals(Vocabulary.TALK_COMMAND) ? Subcommand.TALK.word() : w;
    }

    /** Typos allowed: one in a short word, two in a longer one. */
    private static int allowed(String word) {
        return word.length() <= 4 ? 1 : 2;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

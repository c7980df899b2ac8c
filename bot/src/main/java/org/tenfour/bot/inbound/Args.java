package org.tenfour.bot.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a command after its name: split on spaces, with "double quoted" phrases kept whole
 * and normalised mentions recognised ({@code <@U1>} users, {@code <#C1>} channels, {@code
 * <!subteam^S1>} user groups).
 */
public final class Args {
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|“([^”]*)”|(\\S+)");
    private static final Pattern USER = Pattern.compile("<@([A-Za-z0-9:_.\\-]+)(?:\\|[^>]*)?>");
    private static final Pattern GROUP =
            Pattern.compile("<!subteam\\^([A-Za-z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([A-Za-z0-9]+)(?:\\|[^>]*)?>");

    private final List<String> words;

    private Args(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** Splits command text into words. */
    public static Args parse(String text) {
        List<String> words = new ArrayList<>();
        // NUL cannot be stored in PostgreSQL text or jsonb; nobody types it on purpose
        Matcher m = TOKEN.matcher(text == null ? "" : text.replace("\u0000", "").strip());
        while (m.find()) {
            words.add(
                    m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return new Args(words);
    }

    public List<String> words() {
        return words;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public int size() {
        return words.size();
    }

    /** The word at {@code i}, lower-cased, or "" when absent. */
    public String word(int i) {
        return i < words.size() ? words.get(i).toLowerCase(Locale.ROOT) : "";
    }

    /** The word at {@code i} as typed, or "" when absent. */
    public String raw(int i) {
        return i < words.size() ? words.get(i) : "";
    }

    /** The words from {@code i} on. */
    public Args from(int i) {
        return new Args(words.subList(Math.min(i, words.size()), words.size()));
    }

    /** The words joined by single spaces. */
    public String joined() {
        return String.join(" ", words);
    }

    /** User ids mentioned anywhere in these words. */
    public List<String> userMentions() {
        return all(USER);
    }

    /** User group ids mentioned. */
    public List<String> groupMentions() {
        return all(GROUP);
    }

    /** Channel ids mentioned. */
    public List<String> channelMentions() {
        return all(CHANNEL);
    }

    /** Words that are not mentions. */
    public List<String> plainWords() {
        return words.stream()
                .filter(
                        w ->
                                !(USER.matcher(w).matches()
                                        || GROUP.matcher(w).matches()
                                        || CHANNEL.matcher(w).matches()))
                .toList();
    }

    /** The user id if {@code word} is exactly one user mention. */
    public static Optional<String> userId(String word) {
        Matcher m = USER.matcher(word);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private List<String> all(Pattern p) {
        List<String> ids = new ArrayList<>();
        for (String w : words) {
            Matcher m = p.matcher(w);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}

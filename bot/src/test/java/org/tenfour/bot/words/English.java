package org.tenfour.bot.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English in a text meant to be Spanish: common English words that are not Spanish words,
 * outside {@code `code`} (command words stay as they are) and outside what an agency wrote.
 */
public final class English {
    private static final Pattern CODE = Pattern.compile("`[^`]*`");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)?");
    private static final Set<String> ENGLISH =
            Set.of(
                    "the",
                    "you",
                    "your",
                    "and",
                    "with",
                    "this",
                    "that",
                    "what",
                    "when",
                    "who",
                    "here",
                    "there",
                    "will",
                    "would",
                    "can",
                    "could",
                    "please",
                    "thanks",
                    "thank",
                    "have",
                    "not",
                    "from",
                    "for",
                    "are",
                    "is",
                    "it",
                    "of",
                    "to",
                    "in",
                    "on",
                    "or",
                    "be",
                    "we",
                    "our",
                    "us",
                    "peer",
                    "peers",
                    "check",
                    "talk",
                    "help",
                    "now",
                    "today",
                    "week",
                    "anonymous",
                    "name",
                    "yes",
                    "i'm",
                    "i'd",
                    "don't",
                    "it's",
                    "we're",
                    "nobody",
                    "stored",
                    "request",
                    "conversation",
                    "ended",
                    "answer",
                    "answered",
                    "survey",
                    "resources",
                    "call",
                    "text",
                    "line",
                    "danger",
                    "more");

    private English() {}

    /** The English words found in {@code text}, lower case, in order. */
    public static List<String> words(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(CODE.matcher(text).replaceAll(" "));
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(w)) {
                found.add(w);
            }
        }
        return found;
    }
}

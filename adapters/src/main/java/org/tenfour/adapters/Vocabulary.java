package org.tenfour.adapters;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command words the product understands, as the platforms' surfaces need them: the Slack
 * manifest's usage hints, the Teams app's command lists, which first words in a Teams chat are
 * commands, the sandbox's suggestions. The product fills it from its one registry of subcommands
 * and hands it to the adapters when it wires them; adapters never write a command word themselves.
 *
 * <pre>{@code
 * Vocabulary words = new Vocabulary("talk", List.of(
 *         new Vocabulary.Word("talk", "now|today|week", "Ask for a peer", Vocabulary.Audience.MEMBER)));
 * SlackManifest.json("https://bot.example.org", words);
 * }</pre>
 *
 * @param talkWord the word that asks for a peer where a platform has no {@code /peer} command
 *     (Teams: {@code talk})
 * @param words every word, in the order people should meet them (the most needed first)
 */
public record Vocabulary(String talkWord, List<Word> words) {
    /** The main slash command ({@code /tenfour …}). */
    public static final String MAIN_COMMAND = "tenfour";

    /** The slash command that asks for a peer ({@code /peer}). */
    public static final String TALK_COMMAND = "peer";

    /** Who a word is mainly for: where a surface has room for only some of them. */
    public enum Audience {
        /** Offered on every surface ({@code help}). */
        EVERYONE,
        MEMBER,
        PEER,
        COORDINATOR
    }

    /**
     * One command word.
     *
     * @param word what is typed first ({@code cadence}), lower case
     * @param arguments what may follow, for hints ({@code every 30 days|weekly}); may be empty
     * @param summary one short line saying what it does
     */
    public record Word(String word, String arguments, String summary, Audience audience) {
        public Word {
            Address.requireText(word, "word");
            if (!word.equals(word.toLowerCase(Locale.ROOT)) || word.contains(" ")) {
                throw new IllegalArgumentException(
                        "a command word is one lower-case word: " + word);
            }
            Objects.requireNonNull(arguments, "null arguments");
            Address.requireText(summary, "summary");
            Objects.requireNonNull(audience, "null audience");
        }
    }

    public Vocabulary {
        Address.requireText(talkWord, "talkWord");
        words = List.copyOf(Objects.requireNonNull(words, "null words"));
        Set<String> seen = new HashSet<>();
        for (Word w : words) {
            if (!seen.add(w.word())) {
                throw new IllegalArgumentException("command word listed twice: " + w.word());
            }
        }
        if (!seen.contains(talkWord)) {
            throw new IllegalArgumentException("the talk word is not a command word: " + talkWord);
        }
    }

    /** Whether {@code firstWord} (any case) is a command word. */
    public boolean isCommand(String firstWord) {
        String w = firstWord == null ? "" : firstWord.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(x -> x.word().equals(w));
    }

    /** The words for {@code audience}, in order. */
    public List<Word> forAudience(Audience audience) {
        return words.stream().filter(w -> w.audience() == audience).toList();
    }

    /** The word, if it is one. */
    public Optional<Word> word(String word) {
        return words.stream().filter(w -> w.word().equals(word)).findFirst();
    }

    /** Every word, as a set. */
    public Set<String> all() {
        return words.stream().map(Word::word).collect(Collectors.toUnmodifiableSet());
    }
}

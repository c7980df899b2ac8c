package org.tenfour.bot.survey;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.tenfour.adapters.Field;

/**
 * One survey question: its id (stored in the totals), its text, whether several choices may be
 * ticked, and its choices. Every question may be skipped: a skip is counted as "no answer".
 */
record Question(String id, String text, boolean multi, List<Field.Option> choices) {
    /** The choice every question has besides its own: the respondent skipped it. */
    static final String NO_ANSWER = "no_answer";

    Question {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(text, "null text");
        choices = List.copyOf(choices);
        if (choices.stream().anyMatch(c -> c.value().equals(NO_ANSWER))) {
            throw new IllegalArgumentException("choice id reserved: " + NO_ANSWER);
        }
    }

    static Question one(String id, String text, String... pairs) {
        return new Question(id, text, false, options(pairs));
    }

    static Question many(String id, String text, String... pairs) {
        return new Question(id, text, true, options(pairs));
    }

    /**
     * Whether {@code choice} is one of this question's own (the skip is not chosen, it is left).
     */
    boolean offers(String choice) {
        return choices.stream().anyMatch(c -> c.value().equals(choice));
    }

    Field field() {
        return multi
                ? Field.multiChoice(id, text, choices, false)
                : Field.choice(id, text, choices, false);
    }

    private static List<Field.Option> options(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("choices come in id, label pairs");
        }
        return IntStream.range(0, pairs.length / 2)
                .mapToObj(i -> new Field.Option(pairs[2 * i], pairs[2 * i + 1]))
                .toList();
    }
}

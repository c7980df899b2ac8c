package org.tenfour.bot.survey;

import java.util.List;
import java.util.Objects;
import org.tenfour.adapters.Field;
import org.tenfour.bot.words.Words;

/**
 * One survey question: its id (stored in the totals), whether several choices may be ticked, and
 * its choices' ids. Its words are in the members' bundle ({@code survey.<id>}, {@code
 * survey.choice.<choice>}): members read them in their language, coordinators' results in English.
 * Every question may be skipped: a skip is counted as "no answer".
 */
record Question(String id, boolean multi, List<String> choices) {
    /** The choice every question has besides its own: the respondent skipped it. */
    static final String NO_ANSWER = "no_answer";

    Question {
        Objects.requireNonNull(id, "null id");
        choices = List.copyOf(choices);
        if (choices.contains(NO_ANSWER)) {
            throw new IllegalArgumentException("choice id reserved: " + NO_ANSWER);
        }
    }

    static Question one(String id, String... choices) {
        return new Question(id, false, List.of(choices));
    }

    static Question many(String id, String... choices) {
        return new Question(id, true, List.of(choices));
    }

    /**
     * Whether {@code choice} is one of this question's own (the skip is not chosen, it is left).
     */
    boolean offers(String choice) {
        return choices.contains(choice);
    }

    String text(Words words) {
        return words.get("survey." + id);
    }

    static String label(Words words, String choice) {
        return words.get("survey.choice." + choice);
    }

    Field field(Words words) {
        List<Field.Option> options =
                choices.stream().map(c -> new Field.Option(c, label(words, c))).toList();
        return multi
                ? Field.multiChoice(id, text(words), options, false)
                : Field.choice(id, text(words), options, false);
    }
}

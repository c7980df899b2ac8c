package org.tenfour.bot.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in question sets: {@code needs} (does the workforce know the program, could they reach
 * it, would they use it, how, what holds them back — the guidelines' barriers) and {@code feedback}
 * (after a contact: was it helpful, would they use it again). Their words are in the members'
 * bundle ({@link Question#text}).
 */
enum QuestionSet {
    NEEDS(
            "needs",
            "a needs survey",
            List.of(
                    Question.one("knows", "yes", "no"),
                    Question.one("reach", "yes", "unsure", "no"),
                    Question.one("would_use", "yes", "maybe", "no"),
                    Question.one("prefer", "chat", "anonymous_chat", "phone", "in_person"),
                    Question.many(
                            "barriers",
                            "confidentiality",
                            "career",
                            "stigma",
                            "time",
                            "who",
                            "trust",
                            "nothing"))),
    FEEDBACK(
            "feedback",
            "a feedback survey",
            List.of(
                    Question.one("contacted", "yes", "no"),
                    Question.one("helpful", "yes", "somewhat", "no"),
                    Question.one("again", "yes", "maybe", "no")));

    private final String code;
    private final String description;

    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: immutable
    private final List<Question> questions;

    QuestionSet(String code, String description, List<Question> questions) {
        this.code = code;
        this.description = description;
        this.questions = List.copyOf(questions);
    }

    /** The value in {@code survey.question_set} and the word after {@code survey start}. */
    String code() {
        return code;
    }

    String description() {
        return description;
    }

    List<Question> questions() {
        return questions;
    }

    static Optional<QuestionSet> of(String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(c)).findFirst();
    }
}

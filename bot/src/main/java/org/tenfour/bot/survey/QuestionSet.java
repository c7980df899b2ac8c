package org.tenfour.bot.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in question sets: {@code needs} (does the workforce know the program, could they reach
 * it, would they use it, how, what holds them back — the guidelines' barriers) and {@code feedback}
 * (after a contact: was it helpful, would they use it again).
 */
enum QuestionSet {
    NEEDS(
            "needs",
            "a needs survey",
            List.of(
                    Question.one(
                            "knows",
                            "Did you know your agency has a peer support program?",
                            "yes",
                            "Yes",
                            "no",
                            "No"),
                    Question.one(
                            "reach",
                            "Do you know how to reach a peer supporter?",
                            "yes",
                            "Yes",
                            "unsure",
                            "Not sure",
                            "no",
                            "No"),
                    Question.one(
                            "would_use",
                            "Would you reach out to a peer if you were struggling?",
                            "yes",
                            "Yes",
                            "maybe",
                            "Maybe",
                            "no",
                            "No"),
                    Question.one(
                            "prefer",
                            "How would you rather reach someone?",
                            "chat",
                            "Chat",
                            "anonymous_chat",
                            "Anonymous chat",
                            "phone",
                            "Phone call",
                            "in_person",
                            "In person"),
                    Question.many(
                            "barriers",
                            "What holds you or your colleagues back? (any that apply)",
                            "confidentiality",
                            "Worry it won't stay confidential",
                            "career",
                            "Fear for my career or fitness for duty",
                            "stigma",
                            "Being seen as weak",
                            "time",
                            "No time on shift",
                            "who",
                            "Not knowing who to call",
                            "trust",
                            "Not knowing the peers",
                            "nothing",
                            "Nothing holds me back"))),
    FEEDBACK(
            "feedback",
            "a feedback survey",
            List.of(
                    Question.one(
                            "contacted",
                            "Have you talked with a peer supporter through the program?",
                            "yes",
                            "Yes",
                            "no",
                            "No"),
                    Question.one(
                            "helpful",
                            "If you did: was it helpful?",
                            "yes",
                            "Yes",
                            "somewhat",
                            "Somewhat",
                            "no",
                            "No"),
                    Question.one(
                            "again",
                            "Would you use the program again, or recommend it?",
                            "yes",
                            "Yes",
                            "maybe",
                            "Maybe",
                            "no",
                            "No")));

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

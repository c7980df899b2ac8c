package org.tenfour.storage;

import java.util.Objects;

/** How many respondents chose {@code choice} for {@code question} of one survey. */
public record SurveyTally(String question, String choice, int answers) {
    public SurveyTally {
        Objects.requireNonNull(question, "null question");
        Objects.requireNonNull(choice, "null choice");
    }
}

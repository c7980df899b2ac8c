package org.tenfour.bot.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tenfour.storage.Survey;
import org.tenfour.storage.Surveys;
import org.tenfour.storage.Tx;

/**
 * The report's lines about anonymous surveys: those that closed in the period, each with its
 * respondents (suppressed) and where to read its results. Closed surveys never change, so a report
 * published again shows the same lines.
 */
final class SurveyLines {
    private SurveyLines() {}

    static List<String> of(Tx h, UUID agencyId, LocalDate from, LocalDate to, int k) {
        List<String> lines = new ArrayList<>();
        for (Survey s : h.attach(Surveys.class).all(agencyId)) {
            LocalDate closed = s.closeDay();
            if (closed.isBefore(from) || closed.isAfter(to)) {
                continue;
            }
            lines.add(
                    "Survey "
                            + s.number()
                            + " ("
                            + s.questionSet()
                            + ") closed: "
                            + new Suppression(k).single(s.respondents()).text(k)
                            + " respondents — `/tenfour survey results "
                            + s.number()
                            + "`");
        }
        return lines;
    }
}

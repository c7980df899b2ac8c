package org.tenfour.bot.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tenfour.bot.report.Cell;
import org.tenfour.bot.report.Suppression;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Survey;
import org.tenfour.storage.SurveyTally;

/**
 * A closed survey's results, suppressed exactly like the program report: nothing under k
 * respondents; then the respondents are the total, each question a table of its choices (and "no
 * answer") that adds up to it (or, for "any that apply", at least covers it), and {@link
 * Suppression} hides what could be narrowed down.
 */
final class SurveyResults {
    private static final Words ENGLISH = Words.in(Language.EN);

    private SurveyResults() {}

    /** The results as coordinators read them. */
    static String text(Survey s, List<SurveyTally> tallies, int k) {
        QuestionSet set = QuestionSet.of(s.questionSet()).orElseThrow();
        String head =
                "*Survey "
                        + s.number()
                        + "* — "
                        + set.description()
                        + ", "
                        + s.openedOn()
                        + " to "
                        + s.closeDay()
                        + "\n";
        if (s.respondents() < k) {
            return head
                    + "Fewer than "
                    + k
                    + " people answered, so no results are shown: with so few, an answer could"
                    + " be told apart.";
        }
        Map<String, Integer> count =
                tallies.stream()
                        .collect(
                                Collectors.toMap(
                                        t -> t.question() + "/" + t.choice(),
                                        SurveyTally::answers));
        List<Suppression.Table> tables = new ArrayList<>();
        for (Question q : set.questions()) {
            List<Integer> cells = new ArrayList<>();
            for (String choice : choices(q)) {
                cells.add(count.getOrDefault(q.id() + "/" + choice, 0));
            }
            tables.add(
                    new Suppression.Table(
                            q.multi()
                                    ? Suppression.Relation.MULTI_SELECT
                                    : Suppression.Relation.PARTITION,
                            cells));
        }
        Suppression.Result result = new Suppression(k).apply(s.respondents(), tables);
        StringBuilder text =
                new StringBuilder(head)
                        .append("Respondents: ")
                        .append(result.total().text(k))
                        .append('\n');
        for (int i = 0; i < set.questions().size(); i++) {
            Question q = set.questions().get(i);
            List<String> labels = labels(q);
            List<Cell> cells = result.tables().get(i);
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                parts.add(labels.get(c) + ": " + cells.get(c).text(k));
            }
            text.append("\n*")
                    .append(q.text(ENGLISH))
                    .append("*\n")
                    .append(String.join(" · ", parts));
        }
        text.append(
                "\n\n<"
                        + k
                        + " means fewer than "
                        + k
                        + " (0 included); – hides a number that would let a small one be worked"
                        + " out.");
        return text.toString();
    }

    private static List<String> choices(Question q) {
        List<String> ids = new ArrayList<>(q.choices());
        ids.add(Question.NO_ANSWER);
        return ids;
    }

    /** The choices' names for coordinators, who read English. */
    private static List<String> labels(Question q) {
        List<String> labels =
                new ArrayList<>(q.choices().stream().map(c -> Question.label(ENGLISH, c)).toList());
        labels.add("No answer");
        return labels;
    }
}

package org.tenfour.bot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** The anonymous program survey end to end through the domain, the outbox and the buttons. */
@ExtendWith(PostgresExtension.class)
class SurveyFlowTest {
    /** Wednesday 25 November 2026, 6 AM in Chicago: before the agency's hours. */
    private static final Instant WEDNESDAY_6AM_CHICAGO = Instant.parse("2026-11-25T12:00:00Z");

    private final TestProgram p;

    SurveyFlowTest(TestDatabase db) {
        p = new TestProgram(db, WEDNESDAY_6AM_CHICAGO);
        for (int i = 1; i <= 7; i++) {
            p.platform.profile("UM" + i, new UserProfile("Member " + i, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add " + members(7));
        p.tenfour("UM7", null, "optout");
    }

    static String members(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("<@UM").append(i).append("> ");
        }
        return s.toString().strip();
    }

    static String text(Reply reply) {
        return reply instanceof Reply.FormAccepted a
                ? a.confirmation().text()
                : ((Reply.Private) reply).message().text();
    }

    /** Delivers what is due once the agency's hours have begun. */
    private void deliverInHours() {
        p.deliver();
        p.clock.set(Instant.parse("2026-11-25T15:00:00Z"));
        p.deliver();
    }

    private Reply answer(String user, Map<String, List<String>> values) {
        RecordingPlatform.Sent invitation = p.lastWithButton(user, SurveyCommands.ANSWER);
        Reply opened = p.press(user, invitation, SurveyCommands.ANSWER);
        if (!(opened instanceof Reply.ShowForm form)) {
            return opened;
        }
        return p.submit(user, SurveyCommands.FORM, values, form.form().context());
    }

    static Map<String, List<String>> needs(String knows, String wouldUse, String... barriers) {
        Map<String, List<String>> v = new HashMap<>();
        v.put("knows", List.of(knows));
        v.put("would_use", List.of(wouldUse));
        v.put("barriers", List.of(barriers));
        return v;
    }

    private List<RecordingPlatform.Sent> invitations(String user) {
        return p.platform.to(user).stream()
                .filter(
                        s ->
                                s.message().buttons().stream()
                                        .anyMatch(b -> b.actionId().equals(SurveyCommands.ANSWER)))
                .toList();
    }

    @Test
    void every_enrolled_member_who_has_not_opted_out_gets_it_once_in_their_own_hours() {
        String started = text(p.coordinator("UADMIN", "survey start needs 10"));
        assertThat(started)
                .contains("Survey 1 (a needs survey)")
                .contains("closes at the end of 2026-12-04")
                .doesNotContainPattern("\\b6\\b");

        p.deliver();
        assertThat(invitations("UM1")).as("not before the agency's hours").isEmpty();
        deliverInHours();
        for (int i = 1; i <= 6; i++) {
            assertThat(invitations("UM" + i)).as("UM" + i).hasSize(1);
        }
        assertThat(invitations("UM7")).as("opted out").isEmpty();
        assertThat(invitations("UM1").get(0).message().text())
                .contains("anonymous survey")
                .contains("not your name, not which answers were yours, not when you answered")
                .contains("at least 5 people");

        assertThat(text(p.coordinator("UADMIN", "survey start needs"))).contains("still open");
        assertThat(text(p.coordinator("UADMIN", "survey start feedback"))).contains("Survey 2");
    }

    @Test
    void a_member_answers_once_and_only_totals_are_kept() {
        p.coordinator("UADMIN", "survey start needs");
        deliverInHours();

        assertThat(text(answer("UM1", needs("yes", "maybe", "stigma", "time"))))
                .contains("added to the totals, without your name");
        assertThat(text(answer("UM1", needs("no", "no")))).contains("already answered");
        RecordingPlatform.Sent invitation = p.lastWithButton("UM1", SurveyCommands.ANSWER);
        assertThat(
                        text(
                                p.submit(
                                        "UM1",
                                        SurveyCommands.FORM,
                                        needs("no", "no"),
                                        invitation.message().buttons().get(0).value())))
                .as("a second submission of the form")
                .contains("already answered");

        Map<String, Integer> totals = totals();
        assertThat(totals)
                .containsEntry("knows/yes", 1)
                .containsEntry("knows/no", 0)
                .containsEntry("would_use/maybe", 1)
                .containsEntry("barriers/stigma", 1)
                .containsEntry("barriers/time", 1)
                .containsEntry("reach/no_answer", 1)
                .containsEntry("prefer/no_answer", 1);
        assertThat(
                        p.jdbi.<Integer, RuntimeException>withHandle(
                                h ->
                                        h.createQuery("select respondents from survey")
                                                .mapTo(Integer.class)
                                                .one()))
                .isEqualTo(1);
    }

    @Test
    void a_bad_answer_is_refused_field_by_field_and_counts_nothing() {
        p.coordinator("UADMIN", "survey start needs");
        deliverInHours();
        Reply r = answer("UM1", needs("perhaps", "yes", "stigma", "stigma", "moon"));
        assertThat(r).isInstanceOf(Reply.FormErrors.class);
        assertThat(((Reply.FormErrors) r).errors()).containsOnlyKeys("knows", "barriers");
        assertThat(totals().values()).containsOnly(0);
    }

    @Test
    void results_come_only_after_the_close_and_only_from_k_respondents() {
        p.coordinator("UADMIN", "survey start needs");
        deliverInHours();
        for (int i = 1; i <= 4; i++) {
            answer("UM" + i, needs("yes", "yes", "confidentiality"));
        }
        assertThat(text(p.coordinator("UADMIN", "survey results 1")))
                .contains("is open until")
                .doesNotContain("Respondents");
        assertThat(text(p.coordinator("UADMIN", "survey list")))
                .contains("open (no counts until it closes)")
                .doesNotContain("4 answered");
        assertThat(text(p.coordinator("UADMIN", "survey close 1"))).contains("closed");
        assertThat(text(answer("UM5", needs("yes", "yes")))).contains("has closed");
        assertThat(text(p.coordinator("UADMIN", "survey results 1")))
                .contains("Fewer than 5 people answered")
                .doesNotContain("Respondents");
        assertThat(text(p.coordinator("UADMIN", "survey list"))).contains("fewer than 5 answered");
    }

    @Test
    void results_with_enough_respondents_are_suppressed_like_the_reports() {
        p.coordinator("UADMIN", "survey start needs 3");
        deliverInHours();
        for (int i = 1; i <= 5; i++) {
            answer("UM" + i, needs("yes", "yes", "stigma"));
        }
        answer("UM6", needs("no", "no", "career"));
        SurveyCommands hourly = new SurveyCommands(p.store, p.clock);
        assertThat(hourly.forgetClosedMarks()).as("open: the marks stay").isZero();
        p.clock.advance(Duration.ofDays(3));
        assertThat(hourly.forgetClosedMarks()).as("closed by date: the marks go").isEqualTo(6);

        String results = text(p.coordinator("UADMIN", "survey results 1"));
        assertThat(results)
                .contains("Respondents: 6")
                .contains("*Did you know your agency has a peer support program?*");
        String knows = results.lines().filter(l -> l.startsWith("Yes: ")).findFirst().orElseThrow();
        // 5 yes, 1 no, 0 no answer: showing the 5 would tell that the two small ones add up to 1
        assertThat(knows).doesNotContain("Yes: 5").doesNotContain("No: 1").contains("No: ");
        assertThat(results).doesNotContain("Nothing holds me back: 0");
    }

    @Test
    void members_cannot_run_surveys_and_mistakes_get_the_right_form() {
        assertThat(text(p.tenfour("UM1", null, "survey start needs")))
                .contains("Only the program's coordinators");
        assertThat(text(p.coordinator("UADMIN", "survey start opinions")))
                .contains("`survey start needs`");
        assertThat(text(p.coordinator("UADMIN", "survey start needs 90")))
                .contains("from 1 to 60 days");
        assertThat(text(p.coordinator("UADMIN", "survey results 9")))
                .contains("no survey number 9");
        assertThat(text(p.coordinator("UADMIN", "survey list"))).contains("No surveys yet");
    }

    @Test
    void the_month_report_names_the_surveys_that_closed_in_it() {
        p.coordinator("UADMIN", "survey start feedback 5");
        deliverInHours();
        for (int i = 1; i <= 6; i++) {
            answer("UM" + i, Map.of("helpful", List.of("yes")));
        }
        p.clock.set(Instant.parse("2026-12-02T15:00:00Z"));
        int before = p.platform.to(TestProgram.COORDINATOR_CHANNEL).size();
        p.coordinator("UADMIN", "report month");
        p.deliver();
        List<RecordingPlatform.Sent> posted = p.platform.to(TestProgram.COORDINATOR_CHANNEL);
        assertThat(posted.subList(before, posted.size()))
                .anyMatch(
                        s ->
                                s.message().notes().stream()
                                        .anyMatch(
                                                n ->
                                                        n.contains(
                                                                        "Survey 1 (feedback) closed: 6 respondents")
                                                                && n.contains(
                                                                        "/tenfour survey results 1")));
    }

    private Map<String, Integer> totals() {
        Map<String, Integer> totals = new HashMap<>();
        p.jdbi.useHandle(
                h ->
                        h.createQuery(
                                        "select question || '/' || choice as k, answers from survey_tally")
                                .map(
                                        (rs, ctx) ->
                                                Map.entry(rs.getString("k"), rs.getInt("answers")))
                                .forEach(e -> totals.put(e.getKey(), e.getValue())));
        return totals;
    }
}

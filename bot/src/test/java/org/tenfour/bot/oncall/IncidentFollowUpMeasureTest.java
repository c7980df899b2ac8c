package org.tenfour.bot.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.checkin.CheckInMessages;
import org.tenfour.bot.privacy.PrivacyRetention;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.IncidentMeasures;
import org.tenfour.storage.Incidents;
import org.tenfour.storage.KeyCount;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The incident follow-up measure on a real PostgreSQL: who of the people involved had a peer
 * contact within 72 hours and within 7 days, counted once per member from an answered follow-up
 * check-in or the lead peer's log, in elapsed time across a change of clocks, and kept only as
 * numbers.
 */
@ExtendWith(PostgresExtension.class)
class IncidentFollowUpMeasureTest {
    private final TestDatabase db;
    private TestProgram p;
    private UUID incidentId;

    IncidentFollowUpMeasureTest(TestDatabase db) {
        this.db = db;
    }

    private void program(Instant start) {
        p = new TestProgram(db, start);
        for (String u : List.of("UM1", "UM2", "UM3", "UP1", "UP2")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "cadence off");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2> <@UM3>");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
        p.coordinator("UADMIN", "oncall add <@UP1> <@UP2>");
        p.deliver();
    }

    /** An incident for {@code people}, taken by UP1 (the on-call peer), who leads it. */
    private void incidentLedByUp1(String... people) {
        StringBuilder text = new StringBuilder("incident \"Vehicle fire, Route 9\"");
        for (String person : people) {
            text.append(" <@").append(person).append(">");
        }
        p.coordinator("UADMIN", text.toString());
        incidentId = p.jdbi.onDemand(Incidents.class).open(p.agency().id()).get(0).id();
        p.deliver();
        p.press("UP1", p.lastWithButton("UP1", IncidentCallOut.TAKE), IncidentCallOut.TAKE);
        p.deliver();
    }

    private static Map<String, List<String>> log(String who) {
        return Map.of(
                IncidentLogs.WHO,
                List.of(who),
                "contact_type",
                List.of("critical_incident_follow_up"),
                "topics",
                List.of("critical_incident"),
                "duration",
                List.of("30_60"),
                "referrals",
                List.of("none"));
    }

    /** The lead's "Log a contact", filled in for {@code member}. */
    private Reply logContact(String member) {
        RecordingPlatform.Sent lead = p.lastWithButton("UP1", IncidentLogs.LOG);
        Reply shown = p.press("UP1", lead, IncidentLogs.LOG);
        assertThat(shown).isInstanceOf(Reply.ShowForm.class);
        Form form = ((Reply.ShowForm) shown).form();
        return p.submit(
                "UP1", form.formId(), log(p.member(member).id().toString()), form.context());
    }

    private List<KeyCount> measure(String from, String to) {
        return p.jdbi.onDemand(IncidentMeasures.class)
                .byWindowEnd(p.agency().id(), LocalDate.parse(from), LocalDate.parse(to));
    }

    private static List<KeyCount> counts(int involved, int within72h, int within7d, int later) {
        return List.of(
                new KeyCount("involved", involved),
                new KeyCount("within_72h", within72h),
                new KeyCount("within_7d", within7d),
                new KeyCount("later", later));
    }

    @Test
    void the_72_hours_are_elapsed_hours_across_the_end_of_daylight_saving_time() {
        // Saturday 31 October 2026, 22:00 in Chicago; the clocks go back an hour at 02:00 on Sunday
        program(Instant.parse("2026-11-01T03:00:00Z"));
        incidentLedByUp1("UM1", "UM2");

        // Tuesday 20:30 is 71.5 hours later (the wall clock says 70.5)
        p.clock.set(Instant.parse("2026-11-04T02:30:00Z"));
        assertThat(logContact("UM1")).isInstanceOf(Reply.FormAccepted.class);
        // Tuesday 21:30 is 72.5 hours later (the wall clock says 71.5): not within 72 hours
        p.clock.set(Instant.parse("2026-11-04T03:30:00Z"));
        assertThat(logContact("UM2")).isInstanceOf(Reply.FormAccepted.class);

        assertThat(measure("2026-11-01", "2026-11-30")).isEqualTo(counts(2, 1, 1, 0));
        assertThat(p.jdbi.onDemand(Incidents.class).find(p.agency().id(), incidentId)).isPresent();
    }

    @Test
    void an_answered_follow_up_check_in_counts_its_member_once_and_a_later_one_within_7_days() {
        // Tuesday 1 December 2026, 09:00 in Chicago
        program(Instant.parse("2026-12-01T15:00:00Z"));
        incidentLedByUp1("UM1", "UM2", "UM3");

        p.clock.advance(Duration.ofHours(26)); // the +24 h check-ins go out
        p.deliver();
        p.press("UM1", p.lastWithButton("UM1", CheckInMessages.OK), CheckInMessages.OK);
        assertThat(logContact("UM1"))
                .as("the lead's log of the same member")
                .isInstanceOf(Reply.FormAccepted.class);
        assertThat(measure("2026-12-01", "2026-12-31")).isEqualTo(counts(3, 1, 0, 2));

        p.clock.set(Instant.parse("2026-12-07T16:00:00Z")); // Monday, 145 hours later
        p.deliver();
        p.press("UM2", p.lastWithButton("UM2", CheckInMessages.OK), CheckInMessages.OK);
        assertThat(measure("2026-12-01", "2026-12-31")).isEqualTo(counts(3, 1, 1, 1));

        p.clock.set(Instant.parse("2026-12-09T16:00:00Z")); // past the 7 days
        assertThat(logContact("UM3")).isInstanceOf(Reply.FormAccepted.class);
        assertThat(measure("2026-12-01", "2026-12-31"))
                .as("a contact after 7 days is logged but not counted")
                .isEqualTo(counts(3, 1, 1, 1));
    }

    @Test
    void only_the_lead_logs_an_incident_contact_and_only_with_someone_involved() {
        program(Instant.parse("2026-12-01T15:00:00Z"));
        incidentLedByUp1("UM1");
        String context = incidentId.toString();

        Reply notLead =
                p.submit(
                        "UP2", IncidentLogs.FORM_ID, log(p.member("UM1").id().toString()), context);
        assertThat(notLead.toString()).contains("Only the incident's lead peer");

        Reply stranger =
                p.submit(
                        "UP1", IncidentLogs.FORM_ID, log(p.member("UM3").id().toString()), context);
        assertThat(stranger).isInstanceOf(Reply.FormErrors.class);
        assertThat(((Reply.FormErrors) stranger).errors()).containsKey(IncidentLogs.WHO);

        Reply form = p.press("UP1", p.lastWithButton("UP1", IncidentLogs.LOG), IncidentLogs.LOG);
        Field who = ((Reply.ShowForm) form).form().fields().get(0);
        assertThat(who.options())
                .extracting(Field.Option::value)
                .containsExactly(p.member("UM1").id().toString());
        assertThat(measure("2026-12-01", "2026-12-31")).isEqualTo(counts(1, 0, 0, 1));
    }

    @Test
    void the_marks_go_once_the_window_is_over_and_the_month_report_shows_the_measure_suppressed() {
        program(Instant.parse("2026-12-01T15:00:00Z"));
        incidentLedByUp1("UM1", "UM2");
        assertThat(logContact("UM1")).isInstanceOf(Reply.FormAccepted.class);
        int marks =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery("select count(*) from incident_contact_mark")
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(marks).isEqualTo(1);

        p.clock.set(Instant.parse("2027-01-04T15:00:00Z"));
        new PrivacyRetention(p.store, p.clock).run();
        int left =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery("select count(*) from incident_contact_mark")
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(left).isZero();
        assertThat(measure("2026-12-01", "2026-12-31")).isEqualTo(counts(2, 1, 0, 1));

        p.platform.clear();
        p.coordinator("UADMIN", "report month");
        p.deliver();
        String posted =
                p.platform.to(TestProgram.COORDINATOR_CHANNEL).stream()
                        .map(
                                s ->
                                        s.message().text()
                                                + "\n"
                                                + String.join("\n", s.message().notes()))
                        .reduce("", String::concat);
        assertThat(posted)
                .contains("*Incident follow-up*:")
                .contains("Within 72 hours <5")
                .contains("Not within 7 days <5");
    }
}

package org.tenfour.bot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.checkin.CheckInMessages;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** The resource directory end to end through the domain: coordinators keep it, members read it. */
@ExtendWith(PostgresExtension.class)
class ResourceDirectoryTest {
    private final TestProgram p;

    ResourceDirectoryTest(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T12:00:00Z"));
        for (String u : List.of("UM1", "UM2", "UP1")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2>");
        p.coordinator("UADMIN", "peers add <@UP1>");
        p.coordinator("UADMIN", "crisis-lines \"988 Suicide & Crisis Lifeline: call or text 988\"");
    }

    private static Message message(Reply reply) {
        return reply instanceof Reply.FormAccepted a
                ? a.confirmation()
                : ((Reply.Private) reply).message();
    }

    private static String text(Reply reply) {
        return message(reply).text();
    }

    private void directory() {
        p.coordinator(
                "UADMIN",
                "resources add \"Employee Assistance Program\" \"call 555-0100, 24/7\" category:eap");
        p.coordinator(
                "UADMIN",
                "resources add \"Chaplain Ruiz\" \"555-0199, any hour\" category:chaplain shared");
        p.coordinator(
                "UADMIN",
                "resources add \"Dr. Lane, trauma therapist\" \"555-0142\" category:clinician");
    }

    @Test
    void coordinators_keep_the_directory_and_members_see_it_grouped_by_category() {
        directory();

        Message read = message(p.tenfour("UM1", null, "resources"));
        assertThat(read.notes()).containsExactly("988 Suicide & Crisis Lifeline: call or text 988");
        String member = read.text();
        assertThat(member)
                .contains(
                        "*EAP / behavioural health*\n• *Employee Assistance Program* — call 555-0100, 24/7")
                .contains("*Chaplains*\n• *Chaplain Ruiz* — 555-0199, any hour")
                .contains("does not record who reads this")
                .doesNotContain("1.")
                .doesNotContain("shared with partners");
        assertThat(member.indexOf("EAP")).isLessThan(member.indexOf("Counsellors"));
        assertThat(text(p.tenfour("UM1", null, "resources chaplain")))
                .contains("Chaplain Ruiz")
                .doesNotContain("Employee Assistance");
        assertThat(text(p.tenfour("UM1", null, "resources legal")))
                .contains("Nothing listed under Legal yet");

        String coordinator = text(p.coordinator("UADMIN", "resources"));
        assertThat(coordinator)
                .contains("1. *Employee Assistance Program*")
                .contains("2. *Chaplain Ruiz* — 555-0199, any hour _(shared with partners)_")
                .contains("resources remove N");
        assertThat(text(p.coordinator("UADMIN", "resources unshare 2")))
                .contains("your agency only");
        assertThat(text(p.coordinator("UADMIN", "resources remove 1")))
                .contains("Removed \"Employee Assistance Program\"");
        assertThat(text(p.tenfour("UM1", null, "resources")))
                .doesNotContain("Employee Assistance")
                .contains("Chaplain Ruiz");
        assertThat(p.jdbi.onDemand(AuditLog.class).recent(p.agency().id(), 20))
                .filteredOn(e -> e.action().equals("resources"))
                .hasSize(5);
    }

    @Test
    void only_coordinators_in_their_channel_change_it_and_mistakes_get_the_right_form() {
        assertThat(text(p.tenfour("UM1", null, "resources add \"X\" \"Y\" category:eap")))
                .contains("Only the program's coordinators");
        assertThat(text(p.tenfour("UADMIN", null, "resources add \"X\" \"Y\" category:eap")))
                .contains("coordinator channel");
        assertThat(text(p.coordinator("UADMIN", "resources add \"X\" \"Y\" category:yoga")))
                .contains("I don't know the category `yoga`")
                .contains("eap|clinician|chaplain");
        assertThat(text(p.coordinator("UADMIN", "resources add EAP")))
                .contains("double quotes")
                .contains("Usage: `/tenfour");
        assertThat(
                        text(
                                p.coordinator(
                                        "UADMIN",
                                        "resources add \""
                                                + "n".repeat(81)
                                                + "\" \"Y\" category:eap")))
                .contains("80 characters");
        assertThat(text(p.coordinator("UADMIN", "resources remove 7")))
                .contains("no entry number 7");
        assertThat(text(p.tenfour("UM1", null, "resources yoga"))).contains("Categories: eap|");
        assertThat(text(p.tenfour("UM1", null, "resources")))
                .contains("have not listed any resources yet");
        assertThat(text(p.tenfour("UM1", null, "help"))).contains("/tenfour resources");
        assertThat(Subcommand.RESOURCES.usage())
                .as("the usage names every category")
                .contains("category:" + Category.codes() + " ");
    }

    @Test
    void after_a_check_in_answer_the_member_sees_the_general_help_beneath_the_crisis_lines() {
        directory();
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.clock.set(Instant.parse("2026-11-25T16:00:00Z"));
        p.deliver();

        List<String> talk =
                message(
                                p.press(
                                        "UM1",
                                        p.lastWithButton("UM1", CheckInMessages.TALK),
                                        CheckInMessages.TALK))
                        .notes();
        assertThat(talk.get(0)).startsWith("988");
        assertThat(talk)
                .contains(
                        "EAP / behavioural health: *Employee Assistance Program* — call 555-0100, 24/7",
                        "Counsellors and clinicians: *Dr. Lane, trauma therapist* — 555-0142",
                        "More help: `/tenfour resources`")
                .noneMatch(n -> n.contains("Chaplain"));
        List<String> notNow =
                message(
                                p.press(
                                        "UM2",
                                        p.lastWithButton("UM2", CheckInMessages.NOT_NOW),
                                        CheckInMessages.NOT_NOW))
                        .notes();
        assertThat(notNow).anyMatch(n -> n.contains("Employee Assistance Program"));
    }

    @Test
    void a_request_about_grief_shows_the_chaplain_and_the_clinician() {
        directory();
        Message asked =
                message(
                        p.submit(
                                "UM1",
                                "connect.ask",
                                Map.of(
                                        "who", List.of("internal"),
                                        "urgency", List.of("today"),
                                        "contact", List.of("chat"),
                                        "topic", List.of("grief")),
                                ""));
        assertThat(asked.notes())
                .contains("Chaplains: *Chaplain Ruiz* — 555-0199, any hour")
                .anyMatch(n -> n.contains("Dr. Lane"))
                .noneMatch(n -> n.contains("Employee Assistance"));
    }

    @Test
    void a_peer_logging_a_referral_sees_where_to_send_the_member_and_the_log_keeps_only_the_code() {
        directory();
        Message saved =
                message(
                        p.submit(
                                "UP1",
                                "log",
                                Map.of(
                                        "contact_type", List.of("member_request"),
                                        "topics", List.of("grief"),
                                        "duration", List.of("15_30"),
                                        "referrals", List.of("chaplain")),
                                ""));
        assertThat(saved.notes())
                .contains(
                        "For your referral, from the resource directory:",
                        "Chaplains: *Chaplain Ruiz* — 555-0199, any hour")
                .noneMatch(n -> n.contains("Employee Assistance"));
        String row =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery("select row_to_json(l)::text from interaction_log l")
                                        .mapTo(String.class)
                                        .one());
        assertThat(row).contains("chaplain").doesNotContain("Ruiz").doesNotContain("555");

        Message none =
                message(
                        p.submit(
                                "UP1",
                                "log",
                                Map.of(
                                        "contact_type", List.of("member_request"),
                                        "topics", List.of("stress"),
                                        "duration", List.of("15_30"),
                                        "referrals", List.of("none")),
                                ""));
        assertThat(none.notes()).noneMatch(n -> n.contains("resource directory"));
    }

    @Test
    void reading_the_directory_writes_nothing_anywhere() {
        directory();
        p.deliver();
        String before = snapshot();
        p.tenfour("UM1", null, "resources");
        p.tenfour("UM2", null, "resources chaplain");
        p.deliver();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every product table's rows, as a DBA would dump them. */
    private String snapshot() {
        return p.jdbi.withHandle(
                h -> {
                    StringBuilder all = new StringBuilder();
                    for (String table :
                            h.createQuery(
                                            "select table_name from information_schema.tables where table_schema = current_schema() "
                                                    + "and table_type = 'BASE TABLE' and table_name not like 'qrtz%' order by 1")
                                    .mapTo(String.class)
                                    .list()) {
                        all.append(table).append('\n');
                        h.createQuery("select row_to_json(x)::text from " + table + " x order by 1")
                                .mapTo(String.class)
                                .forEach(r -> all.append(r).append('\n'));
                    }
                    return all.toString();
                });
    }
}

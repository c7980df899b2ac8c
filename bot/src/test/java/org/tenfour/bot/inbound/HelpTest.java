package org.tenfour.bot.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Help by role and task, {@code help <command>}, and "did you mean" for a typo. */
@ExtendWith(PostgresExtension.class)
class HelpTest {
    private TestProgram p;

    @BeforeEach
    void program(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UPEER>");
    }

    @Test
    void a_member_sees_the_few_things_a_member_does_with_peer_first_and_no_coordinator_commands() {
        String help = text(p.tenfour("UMEMBER", null, "help"));

        assertThat(help.indexOf("`/peer")).as("/peer comes first").isPositive();
        assertThat(help.indexOf("`/peer")).isLessThan(help.indexOf("`/tenfour "));
        assertThat(help)
                .contains("*Talk to a peer*", "*Your check-ins*", "*Your data*")
                .contains("`/tenfour optout`", "`/tenfour mydata`", "`/tenfour peers`")
                .contains("`/tenfour help <command>`")
                .contains("admission of a crime")
                .doesNotContain("setup", "refer", "peers add", "cadence", "For peer supporters")
                .doesNotContain("For coordinators", "/tenfour log");
        assertThat(help.lines().filter(l -> l.startsWith("• ")).count())
                // 13 since `resources` (where else to get help) joined `oncall now`
                .as("a member's list stays short")
                .isLessThanOrEqualTo(13);
    }

    @Test
    void peers_and_coordinators_get_sections_of_their_own() {
        String peer = text(p.tenfour("UPEER", null, "help"));
        assertThat(peer)
                .contains("*For peer supporters*", "`/tenfour log | log list`", "`/tenfour away")
                .doesNotContain("For coordinators");

        String coordinator = text(p.coordinator("UADMIN", "help"));
        assertThat(coordinator)
                .contains("*For coordinators* (in the coordinator channel)")
                .contains("Set the program up:", "Who is in the program:", "Counts and reports:")
                .contains("`/tenfour cadence every 30 days|weekly|every 2 weeks|monthly|off`")
                .contains("`/tenfour peers add|remove @user …`", "`/tenfour refer @member`")
                .contains("`/tenfour optout`");
        assertThat(coordinator.indexOf("*Talk to a peer*"))
                .as("the member's part comes first, for coordinators too")
                .isLessThan(coordinator.indexOf("*For coordinators*"));
    }

    @Test
    void help_with_a_command_explains_that_command() {
        assertThat(text(p.tenfour("UMEMBER", null, "help peers")))
                .contains("`/tenfour peers` — who the peer supporters are")
                .contains("`/tenfour peers add|remove @user …`")
                .contains("peer directory")
                .contains("For everyone.");
        assertThat(text(p.tenfour("UMEMBER", null, "help cadence")))
                .contains("`/tenfour cadence every 30 days|weekly")
                .contains("For coordinators, in the coordinator channel.");
        assertThat(text(p.tenfour("UMEMBER", null, "help /peer")))
                .contains("`/peer [now|today|week]`");
        assertThat(text(p.tenfour("UMEMBER", null, "help frobnicate")))
                .contains("I don't know `frobnicate`.")
                .contains("Try `/tenfour help`");
    }

    @Test
    void a_typo_gets_did_you_mean_with_the_closest_command_the_caller_may_use() {
        assertThat(text(p.coordinator("UADMIN", "stauts")))
                .isEqualTo("I don't know `stauts`. Did you mean `/tenfour status`?");
        assertThat(text(p.tenfour("UMEMBER", null, "optuot")))
                .contains("Did you mean `/tenfour optout`?");
        assertThat(text(p.tenfour("UMEMBER", null, "stauts")))
                .as("a member is not pointed at a coordinator command")
                .doesNotContain("status")
                .contains("Try `/tenfour help`");
        assertThat(text(p.tenfour("UMEMBER", null, "help mydta")))
                .contains("Did you mean `/tenfour mydata`?");
        assertThat(text(p.tenfour("UMEMBER", null, "frobnicate"))).doesNotContain("Did you mean");
    }

    @Test
    void in_teams_help_names_the_words_in_the_neutral_notation_the_teams_adapter_renders() {
        Address teamsUser =
                new Address(
                        Platform.TEAMS,
                        "tenant-1",
                        Address.Kind.USER,
                        "29:member",
                        "https://smba.example/",
                        "a:chat");
        Reply reply =
                p.inbound.handle(
                        new InboundEvent.Command(
                                new Actor(teamsUser, false), "tenfour", "help", teamsUser, null));
        // the same text as on Slack: TeamsTextTest and TeamsConversationTest show how Teams shows
        // it
        assertThat(text(reply))
                .contains(
                        "Type `/peer` to talk to a trained peer",
                        "`/tenfour optout`",
                        "`/tenfour help <command>`");
    }

    @Test
    void edits_count_a_swap_of_two_neighbours_as_one() {
        assertThat(Help.distance("stauts", "status")).isEqualTo(1);
        assertThat(Help.distance("status", "status")).isZero();
        assertThat(Help.distance("repotr", "report")).isEqualTo(1);
        assertThat(Help.distance("frobnicate", "profile")).isGreaterThan(2);
    }

    private static String text(Reply reply) {
        return reply instanceof Reply.Private r ? r.message().text() : "";
    }
}

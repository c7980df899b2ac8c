package org.tenfour.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundEvent.MembershipChanged.Change;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.AuditEntry;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Installing is not authority: through the real router on real PostgreSQL, only a team (Teams) or
 * OAuth-admin (Slack) installer may run the first setup, within seven days; personal and org-wide
 * installs grant nothing; coordinators see and revoke grants; every step is in the audit log.
 */
@ExtendWith(PostgresExtension.class)
class InstallAuthorityTest {
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final String TENANT = "tenant-fd7";

    private final TestProgram p;

    InstallAuthorityTest(TestDatabase db) {
        this.p = new TestProgram(db, T0);
    }

    private static Address teamsUser(String id) {
        return Address.user(Platform.TEAMS, TENANT, id);
    }

    private static Address teamsChannel(String id) {
        return Address.channel(Platform.TEAMS, TENANT, id);
    }

    private void teamsInstall(String user, Address where) {
        p.inbound.handle(
                new InboundEvent.MembershipChanged(
                        new Actor(teamsUser(user), false), Change.BOT_INSTALLED, where));
    }

    private Reply teams(String user, String channel, String text) {
        return p.inbound.handle(
                new InboundEvent.Command(
                        new Actor(teamsUser(user), false),
                        "tenfour",
                        text,
                        channel == null ? teamsUser(user) : teamsChannel(channel),
                        null));
    }

    private static String text(Reply reply) {
        return reply.toString();
    }

    @Test
    void personal_and_org_wide_installs_grant_nothing() {
        // an org-wide setup policy installs the app for every member: personal scope, one by one
        for (String member : List.of("U1", "U2", "U3")) {
            teamsInstall(member, teamsUser(member));
        }
        assertThat(text(teams("U2", "19:coord", "setup")))
                .contains("Only the person who installed");
        assertThat(text(teams("U2", "19:coord", "status")))
                .contains("Only the program's coordinators");
    }

    @Test
    void the_team_installer_runs_the_first_setup_and_nobody_gets_lasting_power() {
        teamsInstall("UINSTALL", teamsChannel("19:general"));
        teamsInstall("UOTHER", teamsChannel("19:other-team"));

        assertThat(text(teams("UOTHER", "19:coord", "foo"))).doesNotContain("coordinator channel");
        assertThat(text(teams("UINSTALL", "19:coord", "setup")))
                .contains("This is now the coordinator channel");

        assertThat(text(teams("UOTHER", "19:elsewhere", "setup")))
                .as("the other installer's grant is void once setup ran")
                .contains("only a coordinator can move it");
        assertThat(text(teams("UINSTALL", "19:coord", "grants")))
                .contains("used to set up the coordinator channel")
                .contains("void (someone else ran the first setup)");
        List<AuditEntry> audit =
                p.jdbi.onDemand(AuditLog.class)
                        .recent(
                                p.jdbi.onDemand(Agencies.class)
                                        .findByWorkspace("teams", TENANT)
                                        .orElseThrow()
                                        .id(),
                                20);
        assertThat(audit)
                .extracting(AuditEntry::action)
                .contains("setup grant", "coordinator channel");
    }

    @Test
    void a_grant_expires_after_seven_days() {
        teamsInstall("UINSTALL", teamsChannel("19:general"));
        p.clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(text(teams("UINSTALL", "19:coord", "setup"))).contains("within 7 days");
    }

    @Test
    void an_install_while_coordinators_exist_is_shown_to_them_grants_nothing_and_can_be_revoked() {
        teamsInstall("UINSTALL", teamsChannel("19:general"));
        teams("UINSTALL", "19:coord", "setup");
        teamsInstall("ULATE", teamsChannel("19:another-team"));

        assertThat(text(teams("ULATE", "19:another-team", "setup")))
                .contains("only a coordinator can move it");
        assertThat(text(teams("UINSTALL", "19:coord", "grants")))
                .contains("<@ULATE>")
                .contains("open until");
        assertThat(text(teams("UINSTALL", "19:coord", "grants revoke")))
                .contains("Revoked 1 grant");
        assertThat(text(teams("UINSTALL", "19:coord", "grants"))).contains("revoked");
        assertThat(text(teams("ULATE", "19:coord", "grants")))
                .as("members cannot see grants")
                .contains("Only the program's coordinators");
    }

    @Test
    void a_slack_oauth_installer_who_is_not_a_workspace_admin_cannot_run_setup() {
        p.platform.profile("UPLAIN", new UserProfile("Plain", "America/Chicago", false));
        p.inbound.handle(
                new InboundEvent.MembershipChanged(
                        new Actor(p.user("UPLAIN"), false),
                        Change.BOT_INSTALLED,
                        Address.channel(Platform.SLACK, p.workspace, p.workspace)));
        assertThat(text(p.coordinator("UPLAIN", "setup")))
                .contains("Only the person who installed");

        p.platform.profile("UPLAIN", new UserProfile("Plain", "America/Chicago", true));
        assertThat(text(p.coordinator("UPLAIN", "setup")))
                .as("an admin now, within the grant")
                .contains("This is now the coordinator channel");
    }

    @Test
    void once_an_install_was_seen_a_workspace_admin_without_a_grant_cannot_take_over() {
        p.platform.profile("UINSTALL", new UserProfile("Installer", "America/Chicago", true));
        p.platform.profile("UADMIN2", new UserProfile("Admin", "America/Chicago", true));
        p.inbound.handle(
                new InboundEvent.MembershipChanged(
                        new Actor(p.user("UINSTALL"), false),
                        Change.BOT_INSTALLED,
                        Address.channel(Platform.SLACK, p.workspace, p.workspace)));
        assertThat(text(p.coordinator("UADMIN2", "setup")))
                .contains("Only the person who installed");
        p.coordinator("UINSTALL", "setup");
        assertThat(text(p.tenfour("UADMIN2", "CELSEWHERE", "setup")))
                .as("an admin cannot move the channel away from the coordinators")
                .contains("only a coordinator can move it");
    }
}

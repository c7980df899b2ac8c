package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.adapters.testing.TestVocabulary;

/**
 * The proactive install against a loopback Graph over real HTTP, with the Graph token the fake
 * Entra endpoint issues for Graph's scope (and the Bot Connector's token never sent to Graph).
 */
class TeamsProactiveInstallTest {
    private static final String BOB = "29:user-bob";
    private static final String BOB_AAD = FakeMicrosoft.aadObjectId(BOB);

    private final FakeMicrosoft microsoft = new FakeMicrosoft();
    private final FakeGraph graph = new FakeGraph();
    private final MutableClock clock = new MutableClock(TeamsFixture.NOW);
    private final ConversationReferences references = ConversationReferences.inMemory();
    private final TeamsAdapter adapter = adapter(true);
    private final AppInstaller installer = adapter.installer().orElseThrow();
    private final Address channel =
            new Address(
                    Platform.TEAMS,
                    Activities.TENANT,
                    Address.Kind.CHANNEL,
                    Activities.CHANNEL,
                    microsoft.serviceUrl(),
                    Activities.CHANNEL);

    @AfterEach
    void stop() {
        graph.close();
        microsoft.close();
    }

    private TeamsAdapter adapter(boolean on) {
        TeamsSettings settings =
                on
                        ? microsoft
                                .settings()
                                .withProactiveInstall(
                                        new TeamsSettings.ProactiveInstall(
                                                FakeGraph.CATALOG_ID,
                                                graph.url(),
                                                20,
                                                Duration.ofMinutes(1)))
                        : microsoft.settings();
        return new TeamsAdapter(
                settings,
                e -> org.tenfour.adapters.Reply.none(),
                clock,
                references,
                HttpClient.newHttpClient(),
                Duration.ofSeconds(60),
                ActivityLedger.NONE,
                TestVocabulary.WORDS);
    }

    private static Address user(String id) {
        return new Address(Platform.TEAMS, Activities.TENANT, Address.Kind.USER, id, null, null);
    }

    @Test
    void a_person_without_the_app_gets_it_installed_and_their_chat_becomes_reachable() {
        AppInstaller.Outcome outcome = installer.install(user(BOB), channel);

        assertThat(outcome).isInstanceOf(AppInstaller.Reached.class);
        AppInstaller.Reached reached = (AppInstaller.Reached) outcome;
        assertThat(reached.installedNow()).isTrue();
        assertThat(reached.user().conversationId()).isEqualTo(FakeGraph.chatId(BOB_AAD));
        assertThat(graph.installs(BOB_AAD)).isEqualTo(1);
        assertThat(graph.problems()).isEmpty();
        assertThat(microsoft.tokenRequestProblems).isEmpty();
        assertThat(microsoft.tokenScopes())
                .contains(FakeMicrosoft.GRAPH_SCOPE, FakeMicrosoft.BOT_SCOPE);
        assertThat(references.find(Activities.TENANT, Address.Kind.USER, BOB))
                .hasValueSatisfying(
                        r -> assertThat(r.conversationId()).isEqualTo(FakeGraph.chatId(BOB_AAD)));

        // and a message now reaches them in that chat, through the Bot Connector
        adapter.platform().send(user(BOB), Message.text("Welcome"));
        assertThat(microsoft.posted())
                .anySatisfy(
                        p -> {
                            assertThat(p.conversationId()).isEqualTo(FakeGraph.chatId(BOB_AAD));
                            assertThat(p.text()).contains("Welcome");
                        });
    }

    @Test
    void installing_again_installs_nothing_twice_and_an_install_by_someone_else_is_used_as_it_is() {
        installer.install(user(BOB), channel);
        AppInstaller.Outcome again = installer.install(user(BOB), channel);
        assertThat(again).isInstanceOf(AppInstaller.Reached.class);
        assertThat(((AppInstaller.Reached) again).installedNow()).isFalse();
        assertThat(graph.installs(BOB_AAD)).isEqualTo(1);
        assertThat(graph.calls())
                .filteredOn(c -> c.method().equals("POST"))
                .as("the second call saw the installation and did not post")
                .hasSize(1);

        graph.preinstalled("aad-carol");
        AppInstaller.Outcome carol = installer.install(user("29:user-carol"), channel);
        assertThat(carol).isInstanceOf(AppInstaller.Reached.class);
        assertThat(graph.installs("aad-carol")).isZero();
    }

    @Test
    void a_409_from_a_concurrent_install_counts_as_installed() {
        // another replica installs between our look-up and our post: Graph answers 409
        graph.raceNextInstall("aad-dana");
        AppInstaller.Outcome outcome = installer.install(user("29:user-dana"), channel);
        assertThat(outcome).isInstanceOf(AppInstaller.Reached.class);
        assertThat(((AppInstaller.Reached) outcome).installedNow()).isFalse();
        assertThat(graph.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(1);
        assertThat(graph.installs("aad-dana")).isZero();
        assertThat(references.find(Activities.TENANT, Address.Kind.USER, "29:user-dana"))
                .isPresent();
    }

    @Test
    void a_403_says_which_permission_the_admin_has_not_granted() {
        graph.refuse(true);
        AppInstaller.Outcome outcome = installer.install(user(BOB), channel);
        assertThat(outcome)
                .isEqualTo(
                        new AppInstaller.NotPermitted(
                                "TeamsAppInstallation.ReadWriteSelfForUser.All"));
        assertThat(references.find(Activities.TENANT, Address.Kind.USER, BOB)).isEmpty();
    }

    @Test
    void after_a_429_nothing_goes_to_graph_before_its_retry_after_has_passed() {
        graph.throttle(0, Duration.ofSeconds(30), Duration.ofSeconds(7));
        AppInstaller.Outcome first = installer.install(user(BOB), channel);
        assertThat(first).isEqualTo(new AppInstaller.Throttled(Duration.ofSeconds(7)));
        int calls = graph.calls().size();

        clock.advance(Duration.ofSeconds(6));
        AppInstaller.Outcome early = installer.install(user(BOB), channel);
        assertThat(early).isEqualTo(new AppInstaller.Throttled(Duration.ofSeconds(1)));
        assertThat(graph.calls()).as("no call inside the Retry-After").hasSize(calls);

        clock.advance(Duration.ofSeconds(1));
        installer.install(user(BOB), channel);
        assertThat(graph.calls().size()).as("asked again once it passed").isGreaterThan(calls);
    }

    @Test
    void a_5xx_is_worth_retrying_and_the_retry_finishes_the_install_without_a_second_one() {
        graph.chatless(BOB_AAD);
        AppInstaller.Outcome first = installer.install(user(BOB), channel);
        assertThat(first).isInstanceOf(AppInstaller.Failed.class);
        assertThat(((AppInstaller.Failed) first).retry()).isTrue();
        assertThat(((AppInstaller.Failed) first).reason()).doesNotContain(BOB_AAD, BOB);
        assertThat(graph.isInstalled(BOB_AAD)).isTrue();
        assertThat(references.find(Activities.TENANT, Address.Kind.USER, BOB)).isEmpty();

        graph.chatAgain(BOB_AAD);
        assertThat(installer.install(user(BOB), channel)).isInstanceOf(AppInstaller.Reached.class);
        assertThat(graph.installs(BOB_AAD)).isEqualTo(1);
    }

    @Test
    void someone_the_team_does_not_know_is_not_found_and_graph_is_not_asked() {
        microsoft.notInTeam("29:user-erin");
        assertThat(installer.install(user("29:user-erin"), channel))
                .isInstanceOf(AppInstaller.NotFound.class);
        assertThat(graph.calls()).isEmpty();
    }

    @Test
    void with_the_setting_off_there_is_no_installer_and_no_graph_token_is_asked_for() {
        TeamsAdapter off = adapter(false);
        assertThat(off.installer()).isEmpty();
        off.platform()
                .send(
                        new Address(
                                Platform.TEAMS,
                                Activities.TENANT,
                                Address.Kind.USER,
                                Activities.USER,
                                microsoft.serviceUrl(),
                                Activities.PERSONAL_CONVERSATION),
                        Message.text("hi"));
        assertThat(microsoft.tokenScopes()).containsOnly(FakeMicrosoft.BOT_SCOPE);
        assertThat(graph.calls()).isEmpty();
    }

    @Test
    void the_settings_read_the_opt_in_and_refuse_bad_values_naming_the_variable() {
        Map<String, String> base =
                Map.of(
                        "TEAMS_APP_ID", FakeMicrosoft.CLIENT_ID,
                        "TEAMS_APP_PASSWORD", "x",
                        "TEAMS_TENANT_ID", Activities.TENANT);
        assertThat(TeamsSettings.fromEnvironment(base).orElseThrow().proactiveInstall()).isNull();
        java.util.HashMap<String, String> on = new java.util.HashMap<>(base);
        on.put("TEAMS_PROACTIVE_INSTALL", "on");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TeamsSettings.fromEnvironment(on))
                .hasMessageStartingWith("TEAMS_APP_CATALOG_ID");
        on.put("TEAMS_APP_CATALOG_ID", FakeGraph.CATALOG_ID);
        TeamsSettings.ProactiveInstall install =
                TeamsSettings.fromEnvironment(on).orElseThrow().proactiveInstall();
        assertThat(install.graphUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(install.perMinute()).isEqualTo(20);
        assertThat(install.perPass()).isEqualTo(20);
        on.put("TEAMS_GRAPH_URL", "http://graph.example.org/v1.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TeamsSettings.fromEnvironment(on))
                .hasMessageStartingWith("TEAMS_GRAPH_URL");
        on.remove("TEAMS_GRAPH_URL");
        on.put("TEAMS_PROACTIVE_INSTALL_PER_MINUTE", "0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TeamsSettings.fromEnvironment(on))
                .hasMessageStartingWith("TEAMS_PROACTIVE_INSTALL_PER_MINUTE");
        on.put("TEAMS_PROACTIVE_INSTALL", "yes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TeamsSettings.fromEnvironment(on))
                .hasMessageStartingWith("TEAMS_PROACTIVE_INSTALL ");
    }
}

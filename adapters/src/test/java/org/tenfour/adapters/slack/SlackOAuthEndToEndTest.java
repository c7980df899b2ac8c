package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;

/**
 * OAuth (many workspaces): install, redirect, per-workspace tokens, a workspace without
 * installation.
 */
class SlackOAuthEndToEndTest {
    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final InboundHandler handler =
            event -> {
                events.add(event);
                return Reply.text("hello");
            };
    private final InMemoryInstallations installations = new InMemoryInstallations();
    private final Set<String> ledger = ConcurrentHashMap.newKeySet();

    private FakeSlackApi slack;
    private SlackAdapter adapter;
    private Javalin server;
    private SlackRequests requests;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        SlackSettings settings =
                SlackSettings.oauth(SlackRequests.SECRET, "1234.5678", "client-secret-value")
                        .withApiUrl(slack.apiUrl());
        adapter =
                new SlackAdapter(
                        settings,
                        handler,
                        installations,
                        ledger::add,
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC());
        server =
                Javalin.create(
                                config -> {
                                    config.routes.post("/slack/events", adapter.events());
                                    config.routes.get("/slack/install", adapter.install());
                                    config.routes.get(
                                            "/slack/oauth_redirect", adapter.oauthRedirect());
                                })
                        .start("127.0.0.1", 0);
        requests = new SlackRequests("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
        adapter.close();
        slack.close();
    }

    @Test
    void install_redirects_to_slack_with_the_client_id_the_scopes_and_a_state() {
        HttpResponse<String> response = requests.get("/slack/install", Map.of());

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
                .isEqualTo("https://slack.com/oauth/v2/authorize");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("client_id", "1234.5678");
        assertThat(List.of(query.get("scope").split(",")))
                .containsExactlyElementsOf(SlackScopes.BOT);
        assertThat(query.get("state")).isNotBlank();
        assertThat(installations.states).containsKey(query.get("state"));
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                .contains(query.get("state"));
    }

    @Test
    void the_redirect_with_that_state_exchanges_the_code_and_saves_the_installation() {
        String state = startInstall();

        HttpResponse<String> response =
                requests.get(
                        "/slack/oauth_redirect?code=one-time-code&state=" + state,
                        Map.of("Cookie", "slack-app-oauth-state=" + state));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(slack.calls("oauth.v2.access"))
                .singleElement()
                .satisfies(
                        call -> assertThat(call.params()).containsEntry("code", "one-time-code"));
        SlackInstallation saved = installations.find("T777").orElseThrow();
        assertThat(saved.botToken()).isEqualTo("xoxb-installed-token");
        assertThat(saved.teamName()).isEqualTo("Fire District 7");
        assertThat(saved.botUserId()).isEqualTo("UBOT7");
        assertThat(saved.installerUserId()).isEqualTo("UINSTALLER");
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m -> {
                            assertThat(m.change())
                                    .isEqualTo(InboundEvent.MembershipChanged.Change.BOT_INSTALLED);
                            assertThat(m.actor().address().targetId()).isEqualTo("UINSTALLER");
                        });
    }

    @Test
    void a_state_that_was_never_issued_is_refused_and_nothing_is_saved() {
        String forged = "forged-state";
        HttpResponse<String> response =
                requests.get(
                        "/slack/oauth_redirect?code=stolen&state=" + forged,
                        Map.of("Cookie", "slack-app-oauth-state=" + forged));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(slack.calls("oauth.v2.access")).isEmpty();
        assertThat(installations.byTeam).isEmpty();
    }

    @Test
    void a_state_is_accepted_only_once() {
        String state = startInstall();
        Map<String, String> cookie = Map.of("Cookie", "slack-app-oauth-state=" + state);
        requests.get("/slack/oauth_redirect?code=first&state=" + state, cookie);
        installations.byTeam.clear();

        HttpResponse<String> replay =
                requests.get("/slack/oauth_redirect?code=second&state=" + state, cookie);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(slack.calls("oauth.v2.access")).hasSize(1);
        assertThat(installations.byTeam).isEmpty();
    }

    @Test
    void a_state_from_another_browser_is_refused() {
        String state = startInstall();
        HttpResponse<String> response =
                requests.get("/slack/oauth_redirect?code=abc&state=" + state, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(installations.byTeam).isEmpty();
    }

    @Test
    void a_command_from_a_workspace_without_installation_gets_a_polite_ephemeral_answer() {
        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM, SlackRequests.command("T0NOBODY", "/tenfour", "help"));

        assertThat(response.statusCode()).isEqualTo(200);
        var body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.get("text").getAsString()).contains("not installed");
        assertThat(events).isEmpty();
    }

    @Test
    void a_command_from_an_installed_workspace_is_handled_with_that_workspaces_token() {
        installations.save(
                new SlackInstallation(
                        "T777", "Fire District 7", "UBOT7", "xoxb-t777", "commands", "U1"));

        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM, SlackRequests.command("T777", "/tenfour", "help"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events).singleElement().isInstanceOf(InboundEvent.Command.class);
        assertThat(slack.calls("auth.test"))
                .extracting(FakeSlackApi.Call::token)
                .containsOnly("xoxb-t777");
    }

    @Test
    void the_platform_sends_with_the_token_of_the_addressed_workspace() {
        installations.save(
                new SlackInstallation("T777", "A", "UB7", "xoxb-t777", "chat:write", "U1"));
        installations.save(
                new SlackInstallation("T888", "B", "UB8", "xoxb-t888", "chat:write", "U2"));

        adapter.platform().send(Address.user(Platform.SLACK, "T888", "U5"), Message.text("hi"));

        assertThat(slack.calls("chat.postMessage"))
                .singleElement()
                .satisfies(c -> assertThat(c.token()).isEqualTo("xoxb-t888"));
    }

    private String startInstall() {
        HttpResponse<String> response = requests.get("/slack/install", Map.of());
        return query(URI.create(response.headers().firstValue("Location").orElseThrow()))
                .get("state");
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(
                        Collectors.toMap(
                                p -> p[0],
                                p ->
                                        p.length > 1
                                                ? URLDecoder.decode(p[1], StandardCharsets.UTF_8)
                                                : ""));
    }
}

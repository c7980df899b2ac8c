package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.InboundUnavailableException;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;

/**
 * Socket Mode through real Bolt and a real WebSocket: a loopback stand-in for Slack's Socket Mode
 * server (hello first, envelopes as Slack documents them, acknowledgements recorded) and the fake
 * Web API answering {@code apps.connections.open}. No HTTP server is started for the adapter: Slack
 * needs no way in.
 */
class SlackSocketModeTest {
    private static final String TEAM = FakeSlackApi.TEAM;
    private static final Duration ACK_WITHIN = Duration.ofSeconds(3);
    private static final SocketModeLink.Timing FAST =
            new SocketModeLink.Timing(
                    Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(1));

    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ledgerAsked = new AtomicInteger();
    private volatile boolean ledgerDown;
    private final EventLedger ledger =
            id -> {
                ledgerAsked.incrementAndGet();
                if (ledgerDown) {
                    throw new InboundUnavailableException("database unreachable; retry shortly");
                }
                return seen.add(id);
            };
    private volatile Function<InboundEvent, Reply> replies = e -> Reply.none();
    private final InboundHandler handler =
            event -> {
                events.add(event);
                return replies.apply(event);
            };

    private FakeSlackApi slack;
    private FakeSocketMode socket;
    private final List<SlackAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        socket = new FakeSocketMode(slack);
    }

    @AfterEach
    void stop() {
        adapters.forEach(SlackAdapter::close);
        socket.close();
        slack.close();
    }

    private SlackAdapter connect(SlackSettings settings, SlackInstallations installations) {
        SlackAdapter adapter =
                new SlackAdapter(
                        settings.withApiUrl(slack.apiUrl()),
                        handler,
                        installations,
                        ledger,
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC(),
                        FAST);
        adapters.add(adapter);
        adapter.start();
        await().atMost(Duration.ofSeconds(10)).until(adapter::connected);
        return adapter;
    }

    /** One workspace, a bot token, an app token and no signing secret. */
    private SlackAdapter connect() {
        return connect(
                new SlackSettings(
                        null,
                        "xoxb-single-token",
                        null,
                        null,
                        null,
                        null,
                        FakeSocketMode.APP_TOKEN),
                new InMemoryInstallations());
    }

    private FakeSocketMode.Ack acknowledged(String envelopeId) {
        FakeSocketMode.Ack ack =
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> socket.ack(envelopeId), Optional::isPresent)
                        .orElseThrow();
        assertThat(Duration.ofNanos(ack.atNanos() - socket.sentAtNanos(envelopeId)))
                .as("acknowledged inside Slack's 3 seconds")
                .isLessThan(ACK_WITHIN);
        return ack;
    }

    @Test
    void a_slash_command_over_the_socket_is_handled_and_its_ephemeral_reply_is_the_ack_payload() {
        connect();
        replies = e -> Reply.text("Cadence set to every 30 days");

        String id =
                socket.send(
                        "slash_commands",
                        commandJson(TEAM, "/tenfour", "  peers add <@U123|sam>  "),
                        true);

        JsonObject payload = acknowledged(id).payload();
        assertThat(payload.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(payload.get("text").getAsString()).isEqualTo("Cadence set to every 30 days");
        assertThat(payload.getAsJsonArray("blocks")).isNotEmpty();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.name()).isEqualTo("tenfour");
                            assertThat(c.text()).isEqualTo("peers add <@U123>");
                            assertThat(c.actor().address())
                                    .isEqualTo(Address.user(Platform.SLACK, TEAM, "U0PAT"));
                            assertThat(c.where())
                                    .isEqualTo(Address.channel(Platform.SLACK, TEAM, "C0COORD"));
                        });
        assertThat(slack.calls("apps.connections.open"))
                .singleElement()
                .satisfies(call -> assertThat(call.token()).isEqualTo(FakeSocketMode.APP_TOKEN));
    }

    @Test
    void a_modal_submission_with_errors_is_acknowledged_with_response_action_errors() {
        connect();
        replies =
                e ->
                        new Reply.FormErrors(
                                SlackEventsEndToEndTest.logForm(),
                                Map.of("minutes", "Give the minutes as a number"));

        String id = socket.send("interactive", Payloads.viewSubmission(TEAM), true);

        JsonObject payload = acknowledged(id).payload();
        assertThat(payload.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(payload.getAsJsonObject("errors").get("minutes").getAsString())
                .isEqualTo("Give the minutes as a number");
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.FormSubmitted.class,
                        f -> {
                            assertThat(f.formId()).isEqualTo("log");
                            assertThat(f.values()).containsEntry("minutes", List.of("30"));
                        });
    }

    @Test
    void an_accepted_modal_is_acknowledged_empty_and_its_confirmation_sent_as_a_message() {
        connect();
        replies = e -> new Reply.FormAccepted(Message.text("Logged. Thank you."));

        String id = socket.send("interactive", Payloads.viewSubmission(TEAM), true);

        assertThat(acknowledged(id).payload()).isNull();
        assertThat(slack.calls("chat.postMessage"))
                .singleElement()
                .satisfies(
                        call ->
                                assertThat(call.params())
                                        .containsEntry("channel", "U0PEER")
                                        .containsEntry("text", "Logged. Thank you.")
                                        .doesNotContainKey("token"));
    }

    @Test
    void a_button_press_reaches_the_handler_and_its_private_reply_is_posted_ephemerally() {
        connect();
        replies = e -> Reply.text("Thanks, a peer will reach out today.");

        String id =
                socket.send(
                        "interactive",
                        Payloads.blockAction(TEAM, "checkin_answer", "talk:42"),
                        false);

        assertThat(acknowledged(id).payload()).isNull();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.ButtonPressed.class,
                        b -> {
                            assertThat(b.actionId()).isEqualTo("checkin_answer");
                            assertThat(b.value()).isEqualTo("talk:42");
                        });
        assertThat(slack.calls("chat.postEphemeral"))
                .singleElement()
                .satisfies(
                        call ->
                                assertThat(call.params())
                                        .containsEntry("channel", "D0DM")
                                        .containsEntry("user", "U0PAT"));
    }

    @Test
    void an_event_is_acknowledged_at_once_handled_after_and_a_retry_of_it_handled_once() {
        connect();
        String event =
                Payloads.event(TEAM, "Ev0SOCKET", Payloads.memberJoined("U0NEW", "C0ROSTER"));

        String first = socket.send("events_api", event, false);
        acknowledged(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
        String retry = socket.send("events_api", event, false, 1);
        acknowledged(retry);

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m -> {
                            assertThat(m.change())
                                    .isEqualTo(InboundEvent.MembershipChanged.Change.MEMBER_JOINED);
                            assertThat(m.actor().address().targetId()).isEqualTo("U0NEW");
                        });
        assertThat(seen).containsExactly("Ev0SOCKET");
    }

    @Test
    void a_command_from_another_workspace_is_acknowledged_and_never_handled() {
        connect();
        replies = e -> Reply.text("should not be seen");

        String id = socket.send("slash_commands", commandJson("T0OTHER", "/tenfour", "help"), true);

        assertThat(acknowledged(id).payload()).isNull();
        assertThat(events).isEmpty();
    }

    @Test
    void a_workspace_without_an_installation_is_told_so_in_oauth_mode() {
        connect(
                new SlackSettings(
                        null, null, "12.34", "client-secret", null, null, FakeSocketMode.APP_TOKEN),
                new InMemoryInstallations());

        String id = socket.send("slash_commands", commandJson(TEAM, "/tenfour", "help"), true);

        assertThat(acknowledged(id).payload().get("text").getAsString())
                .isEqualTo(SlackReplies.NOT_INSTALLED);
        assertThat(events).isEmpty();
    }

    @Test
    void while_the_product_cannot_take_requests_a_command_gets_a_retry_hint_and_an_event_no_ack() {
        connect();
        replies =
                e -> {
                    throw new InboundUnavailableException("database unreachable; retry shortly");
                };

        String command = socket.send("slash_commands", commandJson(TEAM, "/tenfour", "help"), true);
        assertThat(acknowledged(command).payload().get("text").getAsString())
                .isEqualTo(SlackReplies.TRY_AGAIN);

        ledgerDown = true;
        String event =
                Payloads.event(TEAM, "Ev0OUTAGE", Payloads.memberJoined("U0NEW", "C0ROSTER"));
        String first = socket.send("events_api", event, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> ledgerAsked.get() == 1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> socket.ack(first).isEmpty());

        ledgerDown = false;
        replies = e -> Reply.none();
        String retry = socket.send("events_api", event, false, 1);
        acknowledged(retry);
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                events.stream()
                                        .anyMatch(
                                                InboundEvent.MembershipChanged.class::isInstance));
        assertThat(seen).containsExactly("Ev0OUTAGE");
    }

    @Test
    void when_the_link_drops_tenfour_connects_again_and_carries_on() {
        SlackAdapter adapter = connect();
        assertThat(socket.greeted()).isEqualTo(1);

        socket.drop();

        await().atMost(Duration.ofSeconds(10)).until(() -> socket.greeted() == 2);
        await().atMost(Duration.ofSeconds(5)).until(adapter::connected);
        replies = e -> Reply.text("back");
        String id = socket.send("slash_commands", commandJson(TEAM, "/tenfour", "help"), true);
        assertThat(acknowledged(id).payload().get("text").getAsString()).isEqualTo("back");
        assertThat(slack.calls("apps.connections.open")).hasSize(2);
        assertThat(socket.refused()).as("every connection used a fresh ticket").isZero();
    }

    @Test
    void a_disconnect_message_makes_tenfour_open_a_new_link_before_the_old_one_closes() {
        SlackAdapter adapter = connect();

        socket.askToReconnect("refresh_requested");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> socket.greeted() == 2 && socket.open() == 1);
        assertThat(adapter.connected()).isTrue();
        replies = e -> Reply.text("still here");
        String id = socket.send("slash_commands", commandJson(TEAM, "/tenfour", "help"), true);
        assertThat(acknowledged(id).payload().get("text").getAsString()).isEqualTo("still here");
    }

    @Test
    void while_slack_cannot_open_a_link_tenfour_retries_with_growing_delays_then_reconnects() {
        SlackAdapter adapter = connect();
        slack.serverError("apps.connections.open");

        socket.drop();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> slack.calls("apps.connections.open").size() >= 5);
        List<FakeSlackApi.Call> tries = slack.calls("apps.connections.open");
        long firstGap = tries.get(2).atNanos() - tries.get(1).atNanos();
        long laterGap = tries.get(4).atNanos() - tries.get(3).atNanos();
        assertThat(laterGap).as("backoff: the delay grows").isGreaterThan(firstGap * 2);

        slack.normal("apps.connections.open");
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.greeted() == 2);
        await().atMost(Duration.ofSeconds(5)).until(adapter::connected);
    }

    @Test
    void each_replica_holds_its_own_link_and_slack_may_send_to_either() {
        connect();
        replies = e -> Reply.text("from a replica");
        connect(); // a second replica of the same app: its own ticket, its own WebSocket

        assertThat(socket.greeted()).isEqualTo(2);
        assertThat(socket.open()).isEqualTo(2);
        assertThat(slack.calls("apps.connections.open")).hasSize(2);
        String id = socket.send("slash_commands", commandJson(TEAM, "/tenfour", "help"), true);
        assertThat(acknowledged(id).payload().get("text").getAsString())
                .isEqualTo("from a replica");
        assertThat(events).hasSize(1);
    }

    @Test
    void an_app_token_slack_refuses_stops_the_start_with_the_variable_named_and_not_the_token() {
        slack.error("apps.connections.open", "invalid_auth");
        SlackAdapter adapter =
                new SlackAdapter(
                        new SlackSettings(
                                        null,
                                        "xoxb-single-token",
                                        null,
                                        null,
                                        null,
                                        null,
                                        FakeSocketMode.APP_TOKEN)
                                .withApiUrl(slack.apiUrl()),
                        handler,
                        new InMemoryInstallations(),
                        ledger,
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC(),
                        FAST);
        adapters.add(adapter);

        assertThatThrownBy(adapter::start)
                .hasMessageContaining("SLACK_APP_TOKEN")
                .hasMessageContaining("invalid_auth")
                .hasMessageNotContaining(FakeSocketMode.APP_TOKEN);
    }

    @Test
    void without_a_signing_secret_the_http_endpoint_takes_nothing() throws Exception {
        SlackAdapter adapter = connect();
        Javalin server =
                Javalin.create(config -> config.routes.post("/slack/events", adapter.events()))
                        .start("127.0.0.1", 0);
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + server.port()
                                                                    + "/slack/events"))
                                            .header("Content-Type", SlackRequests.FORM)
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            SlackRequests.command(
                                                                    TEAM, "/tenfour", "help")))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(events).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void retry_delays_double_from_the_first_up_to_the_cap_with_bounded_jitter() {
        SocketModeLink.Timing t =
                new SocketModeLink.Timing(
                        Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(2));

        assertThat(t.retryAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.retryAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.retryAfter(4, 0.5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(t.retryAfter(30, 0.5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.retryAfter(1, 0.0)).isEqualTo(Duration.ofMillis(1500));
        assertThat(t.retryAfter(1, 1.0)).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(
                        () ->
                                new SocketModeLink.Timing(
                                        Duration.ZERO,
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(2)))
                .hasMessageContaining("check");
    }

    /** A slash command as Socket Mode carries it: the form's fields as a JSON object. */
    private static String commandJson(String team, String command, String text) {
        JsonObject c = new JsonObject();
        c.addProperty("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        c.addProperty("team_id", team);
        c.addProperty("team_domain", "fd7");
        c.addProperty("channel_id", "C0COORD");
        c.addProperty("channel_name", "peer-coordinators");
        c.addProperty("user_id", "U0PAT");
        c.addProperty("user_name", "pat");
        c.addProperty("command", command);
        c.addProperty("text", text);
        c.addProperty("api_app_id", "A0APP");
        c.addProperty("is_enterprise_install", "false");
        c.addProperty("response_url", "https://hooks.slack.com/commands/" + team + "/1234/5678");
        c.addProperty("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return c.toString();
    }
}

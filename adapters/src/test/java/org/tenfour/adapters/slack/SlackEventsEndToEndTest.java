package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;

/**
 * Real Javalin, real Bolt, real signatures, a fake Slack Web API: one workspace with a bot token.
 */
class SlackEventsEndToEndTest {
    private static final String TEAM = FakeSlackApi.TEAM;

    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> ledger = ConcurrentHashMap.newKeySet();
    private volatile Function<InboundEvent, Reply> replies = e -> Reply.none();
    private final InboundHandler handler =
            event -> {
                events.add(event);
                return replies.apply(event);
            };

    private FakeSlackApi slack;
    private SlackAdapter adapter;
    private Javalin server;
    private SlackRequests requests;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        SlackSettings settings =
                SlackSettings.singleWorkspace(SlackRequests.SECRET, "xoxb-single-token")
                        .withApiUrl(slack.apiUrl());
        adapter =
                new SlackAdapter(
                        settings,
                        handler,
                        new InMemoryInstallations(),
                        ledger::add,
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC());
        server =
                Javalin.create(config -> config.routes.post("/slack/events", adapter.events()))
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
    void
            a_signed_command_reaches_the_handler_with_mentions_normalised_and_the_reply_is_ephemeral() {
        replies = e -> Reply.text("Cadence set to every 30 days");

        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM,
                        SlackRequests.command(
                                TEAM,
                                "/tenfour",
                                "  peers add <@U123|sam> to <#C456|crew-b> and <!subteam^S789|@medics>  "));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.get("text").getAsString()).isEqualTo("Cadence set to every 30 days");
        assertThat(body.getAsJsonArray("blocks")).isNotEmpty();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.name()).isEqualTo("tenfour");
                            assertThat(c.text())
                                    .isEqualTo("peers add <@U123> to <#C456> and <!subteam^S789>");
                            assertThat(c.where())
                                    .isEqualTo(Address.channel(Platform.SLACK, TEAM, "C0COORD"));
                            assertThat(c.actor().address())
                                    .isEqualTo(Address.user(Platform.SLACK, TEAM, "U0PAT"));
                            assertThat(c.triggerId())
                                    .isEqualTo("13345224609.738474920.8088930838d88f008e0");
                        });
    }

    @Test
    void
            while_auth_test_fails_the_workspace_is_unknown_and_every_request_is_refused_not_waved_through() {
        slack.answer("auth.test", 200, "{\"ok\":false,\"error\":\"invalid_auth\"}", Map.of());

        HttpResponse<String> refused =
                requests.signed(
                        SlackRequests.FORM, SlackRequests.command("T999OTHER", "/tenfour", "help"));
        HttpResponse<String> ownTeamToo =
                requests.signed(
                        SlackRequests.FORM, SlackRequests.command(TEAM, "/tenfour", "help"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(ownTeamToo.statusCode()).isEqualTo(503);
        assertThat(events).as("nothing reached the product").isEmpty();
    }

    @Test
    void a_forged_signature_is_refused_with_401_and_the_handler_is_never_called() {
        String body = SlackRequests.command(TEAM, "/tenfour", "help");
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response =
                requests.post(
                        SlackRequests.FORM,
                        body,
                        Map.of(
                                "X-Slack-Request-Timestamp", String.valueOf(now),
                                "X-Slack-Signature",
                                        SlackRequests.sign("not-the-secret", now, body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(events).isEmpty();
    }

    @Test
    void a_body_changed_after_signing_is_refused() {
        String body = SlackRequests.command(TEAM, "/tenfour", "help");
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response =
                requests.post(
                        SlackRequests.FORM,
                        body.replace("help", "optout"),
                        Map.of(
                                "X-Slack-Request-Timestamp", String.valueOf(now),
                                "X-Slack-Signature",
                                        SlackRequests.sign(SlackRequests.SECRET, now, body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(events).isEmpty();
    }

    @Test
    void a_timestamp_six_minutes_old_is_refused_even_when_correctly_signed() {
        String body = SlackRequests.command(TEAM, "/tenfour", "help");
        long old = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        HttpResponse<String> response =
                requests.post(
                        SlackRequests.FORM,
                        body,
                        Map.of(
                                "X-Slack-Request-Timestamp", String.valueOf(old),
                                "X-Slack-Signature",
                                        SlackRequests.sign(SlackRequests.SECRET, old, body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(events).isEmpty();
    }

    @Test
    void a_request_without_signature_headers_is_refused() {
        HttpResponse<String> response =
                requests.post(
                        SlackRequests.FORM,
                        SlackRequests.command(TEAM, "/tenfour", "help"),
                        Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(events).isEmpty();
    }

    @Test
    void a_signed_but_malformed_payload_is_answered_400_with_a_short_reason() {
        HttpResponse<String> broken =
                requests.signed(SlackRequests.FORM, "payload=%7B%22type%22%3A%22block_act");
        HttpResponse<String> noEvent =
                requests.signed(SlackRequests.JSON, "{\"type\":\"event_callback\"}");
        HttpResponse<String> gibberish = requests.signed(SlackRequests.FORM, "hello=world");

        assertThat(List.of(broken, noEvent, gibberish))
                .allSatisfy(
                        r -> {
                            assertThat(r.statusCode()).isEqualTo(400);
                            assertThat(r.body())
                                    .hasSizeLessThan(100)
                                    .doesNotContain("Exception")
                                    .doesNotContain("at com.");
                        });
        assertThat(events).isEmpty();
    }

    @Test
    void url_verification_echoes_the_challenge() {
        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.JSON,
                        Payloads.urlVerification(
                                "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void a_button_press_becomes_button_pressed_with_the_message_to_update() {
        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM,
                        SlackRequests.interactive(
                                Payloads.blockAction(TEAM, "checkin.answer#2", "checkin-42:talk")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.ButtonPressed.class,
                        b -> {
                            assertThat(b.actionId()).isEqualTo("checkin.answer");
                            assertThat(b.value()).isEqualTo("checkin-42:talk");
                            assertThat(b.message())
                                    .isEqualTo(new Delivery("D0DM", "1700000000.000100"));
                            assertThat(b.where())
                                    .isEqualTo(Address.channel(Platform.SLACK, TEAM, "D0DM"));
                            assertThat(b.triggerId()).isEqualTo("1234567890.0987654321.abcdef");
                            assertThat(b.actor().address().targetId()).isEqualTo("U0PAT");
                        });
    }

    @Test
    void a_private_reply_to_a_button_is_sent_as_an_ephemeral_message_in_that_conversation() {
        replies = e -> Reply.text("Thanks, a peer will reach out today.");

        requests.signed(
                SlackRequests.FORM,
                SlackRequests.interactive(
                        Payloads.blockAction(TEAM, "checkin.answer", "checkin-42:talk")));

        assertThat(slack.calls("chat.postEphemeral"))
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.params())
                                    .containsEntry("channel", "D0DM")
                                    .containsEntry("user", "U0PAT")
                                    .containsEntry("text", "Thanks, a peer will reach out today.");
                            assertThat(call.token()).isEqualTo("xoxb-single-token");
                        });
    }

    @Test
    void a_form_reply_to_a_button_opens_the_modal_with_its_trigger_id() {
        replies = e -> new Reply.ShowForm(logForm());

        requests.signed(
                SlackRequests.FORM,
                SlackRequests.interactive(Payloads.blockAction(TEAM, "request.log", "request-42")));

        assertThat(slack.calls("views.open"))
                .singleElement()
                .satisfies(
                        call ->
                                assertThat(call.params())
                                        .containsEntry(
                                                "trigger_id", "1234567890.0987654321.abcdef"));
    }

    /**
     * Slack refuses the modal (the trigger expired): the member is told in both of the languages
     * members read TenFour in, since the adapter does not know theirs.
     */
    @Test
    void a_form_slack_refuses_to_open_is_answered_in_english_and_in_spanish() {
        replies = e -> new Reply.ShowForm(logForm());
        slack.error("views.open", "expired_trigger_id");

        HttpResponse<String> response =
                requests.signed(SlackRequests.FORM, SlackRequests.command(TEAM, "/peer", "log"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(slack.calls("views.open")).hasSize(1);
        assertThat(response.body())
                .contains("that form could not be opened")
                .contains("no se pudo abrir el formulario");
    }

    @Test
    void a_show_form_reply_to_a_command_opens_a_modal_whose_blocks_match_the_form() {
        replies = e -> new Reply.ShowForm(logForm());

        HttpResponse<String> response =
                requests.signed(SlackRequests.FORM, SlackRequests.command(TEAM, "/peer", "log"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        FakeSlackApi.Call open = slack.calls("views.open").get(0);
        assertThat(open.params())
                .containsEntry("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        JsonObject view = open.json("view");
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("log");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("request-42");
        assertThat(view.getAsJsonObject("title").get("text").getAsString())
                .isEqualTo("Log a contact");
        var blocks = view.getAsJsonArray("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).getAsJsonObject().get("block_id").getAsString())
                .isEqualTo("contact_type");
        assertThat(
                        blocks.get(0)
                                .getAsJsonObject()
                                .getAsJsonObject("element")
                                .get("type")
                                .getAsString())
                .isEqualTo("radio_buttons");
        assertThat(blocks.get(1).getAsJsonObject().get("block_id").getAsString())
                .isEqualTo("topics");
        assertThat(blocks.get(1).getAsJsonObject().get("optional").getAsBoolean()).isTrue();
        assertThat(
                        blocks.get(2)
                                .getAsJsonObject()
                                .getAsJsonObject("element")
                                .get("type")
                                .getAsString())
                .isEqualTo("datepicker");
        assertThat(events).singleElement().isInstanceOf(InboundEvent.Command.class);
    }

    @Test
    void a_submitted_modal_gives_values_for_every_input_type_and_its_context() {
        replies = e -> new Reply.FormAccepted(null);

        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM,
                        SlackRequests.interactive(Payloads.viewSubmission(TEAM)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.FormSubmitted.class,
                        f -> {
                            assertThat(f.formId()).isEqualTo("log");
                            assertThat(f.context()).isEqualTo("request-42");
                            assertThat(f.actor().address())
                                    .isEqualTo(Address.user(Platform.SLACK, TEAM, "U0PEER"));
                            assertThat(f.values())
                                    .containsEntry("contact_type", List.of("phone"))
                                    .containsEntry("agency", List.of("fd7"))
                                    .containsEntry("topics", List.of("sleep", "stress"))
                                    .containsEntry("languages", List.of("es"))
                                    .containsEntry("safety", List.of())
                                    .containsEntry("follow_up", List.of("2030-02-01"))
                                    .containsEntry("minutes", List.of("30"));
                        });
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void form_errors_are_answered_with_response_action_errors_keyed_by_field_id() {
        replies =
                e ->
                        new Reply.FormErrors(
                                logForm(), Map.of("minutes", "Give the minutes as a number"));

        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM,
                        SlackRequests.interactive(Payloads.viewSubmission(TEAM)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(body.getAsJsonObject("errors").get("minutes").getAsString())
                .isEqualTo("Give the minutes as a number");
    }

    @Test
    void an_accepted_form_with_a_confirmation_closes_the_modal_and_sends_a_direct_message() {
        replies = e -> new Reply.FormAccepted(Message.text("Logged. Thank you."));

        HttpResponse<String> response =
                requests.signed(
                        SlackRequests.FORM,
                        SlackRequests.interactive(Payloads.viewSubmission(TEAM)));

        assertThat(response.body()).isEmpty();
        assertThat(slack.calls("chat.postMessage"))
                .singleElement()
                .satisfies(
                        call ->
                                assertThat(call.params())
                                        .containsEntry("channel", "U0PEER")
                                        .containsEntry("text", "Logged. Thank you."));
    }

    @Test
    void a_retried_event_reaches_the_handler_once() {
        String event = Payloads.event(TEAM, "Ev0RETRY", Payloads.memberJoined("U0NEW", "C0ROSTER"));

        assertThat(requests.signed(SlackRequests.JSON, event).statusCode()).isEqualTo(200);
        assertThat(
                        requests.signed(
                                        SlackRequests.JSON,
                                        event,
                                        Map.of(
                                                "X-Slack-Retry-Num",
                                                "1",
                                                "X-Slack-Retry-Reason",
                                                "http_timeout"))
                                .statusCode())
                .isEqualTo(200);
        // A later, different event on the same single worker: once it is handled, any duplicate
        // would have been.
        requests.signed(
                SlackRequests.JSON,
                Payloads.event(TEAM, "Ev0LATER", Payloads.memberJoined("U0LATE", "C0ROSTER")));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m -> {
                            assertThat(m.change())
                                    .isEqualTo(InboundEvent.MembershipChanged.Change.MEMBER_JOINED);
                            assertThat(m.actor().address().targetId()).isEqualTo("U0NEW");
                            assertThat(m.conversation())
                                    .isEqualTo(Address.channel(Platform.SLACK, TEAM, "C0ROSTER"));
                        });
    }

    @Test
    void opening_the_home_tab_publishes_the_private_reply_there() {
        replies =
                e ->
                        new Reply.Private(
                                new Message(
                                        "Your next check-in is on *Friday*.",
                                        List.of(),
                                        List.of(Button.of("checkin.snooze", "Snooze", "snooze"))));

        requests.signed(
                SlackRequests.JSON, Payloads.event(TEAM, "Ev0HOME", Payloads.homeOpened("U0PAT")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.publish").isEmpty());
        FakeSlackApi.Call publish = slack.calls("views.publish").get(0);
        assertThat(publish.params()).containsEntry("user_id", "U0PAT");
        JsonObject view = publish.json("view");
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        assertThat(view.toString())
                .contains("Your next check-in is on *Friday*.")
                .contains("checkin.snooze");
        assertThat(events).singleElement().isInstanceOf(InboundEvent.HomeOpened.class);
    }

    @Test
    void a_persons_message_in_the_bots_dm_becomes_a_direct_message_and_the_reply_is_posted_there() {
        replies = e -> Reply.text("I don't read messages");

        requests.signed(
                SlackRequests.JSON,
                Payloads.event(TEAM, "Ev0DM", Payloads.directMessage("U0PAT", "rough shift", "")));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !slack.calls("chat.postMessage").isEmpty());
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.DirectMessage.class,
                        m -> {
                            assertThat(m.text()).isEqualTo("rough shift");
                            assertThat(m.actor().address())
                                    .isEqualTo(Address.user(Platform.SLACK, TEAM, "U0PAT"));
                            assertThat(m.where())
                                    .isEqualTo(Address.channel(Platform.SLACK, TEAM, "D0DM"));
                            assertThat(m.toString())
                                    .as("the text never reaches a log line")
                                    .doesNotContain("rough shift");
                        });
        assertThat(slack.calls("chat.postMessage").get(0).params())
                .containsEntry("channel", "D0DM");
    }

    @Test
    void bot_messages_the_bots_own_messages_and_edits_in_a_dm_are_not_direct_messages() {
        requests.signed(
                SlackRequests.JSON,
                Payloads.event(
                        TEAM,
                        "Ev0BOT",
                        Payloads.directMessage(
                                "U0OTHER", "from a bot", ",\"bot_id\":\"B0OTHER\"")));
        requests.signed(
                SlackRequests.JSON,
                Payloads.event(
                        TEAM,
                        "Ev0SELF",
                        Payloads.directMessage(FakeSlackApi.BOT_USER, "echo", "")));
        requests.signed(
                SlackRequests.JSON,
                Payloads.event(
                        TEAM,
                        "Ev0EDIT",
                        Payloads.directMessage(
                                "U0PAT", "edited", ",\"subtype\":\"message_changed\"")));
        // a later, real message on the same single worker: once it arrives, the others would have
        // too
        requests.signed(
                SlackRequests.JSON,
                Payloads.event(TEAM, "Ev0REAL", Payloads.directMessage("U0PAT", "real", "")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.DirectMessage.class,
                        m -> assertThat(m.text()).isEqualTo("real"));
    }

    @Test
    void an_uninstall_removes_the_installation_and_tells_the_product() {
        requests.signed(
                SlackRequests.JSON, Payloads.event(TEAM, "Ev0GONE", Payloads.appUninstalled()));

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m ->
                                assertThat(m.change())
                                        .isEqualTo(
                                                InboundEvent.MembershipChanged.Change.BOT_REMOVED));
    }

    @Test
    void every_web_api_method_the_inbound_side_calls_is_covered_by_a_manifest_scope() {
        replies = e -> new Reply.ShowForm(logForm());
        requests.signed(SlackRequests.FORM, SlackRequests.command(TEAM, "/peer", "log"));
        replies = e -> Reply.text("ok");
        requests.signed(
                SlackRequests.FORM,
                SlackRequests.interactive(Payloads.blockAction(TEAM, "checkin.answer", "x")));

        assertThat(slack.calls())
                .extracting(FakeSlackApi.Call::method)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(SlackScopes.METHODS).containsKey(m));
    }

    static Form logForm() {
        return new Form(
                "log",
                "Log a contact",
                "Save",
                List.of(
                        Field.choice(
                                "contact_type",
                                "Contact type",
                                List.of(
                                        new Field.Option("phone", "Phone"),
                                        new Field.Option("in_person", "In person")),
                                true),
                        Field.multiChoice(
                                "topics",
                                "Topics",
                                List.of(
                                        new Field.Option("sleep", "Sleep"),
                                        new Field.Option("stress", "Stress")),
                                false),
                        new Field(
                                "follow_up",
                                "Follow up on",
                                Field.Type.DATE,
                                List.of(),
                                false,
                                List.of())),
                "request-42");
    }
}

package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;
import org.tenfour.adapters.teams.ConversationReferences.ConversationReference;

/**
 * Outbound through the Bot Connector: tokens, proactive conversations, failures mapped for the
 * outbox.
 */
class TeamsPlatformTest {
    private final TeamsFixture teams = new TeamsFixture();
    private final ChatPlatform platform = teams.adapter.platform();
    private final String serviceUrl = teams.microsoft.serviceUrl();
    private final Address alice =
            new Address(
                    Platform.TEAMS,
                    Activities.TENANT,
                    Address.Kind.USER,
                    Activities.USER,
                    serviceUrl,
                    Activities.PERSONAL_CONVERSATION);

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void a_chart_is_sent_inline_and_a_csv_as_a_monospace_card_and_other_files_are_refused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        platform.upload(alice, FileUpload.of("chart.png", "image/png", png, "Monthly report"));
        platform.upload(
                alice,
                FileUpload.of(
                        "r.csv",
                        "text/csv",
                        "table,code\ncontacts,total\n".getBytes(StandardCharsets.UTF_8),
                        "Report CSV"));
        assertThat(teams.microsoft.calls).hasSize(2);
        var image = teams.microsoft.calls.get(0).body().path("attachments").get(0);
        assertThat(image.path("contentType").asText()).isEqualTo("image/png");
        assertThat(image.path("contentUrl").asText()).isEqualTo("data:image/png;base64,iVBORw==");
        var card = teams.microsoft.calls.get(1).body().path("attachments").get(0).path("content");
        assertThat(card.path("body").get(1).path("text").asText())
                .isEqualTo("table,code\ncontacts,total\n");
        assertThat(card.path("body").get(1).path("fontType").asText()).isEqualTo("Monospace");
        Assertions.assertThatThrownBy(
                        () ->
                                platform.upload(
                                        alice,
                                        FileUpload.of(
                                                "x.zip", "application/zip", new byte[] {1}, "zip")))
                .isInstanceOf(ChatPlatformException.Rejected.class);
    }

    @Test
    void a_message_to_a_user_with_a_known_chat_is_posted_there_and_its_id_returned() {
        Delivery delivery = platform.send(alice, Message.text("Checking in: how are you doing?"));

        assertThat(delivery.conversationId()).isEqualTo(Activities.PERSONAL_CONVERSATION);
        assertThat(delivery.messageId()).startsWith("activity-");
        assertThat(teams.microsoft.calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.path())
                                    .isEqualTo(
                                            "/v3/conversations/"
                                                    + Activities.PERSONAL_CONVERSATION
                                                    + "/activities");
                            assertThat(call.authorization())
                                    .isEqualTo("Bearer " + FakeMicrosoft.APP_TOKEN);
                            assertThat(call.body().path("text").asText())
                                    .isEqualTo("Checking in: how are you doing?");
                        });
    }

    @Test
    void the_app_token_is_fetched_once_reused_and_renewed_five_minutes_before_expiry() {
        platform.send(alice, Message.text("one"));
        platform.send(alice, Message.text("two"));
        platform.send(alice, Message.text("three"));
        assertThat(teams.microsoft.tokenFetches).hasValue(1);
        assertThat(teams.microsoft.tokenRequestProblems).isEmpty();

        teams.clock.advance(Duration.ofMinutes(54));
        platform.send(alice, Message.text("four"));
        assertThat(teams.microsoft.tokenFetches).hasValue(1);

        teams.clock.advance(Duration.ofMinutes(2));
        platform.send(alice, Message.text("five"));
        assertThat(teams.microsoft.tokenFetches).hasValue(2);
    }

    @Test
    void
            a_user_without_a_conversation_gets_one_created_then_the_message_and_the_reference_is_saved() {
        Address bob =
                new Address(
                        Platform.TEAMS,
                        Activities.TENANT,
                        Address.Kind.USER,
                        "29:bob",
                        serviceUrl,
                        null);

        Delivery delivery = platform.send(bob, Message.text("Welcome to TenFour."));

        List<FakeMicrosoft.Call> posts = teams.microsoft.calls("POST");
        assertThat(posts).hasSize(2);
        JsonNode create = posts.get(0).body();
        assertThat(posts.get(0).path()).isEqualTo("/v3/conversations");
        assertThat(create.path("isGroup").asBoolean(true)).isFalse();
        assertThat(create.path("tenantId").asText()).isEqualTo(Activities.TENANT);
        assertThat(create.path("bot").path("id").asText())
                .isEqualTo("28:" + FakeMicrosoft.CLIENT_ID);
        assertThat(create.path("members").get(0).path("id").asText()).isEqualTo("29:bob");
        assertThat(posts.get(1).path())
                .isEqualTo("/v3/conversations/" + delivery.conversationId() + "/activities");
        assertThat(delivery.conversationId()).startsWith("a:created-");
        assertThat(teams.references.find(Activities.TENANT, Address.Kind.USER, "29:bob"))
                .contains(
                        new ConversationReference(
                                serviceUrl, delivery.conversationId(), Activities.TENANT));
    }

    @Test
    void a_user_known_only_through_the_stored_reference_is_reached_there() {
        teams.references.save(
                Address.Kind.USER,
                "29:erin",
                new ConversationReference(serviceUrl, "a:erin-chat", Activities.TENANT));

        Delivery delivery =
                platform.send(
                        Address.user(Platform.TEAMS, Activities.TENANT, "29:erin"),
                        Message.text("hi"));

        assertThat(delivery.conversationId()).isEqualTo("a:erin-chat");
        assertThat(teams.microsoft.calls("POST"))
                .extracting(FakeMicrosoft.Call::path)
                .containsExactly("/v3/conversations/a:erin-chat/activities");
    }

    @Test
    void a_user_with_no_reference_and_no_service_url_is_unreachable_without_any_call() {
        assertThatThrownBy(
                        () ->
                                platform.send(
                                        Address.user(Platform.TEAMS, Activities.TENANT, "29:ghost"),
                                        Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Unreachable.class);
        assertThat(teams.microsoft.calls).isEmpty();
    }

    @Test
    void a_post_to_a_channel_starts_a_thread_in_that_channel() {
        Address channel =
                new Address(
                        Platform.TEAMS,
                        Activities.TENANT,
                        Address.Kind.CHANNEL,
                        Activities.CHANNEL,
                        serviceUrl,
                        null);

        Delivery delivery = platform.send(channel, Message.text("Weekly report is ready."));

        assertThat(delivery.conversationId()).isEqualTo(Activities.CHANNEL);
        assertThat(teams.microsoft.calls("POST").get(0).path())
                .isEqualTo("/v3/conversations/" + Activities.CHANNEL + "/activities");
    }

    @Test
    void a_message_with_buttons_is_sent_as_a_card_whose_buttons_carry_action_and_value() {
        platform.send(
                alice,
                new Message(
                        "Time for a check-in.",
                        List.of("Crisis line: 988"),
                        List.of(
                                Button.of("checkin.ok", "I'm fine", "c-1"),
                                Button.of("checkin.talk", "Talk", "c-1"))));

        JsonNode card =
                teams.microsoft
                        .calls("POST")
                        .get(0)
                        .body()
                        .path("attachments")
                        .get(0)
                        .path("content");
        assertThat(card.path("actions").findValuesAsText("action"))
                .containsExactly("checkin.ok", "checkin.talk");
        assertThat(card.path("body").get(1).path("text").asText()).isEqualTo("Crisis line: 988");
    }

    @Test
    void an_update_replaces_the_activity_sent_earlier() {
        Delivery sent = platform.send(alice, Message.text("Time for a check-in."));

        platform.update(
                alice, sent, Message.text("Time for a check-in.").resolved("You answered: fine"));

        FakeMicrosoft.Call put = teams.microsoft.calls("PUT").get(0);
        assertThat(put.path())
                .isEqualTo(
                        "/v3/conversations/"
                                + sent.conversationId()
                                + "/activities/"
                                + sent.messageId());
        assertThat(put.body().path("id").asText()).isEqualTo(sent.messageId());
        assertThat(
                        put.body()
                                .path("attachments")
                                .get(0)
                                .path("content")
                                .path("body")
                                .get(1)
                                .path("text")
                                .asText())
                .isEqualTo("You answered: fine");
    }

    @Test
    void a_form_is_opened_by_sending_its_card_since_teams_has_no_trigger_ids() {
        Form form =
                new Form(
                        "away",
                        "Take a break",
                        "Save",
                        List.of(
                                new Field(
                                        "until",
                                        "Until",
                                        Field.Type.DATE,
                                        List.of(),
                                        true,
                                        List.of())),
                        "");

        platform.openForm(alice, null, form);

        JsonNode card =
                teams.microsoft
                        .calls("POST")
                        .get(0)
                        .body()
                        .path("attachments")
                        .get(0)
                        .path("content");
        assertThat(card.path("body").get(1).path("type").asText()).isEqualTo("Input.Date");
    }

    @Test
    void a_profile_gives_the_members_name_and_no_time_zone() {
        assertThat(platform.profile(alice)).contains(new UserProfile("Alex Rivera", null, false));
        assertThat(teams.microsoft.calls("GET").get(0).path())
                .isEqualTo(
                        "/v3/conversations/"
                                + Activities.PERSONAL_CONVERSATION
                                + "/members/"
                                + Activities.USER);
    }

    @Test
    void too_many_requests_is_rate_limited_for_the_retry_after_seconds() {
        teams.microsoft.failNext(429, "7", "{\"error\":{\"code\":\"Throttled\"}}");

        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void bad_gateway_and_precondition_failed_are_transient() {
        teams.microsoft.failNext(502, null, "");
        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Transient.class);
        teams.microsoft.failNext(412, null, "");
        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Transient.class);
        assertThat(teams.microsoft.calls).as("no retries inside the adapter").hasSize(2);
    }

    @Test
    void a_bot_no_longer_in_the_conversation_is_unreachable() {
        teams.microsoft.failNext(
                403,
                null,
                "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}");

        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Unreachable.class)
                .hasMessageContaining("BotNotInConversationRoster");
    }

    @Test
    void a_conversation_that_no_longer_exists_is_unreachable() {
        teams.microsoft.failNext(404, null, "{\"error\":{\"code\":\"ConversationNotFound\"}}");

        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Unreachable.class);
    }

    @Test
    void a_payload_the_connector_refuses_is_rejected() {
        teams.microsoft.failNext(400, null, "{\"error\":{\"code\":\"BadArgument\"}}");
        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Rejected.class);
        teams.microsoft.failNext(403, null, "{\"error\":{\"code\":\"Forbidden\"}}");
        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Rejected.class);
    }

    @Test
    void a_connector_that_cannot_be_reached_is_transient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Address nowhere =
                new Address(
                        Platform.TEAMS,
                        Activities.TENANT,
                        Address.Kind.USER,
                        Activities.USER,
                        "http://127.0.0.1:" + closedPort + "/",
                        Activities.PERSONAL_CONVERSATION);

        assertThatThrownBy(() -> platform.send(nowhere, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Transient.class);
    }

    @Test
    void nothing_the_platform_reports_contains_the_secret_or_the_token() {
        teams.microsoft.failNext(400, null, "{\"error\":{\"code\":\"BadArgument\"}}");
        assertThatThrownBy(() -> platform.send(alice, Message.text("hi")))
                .satisfies(
                        e ->
                                assertThat(e.getMessage())
                                        .doesNotContain(FakeMicrosoft.APP_TOKEN)
                                        .doesNotContain(FakeMicrosoft.CLIENT_SECRET));
        assertThat(teams.microsoft.settings().toString())
                .doesNotContain(FakeMicrosoft.CLIENT_SECRET);
    }
}

package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundEvent.MembershipChanged.Change;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.adapters.teams.ConversationReferences.ConversationReference;

/** Signed activities in, neutral events to the product, its replies out through the connector. */
class TeamsInboundTest {
    private final TeamsFixture teams = new TeamsFixture();
    private final String serviceUrl = teams.microsoft.serviceUrl();

    @AfterEach
    void stop() {
        teams.close();
    }

    private static Form logForm() {
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
                                        new Field.Option("stress", "Stress"),
                                        new Field.Option("sleep", "Sleep")),
                                false)),
                "ctx-1");
    }

    @Test
    void a_channel_mention_with_cadence_becomes_the_tenfour_command_without_the_mention() {
        HttpResponse<String> response =
                teams.postSigned(Activities.channelMention(serviceUrl, "cadence every 30 days"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.name()).isEqualTo("tenfour");
                            assertThat(c.text()).isEqualTo("cadence every 30 days");
                            assertThat(c.where())
                                    .isEqualTo(
                                            new Address(
                                                    Platform.TEAMS,
                                                    Activities.TENANT,
                                                    Address.Kind.CHANNEL,
                                                    Activities.CHANNEL,
                                                    serviceUrl,
                                                    Activities.CHANNEL));
                            assertThat(c.actor().address().targetId()).isEqualTo(Activities.USER);
                            assertThat(c.actor().address().conversationId())
                                    .as("not the user's 1:1 chat")
                                    .isNull();
                        });
    }

    @Test
    void a_private_reply_is_posted_into_the_same_conversation_with_the_app_token() {
        teams.answer = e -> Reply.text("Cadence set to every 30 days.");

        teams.postSigned(Activities.channelMention(serviceUrl, "cadence every 30 days"));

        assertThat(teams.microsoft.calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.method()).isEqualTo("POST");
                            assertThat(call.path())
                                    .isEqualTo(
                                            "/v3/conversations/"
                                                    + Activities.CHANNEL
                                                    + ";messageid=1700000000000/activities");
                            assertThat(call.authorization())
                                    .isEqualTo("Bearer " + FakeMicrosoft.APP_TOKEN);
                            assertThat(call.body().path("type").asText()).isEqualTo("message");
                            assertThat(call.body().path("text").asText())
                                    .isEqualTo("Cadence set to every 30 days.");
                            assertThat(call.body().path("replyToId").asText())
                                    .isEqualTo("incoming-1");
                        });
        assertThat(teams.microsoft.tokenRequestProblems).isEmpty();
    }

    @Test
    void talk_in_the_personal_chat_becomes_the_peer_command_from_that_chat() {
        teams.postSigned(Activities.personalMessage(serviceUrl, "talk"));

        Address chat =
                new Address(
                        Platform.TEAMS,
                        Activities.TENANT,
                        Address.Kind.USER,
                        Activities.USER,
                        serviceUrl,
                        Activities.PERSONAL_CONVERSATION);
        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.name()).isEqualTo("peer");
                            assertThat(c.text()).isEmpty();
                            assertThat(c.where()).isEqualTo(chat);
                            assertThat(c.actor().address()).isEqualTo(chat);
                            assertThat(c.triggerId()).isNull();
                        });
    }

    @Test
    void a_personal_message_that_is_no_command_becomes_a_direct_message_from_that_chat() {
        teams.postSigned(Activities.personalMessage(serviceUrl, "It was a rough shift"));

        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.DirectMessage.class,
                        m -> {
                            assertThat(m.text()).isEqualTo("It was a rough shift");
                            assertThat(m.actor().address().targetId()).isEqualTo(Activities.USER);
                            assertThat(m.where().conversationId())
                                    .isEqualTo(Activities.PERSONAL_CONVERSATION);
                        });
    }

    @Test
    void
            a_known_command_word_in_the_personal_chat_stays_a_command_and_channel_text_is_never_a_direct_message() {
        teams.postSigned(Activities.personalMessage(serviceUrl, "End"));
        teams.postSigned(Activities.channelMention(serviceUrl, "It was a rough shift"));

        assertThat(teams.events)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(InboundEvent.Command.class));
        assertThat(((InboundEvent.Command) teams.events.get(0)).text()).isEqualTo("End");
    }

    @Test
    void a_chat_message_starting_with_a_command_word_carries_its_text_so_a_relay_can_pass_it_on() {
        teams.postSigned(Activities.personalMessage(serviceUrl, "End of my shift was rough"));
        teams.postSigned(Activities.personalMessage(serviceUrl, "end").put("id", "incoming-2"));

        assertThat(teams.events).hasSize(2);
        assertThat(teams.events.get(0))
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.text()).isEqualTo("End of my shift was rough");
                            assertThat(c.asWritten()).isEqualTo("End of my shift was rough");
                            assertThat(c.explicit()).isFalse();
                            assertThat(c.toString()).doesNotContain("rough");
                        });
        assertThat(((InboundEvent.Command) teams.events.get(1)).explicit()).isFalse();
    }

    @Test
    void a_chat_message_that_mentions_the_bot_or_types_a_slash_command_is_an_explicit_command() {
        ObjectNode mention =
                Activities.personalMessage(serviceUrl, "<at>TenFour</at> optout")
                        .put("id", "incoming-1");
        mention.putArray("entities")
                .addObject()
                .put("type", "mention")
                .put("text", "<at>TenFour</at>")
                .putObject("mentioned")
                .put("id", Activities.BOT)
                .put("name", "TenFour");
        teams.postSigned(mention);
        teams.postSigned(
                Activities.personalMessage(serviceUrl, "/tenfour end").put("id", "incoming-2"));
        teams.postSigned(
                Activities.personalMessage(serviceUrl, "/peer today").put("id", "incoming-3"));
        teams.postSigned(
                Activities.personalMessage(serviceUrl, "/tenfour frobnicate")
                        .put("id", "incoming-4"));

        assertThat(teams.events)
                .hasSize(4)
                .allSatisfy(
                        e ->
                                assertThat(e)
                                        .isInstanceOfSatisfying(
                                                InboundEvent.Command.class,
                                                c -> assertThat(c.explicit()).isTrue()));
        List<String> read =
                teams.events.stream()
                        .map(e -> (InboundEvent.Command) e)
                        .map(c -> c.name() + ":" + c.text())
                        .toList();
        assertThat(read)
                .containsExactly(
                        "tenfour:optout", "tenfour:end", "peer:today", "tenfour:frobnicate");
    }

    @Test
    void a_first_word_that_is_not_one_of_the_products_command_words_is_a_direct_message() {
        // "caseload" and "available" were once listed here as commands though no command has them
        teams.postSigned(Activities.personalMessage(serviceUrl, "caseload is heavy this week"));
        teams.postSigned(Activities.personalMessage(serviceUrl, "Status"));

        assertThat(teams.events).hasSize(2);
        assertThat(teams.events.get(0)).isInstanceOf(InboundEvent.DirectMessage.class);
        assertThat(teams.events.get(1))
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.name()).isEqualTo("tenfour");
                            assertThat(c.text()).isEqualTo("Status");
                        });
    }

    @Test
    void words_after_talk_become_the_peer_commands_text() {
        teams.postSigned(Activities.personalMessage(serviceUrl, "Talk  today please"));

        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> {
                            assertThat(c.name()).isEqualTo("peer");
                            assertThat(c.text()).isEqualTo("today please");
                        });
    }

    @Test
    void other_peoples_mentions_become_user_references() {
        ObjectNode activity =
                Activities.channelMention(serviceUrl, "setup coordinator <at>Bob Smith</at>");
        ObjectNode bob =
                ((ArrayNode) activity.get("entities"))
                        .addObject()
                        .put("type", "mention")
                        .put("text", "<at>Bob Smith</at>");
        bob.putObject("mentioned").put("id", "29:bob").put("name", "Bob Smith");

        teams.postSigned(activity);

        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.Command.class,
                        c -> assertThat(c.text()).isEqualTo("setup coordinator <@29:bob>"));
    }

    @Test
    void a_submitted_form_card_becomes_form_submitted_with_multi_choice_values_split() {
        ObjectNode activity = Activities.personalMessage(serviceUrl, null);
        activity.remove("text");
        activity.putObject("value")
                .put("form", "log")
                .put("context", "ctx-1")
                .put("contact_type", "phone")
                .put("topics", "stress,sleep")
                .put("note", "a, b")
                .set("multi", Jackson.MAPPER.createArrayNode().add("topics"));

        teams.postSigned(activity);

        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.FormSubmitted.class,
                        f -> {
                            assertThat(f.formId()).isEqualTo("log");
                            assertThat(f.context()).isEqualTo("ctx-1");
                            assertThat(f.values())
                                    .isEqualTo(
                                            Map.of(
                                                    "contact_type",
                                                    List.of("phone"),
                                                    "topics",
                                                    List.of("stress", "sleep"),
                                                    "note",
                                                    List.of("a, b")));
                        });
    }

    @Test
    void a_pressed_card_button_becomes_button_pressed_on_the_card_message() {
        ObjectNode activity = Activities.personalMessage(serviceUrl, null);
        activity.remove("text");
        activity.put("replyToId", "card-7");
        activity.putObject("value").put("action", "checkin.ok").put("value", "c-42");

        teams.postSigned(activity);

        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.ButtonPressed.class,
                        b -> {
                            assertThat(b.actionId()).isEqualTo("checkin.ok");
                            assertThat(b.value()).isEqualTo("c-42");
                            assertThat(b.message())
                                    .isEqualTo(
                                            new Delivery(
                                                    Activities.PERSONAL_CONVERSATION, "card-7"));
                            assertThat(b.where().conversationId())
                                    .isEqualTo(Activities.PERSONAL_CONVERSATION);
                        });
    }

    @Test
    void a_form_asked_for_in_reply_to_a_message_is_sent_as_an_adaptive_card() {
        teams.answer = e -> new Reply.ShowForm(logForm());

        teams.postSigned(Activities.personalMessage(serviceUrl, "log"));

        JsonNode attachment =
                teams.microsoft.calls("POST").get(0).body().path("attachments").get(0);
        assertThat(attachment.path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("body").findValuesAsText("type"))
                .contains("Input.ChoiceSet");
        assertThat(
                        attachment
                                .path("content")
                                .path("actions")
                                .get(0)
                                .path("data")
                                .path("form")
                                .asText())
                .isEqualTo("log");
    }

    @Test
    void form_errors_for_an_execute_action_come_back_as_a_refreshed_card_in_the_invoke_response()
            throws Exception {
        teams.answer =
                e -> new Reply.FormErrors(logForm(), Map.of("contact_type", "Pick how you met"));
        ObjectNode invoke =
                Activities.base("invoke", serviceUrl).put("name", "adaptiveCard/action");
        invoke.putObject("conversation")
                .put("id", Activities.PERSONAL_CONVERSATION)
                .put("conversationType", "personal")
                .put("tenantId", Activities.TENANT);
        ObjectNode action =
                invoke.putObject("value")
                        .putObject("action")
                        .put("type", "Action.Execute")
                        .put("verb", "submit");
        action.putObject("data").put("form", "log").put("context", "ctx-1").put("topics", "sleep");

        HttpResponse<String> response = teams.postSigned(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Jackson.MAPPER.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode input = body.path("value").path("body").get(1);
        assertThat(input.path("id").asText()).isEqualTo("contact_type");
        assertThat(input.path("errorMessage").asText()).isEqualTo("Pick how you met");
        assertThat(input.path("isRequired").asBoolean()).isTrue();
        assertThat(body.path("value").path("body").get(2).path("text").asText())
                .isEqualTo("Pick how you met");
        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.FormSubmitted.class,
                        f -> assertThat(f.values()).containsEntry("topics", List.of("sleep")));
        assertThat(teams.microsoft.calls)
                .as("answered in the response, not through the connector")
                .isEmpty();
    }

    @Test
    void an_invoke_the_adapter_does_not_know_is_answered_501_without_bothering_the_product() {
        ObjectNode invoke = Activities.base("invoke", serviceUrl).put("name", "task/fetch");
        invoke.putObject("conversation")
                .put("id", Activities.PERSONAL_CONVERSATION)
                .put("tenantId", Activities.TENANT);

        assertThat(teams.postSigned(invoke).statusCode()).isEqualTo(501);
        assertThat(teams.events).isEmpty();
    }

    @Test
    void the_bot_added_to_a_team_stores_the_channel_reference_and_reports_the_installation() {
        HttpResponse<String> response = teams.postSigned(Activities.botAddedToTeam(serviceUrl));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(
                        teams.references.find(
                                Activities.TENANT, Address.Kind.CHANNEL, Activities.CHANNEL))
                .contains(
                        new ConversationReference(
                                serviceUrl, Activities.CHANNEL, Activities.TENANT));
        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m -> {
                            assertThat(m.change()).isEqualTo(Change.BOT_INSTALLED);
                            assertThat(m.conversation().kind()).isEqualTo(Address.Kind.CHANNEL);
                            assertThat(m.conversation().targetId()).isEqualTo(Activities.CHANNEL);
                        });
    }

    @Test
    void a_personal_installation_stores_the_users_chat_so_the_bot_can_write_first() {
        ObjectNode install = Activities.base("installationUpdate", serviceUrl).put("action", "add");
        install.putObject("conversation")
                .put("id", Activities.PERSONAL_CONVERSATION)
                .put("conversationType", "personal")
                .put("tenantId", Activities.TENANT);

        teams.postSigned(install);

        assertThat(teams.references.find(Activities.TENANT, Address.Kind.USER, Activities.USER))
                .contains(
                        new ConversationReference(
                                serviceUrl, Activities.PERSONAL_CONVERSATION, Activities.TENANT));
        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m -> assertThat(m.change()).isEqualTo(Change.BOT_INSTALLED));
    }

    @Test
    void members_joining_and_leaving_a_team_are_reported_one_event_each() {
        ObjectNode update = Activities.botAddedToTeam(serviceUrl);
        update.putArray("membersAdded").addObject().put("id", "29:carol");
        update.putArray("membersRemoved").addObject().put("id", "29:dave");

        teams.postSigned(update);

        assertThat(teams.events)
                .extracting(e -> ((InboundEvent.MembershipChanged) e).change())
                .containsExactly(Change.MEMBER_JOINED, Change.MEMBER_LEFT);
        assertThat(teams.events)
                .extracting(e -> e.actor().address().targetId())
                .containsExactly("29:carol", "29:dave");
    }

    @Test
    void the_bot_removed_from_a_team_stores_no_reference() {
        ObjectNode update = Activities.botAddedToTeam(serviceUrl);
        update.remove("membersAdded");
        update.putArray("membersRemoved").addObject().put("id", Activities.BOT);

        teams.postSigned(update);

        assertThat(
                        teams.references.find(
                                Activities.TENANT, Address.Kind.CHANNEL, Activities.CHANNEL))
                .isEmpty();
        assertThat(teams.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.MembershipChanged.class,
                        m -> assertThat(m.change()).isEqualTo(Change.BOT_REMOVED));
    }

    @Test
    void the_name_of_the_team_the_bot_is_added_to_is_what_teams_offers_as_the_agencys_name() {
        assertThat(teams.adapter.platform().workspaceName(Activities.TENANT)).isEmpty();
        ObjectNode added = Activities.botAddedToTeam(serviceUrl);
        ((ObjectNode) added.get("channelData").get("team")).put("name", "Riverside Peer Team");
        teams.postSigned(added);
        assertThat(teams.adapter.platform().workspaceName(Activities.TENANT))
                .contains("Riverside Peer Team");
    }
}

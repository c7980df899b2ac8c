package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Untrusted;
import org.tenfour.adapters.internal.Jackson;

/**
 * The JSON shape of the Adaptive Cards, and that what a card sends back reads as what was rendered.
 */
class AdaptiveCardsTest {
    private static final List<Field.Option> TOPICS =
            List.of(new Field.Option("stress", "Stress"), new Field.Option("sleep", "Sleep"));

    private static Form everyKindOfField() {
        return new Form(
                "log",
                "Log a contact",
                "Save",
                List.of(
                        Field.choice(
                                "contact_type",
                                "Contact type",
                                List.of(new Field.Option("phone", "Phone")),
                                true),
                        Field.multiChoice("topics", "Topics", TOPICS, false)
                                .withInitial(List.of("stress", "sleep")),
                        new Field(
                                "follow_up",
                                "Follow up",
                                Field.Type.BOOLEAN,
                                List.of(),
                                false,
                                List.of("true")),
                        new Field(
                                "date",
                                "Date",
                                Field.Type.DATE,
                                List.of(),
                                true,
                                List.of("2026-05-01")),
                        new Field(
                                "where",
                                "Where",
                                Field.Type.SHORT_TEXT,
                                List.of(),
                                false,
                                List.of())),
                "ctx-9");
    }

    @Test
    void a_message_card_is_version_1_5_with_wrapped_text_subtle_notes_and_submit_buttons() {
        ObjectNode card =
                AdaptiveCards.card(
                        new Message(
                                "Are you *okay*?",
                                List.of("Crisis line: 988"),
                                List.of(
                                        new Button(
                                                "checkin.ok", "Fine", "c-1", Button.Style.PRIMARY),
                                        new Button(
                                                "checkin.talk",
                                                "Talk",
                                                "c-1",
                                                Button.Style.DANGER))));

        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        JsonNode text = card.path("body").get(0);
        assertThat(text.path("text").asText()).isEqualTo("Are you **okay**?");
        assertThat(text.path("wrap").asBoolean()).isTrue();
        JsonNode note = card.path("body").get(1);
        assertThat(note.path("size").asText()).isEqualTo("small");
        assertThat(note.path("isSubtle").asBoolean()).isTrue();
        JsonNode ok = card.path("actions").get(0);
        assertThat(ok.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(ok.path("style").asText()).isEqualTo("positive");
        assertThat(ok.path("data"))
                .isEqualTo(TeamsJson.object().put("action", "checkin.ok").put("value", "c-1"));
        assertThat(card.path("actions").get(1).path("style").asText()).isEqualTo("destructive");
    }

    @Test
    void text_someone_else_wrote_cannot_link_or_tag_in_teams() {
        Message relayed =
                Message.text(
                        "*Member:* "
                                + Untrusted.quote(
                                        "[Your pay slip](https://evil.example) <a href=\"https://evil.example\">x</a>"));
        String shown = TeamsPlatform.messageActivity(relayed).path("text").asText();
        assertThat(shown).startsWith("**Member:** ").doesNotContain("](", "<a ");
        assertThat(shown.replace("\u200B", ""))
                .as("the characters are all still there")
                .isEqualTo(
                        "**Member:** [Your pay slip](https://evil.example) <a href=\"https://evil.example\">x</a>");
    }

    @Test
    void each_field_type_becomes_its_adaptive_card_input() {
        JsonNode body = AdaptiveCards.card(everyKindOfField(), Map.of()).path("body");

        assertThat(body.get(0).path("text").asText()).isEqualTo("Log a contact");
        JsonNode single = body.get(1);
        assertThat(single.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(single.path("style").asText()).isEqualTo("compact");
        assertThat(single.path("isMultiSelect").asBoolean()).isFalse();
        assertThat(single.path("isRequired").asBoolean()).isTrue();
        assertThat(single.path("label").asText()).isEqualTo("Contact type");
        JsonNode multi = body.get(2);
        assertThat(multi.path("isMultiSelect").asBoolean()).isTrue();
        assertThat(multi.path("value").asText()).isEqualTo("stress,sleep");
        assertThat(multi.path("choices").get(1))
                .isEqualTo(TeamsJson.object().put("title", "Sleep").put("value", "sleep"));
        assertThat(body.get(3).path("type").asText()).isEqualTo("Input.Toggle");
        assertThat(body.get(3).path("value").asText()).isEqualTo("true");
        assertThat(body.get(4).path("type").asText()).isEqualTo("Input.Date");
        assertThat(body.get(4).path("value").asText()).isEqualTo("2026-05-01");
        assertThat(body.get(5).path("type").asText()).isEqualTo("Input.Text");
        assertThat(body.get(5).path("isRequired").asBoolean()).isFalse();
    }

    @Test
    void the_submit_action_carries_the_form_id_the_context_and_which_fields_are_multi_choice() {
        JsonNode submit = AdaptiveCards.card(everyKindOfField(), Map.of()).path("actions").get(0);

        assertThat(submit.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(submit.path("title").asText()).isEqualTo("Save");
        assertThat(submit.path("data").path("form").asText()).isEqualTo("log");
        assertThat(submit.path("data").path("context").asText()).isEqualTo("ctx-9");
        assertThat(submit.path("data").path("multi"))
                .containsExactly(Jackson.MAPPER.getNodeFactory().textNode("topics"));
    }

    @Test
    void an_error_is_shown_under_its_field_and_set_as_its_error_message() {
        JsonNode body =
                AdaptiveCards.card(everyKindOfField(), Map.of("date", "Pick a date in the past"))
                        .path("body");

        assertThat(body.get(4).path("errorMessage").asText()).isEqualTo("Pick a date in the past");
        assertThat(body.get(5).path("text").asText()).isEqualTo("Pick a date in the past");
        assertThat(body.get(5).path("color").asText()).isEqualTo("attention");
    }

    @Test
    void a_field_id_that_would_collide_with_the_card_data_is_refused() {
        Form form =
                new Form(
                        "f",
                        "T",
                        "Save",
                        List.of(
                                new Field(
                                        "context",
                                        "Context",
                                        Field.Type.SHORT_TEXT,
                                        List.of(),
                                        false,
                                        List.of())),
                        "");
        assertThatThrownBy(() -> AdaptiveCards.card(form, Map.of()))
                .hasMessageContaining("context");
    }

    @Test
    void what_a_rendered_form_sends_back_reads_as_the_same_form_with_its_values() {
        ObjectNode data =
                (ObjectNode)
                        AdaptiveCards.card(everyKindOfField(), Map.of())
                                .path("actions")
                                .get(0)
                                .path("data")
                                .deepCopy();
        data.put("contact_type", "phone")
                .put("topics", "stress, sleep")
                .put("follow_up", "true")
                .put("date", "2026-05-01")
                .put("where", "");

        Optional<CardSubmission> parsed = CardSubmission.parse(data, null);

        assertThat(parsed)
                .contains(
                        new CardSubmission.Submitted(
                                "log",
                                "ctx-9",
                                Map.of(
                                        "contact_type",
                                        List.of("phone"),
                                        "topics",
                                        List.of("stress", "sleep"),
                                        "follow_up",
                                        List.of("true"),
                                        "date",
                                        List.of("2026-05-01"),
                                        "where",
                                        List.of())));
    }

    @Test
    void what_a_rendered_button_sends_back_reads_as_the_same_action_and_value() {
        JsonNode data =
                AdaptiveCards.card(
                                new Message("x", List.of(), List.of(Button.of("a.b", "Go", "v-1"))))
                        .path("actions")
                        .get(0)
                        .path("data");
        assertThat(CardSubmission.parse(data, null))
                .contains(new CardSubmission.Pressed("a.b", "v-1"));
    }

    @Test
    void an_execute_action_without_data_reads_its_verb_as_the_action() {
        assertThat(CardSubmission.parse(null, "refresh"))
                .contains(new CardSubmission.Pressed("refresh", ""));
        assertThat(CardSubmission.parse(TeamsJson.object(), null)).isEmpty();
    }
}

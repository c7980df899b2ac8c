package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Untrusted;

/** The JSON shape of rendered messages and modals, as Slack receives it. */
class RenderingTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private static JsonArray blocks(Message m) {
        return JsonParser.parseString(GSON.toJson(BlockKitMessages.blocks(m))).getAsJsonArray();
    }

    private static JsonObject modal(Form f) {
        return JsonParser.parseString(GSON.toJson(ModalForms.modal(f))).getAsJsonObject();
    }

    private static JsonObject element(JsonObject modal, int i) {
        return modal.getAsJsonArray("blocks").get(i).getAsJsonObject().getAsJsonObject("element");
    }

    @Test
    void a_message_renders_as_a_mrkdwn_section_a_context_for_notes_and_an_actions_block() {
        JsonArray blocks =
                blocks(
                        new Message(
                                "How are *you* doing?",
                                List.of("Crisis line: 988", "Confidential"),
                                List.of(
                                        new Button(
                                                "checkin.answer",
                                                "Fine",
                                                "c42:ok",
                                                Button.Style.PRIMARY),
                                        new Button(
                                                "checkin.answer",
                                                "Talk",
                                                "c42:talk",
                                                Button.Style.DANGER),
                                        Button.of("checkin.snooze", "Later", "c42:later"))));

        assertThat(blocks).hasSize(3);
        JsonObject section = blocks.get(0).getAsJsonObject();
        assertThat(section.get("type").getAsString()).isEqualTo("section");
        assertThat(section.getAsJsonObject("text").get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(section.getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("How are *you* doing?");
        JsonObject context = blocks.get(1).getAsJsonObject();
        assertThat(context.get("type").getAsString()).isEqualTo("context");
        assertThat(context.getAsJsonArray("elements")).hasSize(2);
        JsonArray buttons = blocks.get(2).getAsJsonObject().getAsJsonArray("elements");
        assertThat(blocks.get(2).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
        JsonObject first = buttons.get(0).getAsJsonObject();
        assertThat(first.get("type").getAsString()).isEqualTo("button");
        assertThat(first.get("action_id").getAsString()).isEqualTo("checkin.answer");
        assertThat(first.get("value").getAsString()).isEqualTo("c42:ok");
        assertThat(first.get("style").getAsString()).isEqualTo("primary");
        assertThat(buttons.get(1).getAsJsonObject().get("action_id").getAsString())
                .isEqualTo("checkin.answer#2");
        assertThat(buttons.get(1).getAsJsonObject().get("style").getAsString()).isEqualTo("danger");
        assertThat(buttons.get(2).getAsJsonObject().has("style")).isFalse();
        assertThat(ActionIds.original("checkin.answer#2")).isEqualTo("checkin.answer");
    }

    @Test
    void a_message_without_notes_or_buttons_is_one_section() {
        assertThat(blocks(Message.text("Hello"))).hasSize(1);
    }

    @Test
    void text_is_escaped_for_mrkdwn_and_only_the_products_own_mentions_survive() {
        String text =
                firstSection(
                        Message.text(
                                "Tom & Jerry <script> meet <@U123> in <#C456> <https://x.org|site> <!here>"));
        assertThat(text)
                .isEqualTo(
                        "Tom &amp; Jerry &lt;script&gt; meet <@U123> in <#C456> &lt;https://x.org|site&gt; &lt;!here&gt;");
    }

    @Test
    void text_someone_else_wrote_keeps_no_mention_no_link_and_no_broadcast() {
        String relayed =
                "<!here> <!channel> <@U999> <#C1> <!subteam^S1> <https://evil.example|Your pay slip> & co";
        String text =
                firstSection(Message.text("*Member:* " + Untrusted.quote(relayed) + " <@U123>"));
        assertThat(text.replace("\u200B", ""))
                .as("every character shown as written")
                .isEqualTo(
                        "*Member:* &lt;!here&gt; &lt;!channel&gt; &lt;@U999&gt; &lt;#C1&gt; "
                                + "&lt;!subteam^S1&gt; &lt;https://evil.example|Your pay slip&gt; &amp; co <@U123>");
        assertThat(text)
                .as("only the product's own mention stays a mention")
                .doesNotContain("<@U999>", "<#C1>", "<!subteam", "<https")
                .endsWith(" <@U123>");
        assertThat(
                        BlockKitMessages.fallback(
                                Message.text("<!channel> " + Untrusted.quote("<@U9>"))))
                .as("the notification text is escaped too")
                .isEqualTo("&lt;!channel&gt; &lt;\u200B@U9&gt;");
    }

    private static String firstSection(Message message) {
        return blocks(message)
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("text")
                .get("text")
                .getAsString();
    }

    @Test
    void long_text_is_split_into_sections_within_slacks_limit() {
        JsonArray blocks = blocks(Message.text("a".repeat(BlockKitMessages.SECTION_LIMIT + 10)));
        assertThat(blocks).hasSize(2);
    }

    @Test
    void many_notes_fit_the_ten_element_limit_of_a_context_block() {
        List<String> notes = IntStream.range(0, 14).mapToObj(i -> "note " + i).toList();
        JsonArray blocks = blocks(new Message("x", notes, List.of()));
        assertThat(blocks.get(1).getAsJsonObject().getAsJsonArray("elements")).hasSize(10);
        assertThat(blocks.toString()).contains("note 13");
    }

    @Test
    void a_form_renders_as_a_modal_with_callback_id_metadata_and_one_input_per_field() {
        List<Field.Option> three = options(3);
        Form form =
                new Form(
                        "log",
                        "Log a contact",
                        "Save",
                        List.of(
                                Field.choice("type", "Type", three, true)
                                        .withInitial(List.of("o2")),
                                Field.choice("agency", "Agency", options(8), true),
                                Field.multiChoice("topics", "Topics", three, false)
                                        .withInitial(List.of("o1", "o3")),
                                Field.multiChoice("codes", "Codes", options(12), false),
                                new Field(
                                        "safety",
                                        "Safety concern",
                                        Field.Type.BOOLEAN,
                                        List.of(),
                                        false,
                                        List.of("true")),
                                new Field(
                                        "follow_up",
                                        "Follow up",
                                        Field.Type.DATE,
                                        List.of(),
                                        false,
                                        List.of("2030-02-01")),
                                new Field(
                                        "minutes",
                                        "Minutes",
                                        Field.Type.SHORT_TEXT,
                                        List.of(),
                                        true,
                                        List.of("30"))),
                        "request-42");

        JsonObject modal = modal(form);

        assertThat(modal.get("type").getAsString()).isEqualTo("modal");
        assertThat(modal.get("callback_id").getAsString()).isEqualTo("log");
        assertThat(modal.get("private_metadata").getAsString()).isEqualTo("request-42");
        assertThat(modal.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Save");
        JsonArray blocks = modal.getAsJsonArray("blocks");
        assertThat(blocks).hasSize(7);
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject b = blocks.get(i).getAsJsonObject();
            assertThat(b.get("type").getAsString()).isEqualTo("input");
            assertThat(b.get("block_id").getAsString()).isEqualTo(form.fields().get(i).id());
            assertThat(element(modal, i).get("action_id").getAsString())
                    .isEqualTo(form.fields().get(i).id());
            assertThat(b.get("optional").getAsBoolean())
                    .isEqualTo(!form.fields().get(i).required());
        }
        assertThat(element(modal, 0).get("type").getAsString()).isEqualTo("radio_buttons");
        assertThat(element(modal, 0).getAsJsonObject("initial_option").get("value").getAsString())
                .isEqualTo("o2");
        assertThat(element(modal, 1).get("type").getAsString()).isEqualTo("static_select");
        assertThat(element(modal, 2).get("type").getAsString()).isEqualTo("checkboxes");
        assertThat(element(modal, 2).getAsJsonArray("initial_options")).hasSize(2);
        assertThat(element(modal, 3).get("type").getAsString()).isEqualTo("multi_static_select");
        assertThat(element(modal, 4).get("type").getAsString()).isEqualTo("checkboxes");
        assertThat(element(modal, 4).getAsJsonArray("options")).hasSize(1);
        assertThat(
                        element(modal, 4)
                                .getAsJsonArray("options")
                                .get(0)
                                .getAsJsonObject()
                                .get("value")
                                .getAsString())
                .isEqualTo("true");
        assertThat(element(modal, 4).getAsJsonArray("initial_options")).hasSize(1);
        assertThat(element(modal, 5).get("type").getAsString()).isEqualTo("datepicker");
        assertThat(element(modal, 5).get("initial_date").getAsString()).isEqualTo("2030-02-01");
        assertThat(element(modal, 6).get("type").getAsString()).isEqualTo("plain_text_input");
        assertThat(element(modal, 6).get("initial_value").getAsString()).isEqualTo("30");
    }

    @Test
    void the_radio_and_checkbox_thresholds_are_five_and_ten_options() {
        Form form =
                new Form(
                        "f",
                        "F",
                        "Go",
                        List.of(
                                Field.choice("five", "Five", options(5), true),
                                Field.choice("six", "Six", options(6), true),
                                Field.multiChoice("ten", "Ten", options(10), true),
                                Field.multiChoice("eleven", "Eleven", options(11), true)),
                        "");
        JsonObject modal = modal(form);
        assertThat(element(modal, 0).get("type").getAsString()).isEqualTo("radio_buttons");
        assertThat(element(modal, 1).get("type").getAsString()).isEqualTo("static_select");
        assertThat(element(modal, 2).get("type").getAsString()).isEqualTo("checkboxes");
        assertThat(element(modal, 3).get("type").getAsString()).isEqualTo("multi_static_select");
    }

    private static List<Field.Option> options(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new Field.Option("o" + i, "Option " + i))
                .toList();
    }
}

package org.tenfour.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tenfour.adapters.slack.SlackPayloadLimits;
import org.tenfour.adapters.teams.TeamsPayloadLimits;

/**
 * Every message and form the neutral records allow — and so every one the product can build —
 * renders inside Slack's and Teams' limits: random texts up to 60,000 characters full of what
 * escaping lengthens ({@code & < >}), mentions, bold, accents, CJK and emoji; up to 40 notes; up to
 * 25 buttons with repeated action ids; forms up to the neutral bounds with long labels and errors.
 * Each payload is checked on the JSON the adapters really send (Block Kit, modal views, activities
 * with Adaptive Cards validated against the official schema).
 */
class PayloadLimitsProperties {
    private static final List<String> TOKENS =
            List.of(
                    "word",
                    " ",
                    " ",
                    "\n",
                    "&",
                    "<",
                    ">",
                    "<@U123ABC>",
                    "*bold*",
                    "é",
                    "漢字",
                    "😀",
                    "a longer piece of ordinary text, ",
                    "\"",
                    "\\");

    @Property(tries = 150)
    void every_message_fits_slack_and_teams(@ForAll("messages") Message message) {
        assertThat(SlackPayloadLimits.of(message)).isEmpty();
        assertThat(TeamsPayloadLimits.of(message)).isEmpty();
    }

    @Property(tries = 80)
    void every_form_fits_a_slack_modal_and_a_teams_card(@ForAll("forms") FormWithErrors f) {
        assertThat(SlackPayloadLimits.of(f.form())).isEmpty();
        assertThat(TeamsPayloadLimits.of(f.form(), f.errors())).isEmpty();
    }

    /** A form and the errors a submission of it may get back. */
    record FormWithErrors(Form form, Map<String, String> errors) {}

    static Arbitrary<String> text(int maxTokens) {
        return Arbitraries.of(TOKENS)
                .list()
                .ofMinSize(0)
                .ofMaxSize(maxTokens)
                .map(parts -> "x" + String.join("", parts));
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<String> body =
                Arbitraries.oneOf(text(40), text(2_000), text(20_000), text(60_000));
        Arbitrary<List<String>> notes =
                Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(9, text(400)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(" ")))
                        .list()
                        .ofMaxSize(40);
        Arbitrary<Button> button =
                Combinators.combine(
                                Arbitraries.of("checkin.answer", "offer.accept", "a"),
                                text(60),
                                Arbitraries.strings().alpha().numeric().ofMaxLength(240),
                                Arbitraries.of(Button.Style.class))
                        .as(Button::new);
        return Combinators.combine(body, notes, button.list().ofMaxSize(Message.MAX_BUTTONS))
                .as(Message::new);
    }

    @Provide
    Arbitrary<FormWithErrors> forms() {
        Arbitrary<Field.Type> types = Arbitraries.of(Field.Type.class);
        Arbitrary<Integer> fieldCount = Arbitraries.integers().between(0, Form.MAX_FIELDS);
        return Combinators.combine(
                        fieldCount,
                        types.list().ofSize(Form.MAX_FIELDS),
                        text(600).list().ofSize(Form.MAX_FIELDS),
                        text(40).list().ofSize(Form.MAX_OPTIONS),
                        Arbitraries.integers().between(1, Field.MAX_OPTIONS),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64),
                        text(100).list().ofSize(Form.MAX_FIELDS),
                        Arbitraries.strings().alpha().ofMaxLength(Form.MAX_CONTEXT))
                .as(
                        (count, kinds, labels, optionLabels, biggest, value, errorTexts, context) ->
                                form(
                                        count,
                                        kinds,
                                        labels,
                                        optionLabels,
                                        biggest,
                                        value,
                                        errorTexts,
                                        context));
    }

    private static FormWithErrors form(
            int count,
            List<Field.Type> kinds,
            List<String> labels,
            List<String> optionLabels,
            int biggest,
            String value,
            List<String> errorTexts,
            String context) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        int optionsLeft = Form.MAX_OPTIONS;
        int initialLeft = Form.MAX_INITIAL;
        int used = 0;
        for (int i = 0; i < count; i++) {
            Field.Type type = kinds.get(i);
            String id = "field_" + i + "_" + "x".repeat(Math.min(30, i));
            boolean choice = type == Field.Type.SINGLE_CHOICE || type == Field.Type.MULTI_CHOICE;
            if (choice && optionsLeft == 0) {
                type = Field.Type.SHORT_TEXT;
                choice = false;
            }
            List<Field.Option> options = new ArrayList<>();
            if (choice) {
                int n = Math.max(1, Math.min(optionsLeft, i == 0 ? biggest : 1 + biggest % 12));
                for (int j = 0; j < n; j++) {
                    String v = (j + "-" + value);
                    options.add(
                            new Field.Option(
                                    v.substring(0, Math.min(v.length(), Field.Option.MAX_VALUE)),
                                    optionLabels.get(used++ % optionLabels.size())));
                }
                optionsLeft -= n;
            }
            int prefill = Math.min(Field.MAX_INITIAL, initialLeft - Field.Option.MAX_VALUE);
            List<String> initial = List.of();
            if (type == Field.Type.SHORT_TEXT && prefill > 0) {
                initial = List.of("y".repeat(prefill));
            } else if (choice && initialLeft >= Field.Option.MAX_VALUE) {
                initial = List.of(options.get(0).value());
            }
            initialLeft -= initial.stream().mapToInt(String::length).sum();
            fields.add(new Field(id, labels.get(i), type, options, i % 2 == 0, initial));
            if (i % 3 == 0) {
                errors.put(id, errorTexts.get(i));
            }
        }
        return new FormWithErrors(
                new Form("form.id", "A form title of 24 char", labels.get(0), fields, context),
                errors);
    }
}

package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.internal.Jackson;

/**
 * Renders neutral messages and forms as Adaptive Cards 1.5. Buttons and form submits are {@code
 * Action.Submit}: a button's data is {@code {"action": id, "value": v}}, a form's is {@code
 * {"form": id, "context": c, "multi": [ids of multi-choice fields]}} with Teams adding the input
 * values by field id. {@link CardSubmission} reads both back.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    static final String ACTION = "action";
    static final String VALUE = "value";
    static final String FORM = "form";
    static final String CONTEXT = "context";
    static final String MULTI = "multi";
    private static final Set<String> RESERVED =
            Set.of(ACTION, VALUE, FORM, CONTEXT, MULTI, "msteams");
    private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");

    private AdaptiveCards() {}

    /** A message as a card: wrapped text, subtle small notes, one submit action per button. */
    static ObjectNode card(Message message) {
        ObjectNode card = emptyCard();
        ArrayNode body = card.putArray("body");
        body.addObject()
                .put("type", "TextBlock")
                .put("text", markdown(message.text()))
                .put("wrap", true);
        for (String note : message.notes()) {
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", markdown(note))
                    .put("wrap", true)
                    .put("size", "small")
                    .put("isSubtle", true);
        }
        if (!message.buttons().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            for (Button button : message.buttons()) {
                ObjectNode action =
                        actions.addObject()
                                .put("type", "Action.Submit")
                                .put("title", button.label());
                style(action, button.style());
                action.putObject("data").put(ACTION, button.actionId()).put(VALUE, button.value());
            }
        }
        return card;
    }

    /** A form as a card, with each error (by field id) shown under its field. */
    static ObjectNode card(Form form, Map<String, String> errors) {
        ObjectNode card = emptyCard();
        ArrayNode body = card.putArray("body");
        body.addObject()
                .put("type", "TextBlock")
                .put("text", form.title())
                .put("wrap", true)
                .put("size", "medium")
                .put("weight", "bolder");
        ArrayNode multi = Jackson.MAPPER.createArrayNode();
        for (Field field : form.fields()) {
            if (RESERVED.contains(field.id())) {
                throw new IllegalArgumentException(
                        "field id reserved by the Teams card data: " + field.id());
            }
            body.add(input(field, errors.get(field.id())));
            if (errors.containsKey(field.id())) {
                body.addObject()
                        .put("type", "TextBlock")
                        .put("text", errors.get(field.id()))
                        .put("wrap", true)
                        .put("color", "attention")
                        .put("size", "small")
                        .put("spacing", "none");
            }
            if (field.type() == Field.Type.MULTI_CHOICE) {
                multi.add(field.id());
            }
        }
        ObjectNode submit =
                card.putArray("actions")
                        .addObject()
                        .put("type", "Action.Submit")
                        .put("title", form.submitLabel())
                        .put("style", "positive");
        ObjectNode data =
                submit.putObject("data").put(FORM, form.formId()).put(CONTEXT, form.context());
        data.set(MULTI, multi);
        return card;
    }

    /** The card wrapped as a message attachment. */
    static ObjectNode attachment(ObjectNode card) {
        ObjectNode attachment = TeamsJson.object().put("contentType", CONTENT_TYPE);
        attachment.set("content", card);
        return attachment;
    }

    private static ObjectNode input(Field field, String error) {
        ObjectNode input = TeamsJson.object();
        switch (field.type()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> {
                input.put("type", "Input.ChoiceSet")
                        .put("style", "compact")
                        .put("isMultiSelect", field.type() == Field.Type.MULTI_CHOICE);
                ArrayNode choices = input.putArray("choices");
                field.options()
                        .forEach(
                                o ->
                                        choices.addObject()
                                                .put("title", o.label())
                                                .put("value", o.value()));
                if (!field.initial().isEmpty()) {
                    input.put("value", String.join(",", field.initial()));
                }
            }
            case BOOLEAN -> {
                input.put("type", "Input.Toggle")
                        .put("title", field.label())
                        .put("valueOn", "true")
                        .put("valueOff", "false")
                        .put("value", field.initial().contains("true") ? "true" : "false");
            }
            case DATE -> {
                input.put("type", "Input.Date");
                field.initial().stream().findFirst().ifPresent(v -> input.put("value", v));
            }
            case SHORT_TEXT -> {
                input.put("type", "Input.Text").put("maxLength", 500);
                field.initial().stream().findFirst().ifPresent(v -> input.put("value", v));
            }
        }
        input.put("id", field.id()).put("label", field.label()).put("isRequired", field.required());
        if (error != null) {
            input.put("errorMessage", error);
        } else if (field.required()) {
            input.put("errorMessage", field.label() + " is required");
        }
        return input;
    }

    private static ObjectNode emptyCard() {
        return TeamsJson.object()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", VERSION);
    }

    private static void style(ObjectNode action, Button.Style style) {
        switch (style) {
            case PRIMARY -> action.put("style", "positive");
            case DANGER -> action.put("style", "destructive");
            case DEFAULT -> {}
        }
    }

    /** The neutral {@code *bold*} becomes Adaptive Card markdown {@code **bold**}. */
    static String markdown(String text) {
        return BOLD.matcher(text).replaceAll("**$1**");
    }
}

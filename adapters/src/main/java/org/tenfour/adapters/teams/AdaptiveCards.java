package org.tenfour.adapters.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>Teams refuses an activity above about 28 KB: a card that would be larger is rendered again
 * with its longest texts shortened (marked "… (shortened)") until it fits; ids and values are never
 * touched (the neutral records bound them so that this always succeeds).
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

    /** Bytes a card may take, leaving room in Teams' 28 KB for the activity around it. */
    static final int CARD_BYTES = 27 * 1024;

    static final String CUT = " … (shortened)";

    /** Characters of an error shown under a field, or of a submit button's title. */
    static final int ERROR_CHARS = 300;

    /** Text alone (no notes, no buttons) cut to fit a plain message activity. */
    static String fitted(String text) {
        String t = text;
        for (int over = bytes(t) - CARD_BYTES; over > 0; over = bytes(t) - CARD_BYTES) {
            t = cut(t, Math.max(CUT.length() + 1, t.length() - Math.max(over, t.length() / 8)));
        }
        return t;
    }

    private static int bytes(String text) {
        try {
            return Jackson.MAPPER.writeValueAsBytes(markdown(text)).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("text that cannot be written", e);
        }
    }

    private AdaptiveCards() {}

    /** A message as a card, shortened to fit {@link #CARD_BYTES}. */
    static ObjectNode card(Message message) {
        ObjectNode card = render(message);
        Message m = message;
        for (int over = over(card); over > 0; over = over(card)) {
            m = smaller(m, over);
            card = render(m);
        }
        return card;
    }

    /** A form as a card, shortened to fit {@link #CARD_BYTES}. */
    static ObjectNode card(Form form, Map<String, String> errors) {
        Map<String, String> e = new LinkedHashMap<>();
        errors.forEach((id, text) -> e.put(id, cut(text, ERROR_CHARS)));
        ObjectNode card = render(form, e);
        Form f = form;
        for (int over = over(card); over > 0; over = over(card)) {
            Form before = f;
            f = smaller(f, over);
            if (f.equals(before)) { // nothing left to cut
                throw new IllegalStateException("a form too large for Teams even when shortened");
            }
            card = render(f, e);
        }
        return card;
    }

    /** A message as a card: wrapped text, subtle small notes, one submit action per button. */
    private static ObjectNode render(Message message) {
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
    private static ObjectNode render(Form form, Map<String, String> errors) {
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
                        .put("title", cut(form.submitLabel(), ERROR_CHARS))
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

    /** How many bytes over {@link #CARD_BYTES} the card is (0 or less when it fits). */
    static int over(ObjectNode card) {
        try {
            return Jackson.MAPPER.writeValueAsBytes(card).length - CARD_BYTES;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a card that cannot be written", e);
        }
    }

    /**
     * The message with its longest text (the text, a note or a label) cut by at least {@code over}.
     */
    private static Message smaller(Message m, int over) {
        int longest = m.text().length();
        int which = -1; // -1 the text, 0.. the notes, then the buttons
        for (int i = 0; i < m.notes().size(); i++) {
            if (m.notes().get(i).length() > longest) {
                longest = m.notes().get(i).length();
                which = i;
            }
        }
        for (int i = 0; i < m.buttons().size(); i++) {
            if (m.buttons().get(i).label().length() > longest) {
                longest = m.buttons().get(i).label().length();
                which = m.notes().size() + i;
            }
        }
        if (longest <= CUT.length() + 1) {
            throw new IllegalStateException("a message too large for Teams even when shortened");
        }
        int keep = Math.max(CUT.length() + 1, longest - Math.max(over, longest / 8));
        if (which < 0) {
            return new Message(cut(m.text(), keep), m.notes(), m.buttons());
        }
        if (which < m.notes().size()) {
            List<String> notes = new ArrayList<>(m.notes());
            notes.set(which, cut(notes.get(which), keep));
            return new Message(m.text(), notes, m.buttons());
        }
        List<Button> buttons = new ArrayList<>(m.buttons());
        Button b = buttons.get(which - m.notes().size());
        buttons.set(
                which - m.notes().size(),
                new Button(b.actionId(), cut(b.label(), keep), b.value(), b.style()));
        return new Message(m.text(), m.notes(), buttons);
    }

    /**
     * The form with its longest label (a field's or an option's) cut by at least {@code over}; the
     * same form when no label is long enough to cut.
     */
    private static Form smaller(Form form, int over) {
        int longest = CUT.length() + 1;
        int field = -1;
        int option = -1;
        for (int i = 0; i < form.fields().size(); i++) {
            Field f = form.fields().get(i);
            if (f.label().length() > longest) {
                longest = f.label().length();
                field = i;
                option = -1;
            }
            for (int j = 0; j < f.options().size(); j++) {
                if (f.options().get(j).label().length() > longest) {
                    longest = f.options().get(j).label().length();
                    field = i;
                    option = j;
                }
            }
        }
        if (field < 0) {
            return form;
        }
        int keep = Math.max(CUT.length() + 1, longest - Math.max(over, longest / 8));
        Field f = form.fields().get(field);
        Field shorter;
        if (option < 0) {
            shorter =
                    new Field(
                            f.id(),
                            cut(f.label(), keep),
                            f.type(),
                            f.options(),
                            f.required(),
                            f.initial());
        } else {
            List<Field.Option> options = new ArrayList<>(f.options());
            Field.Option o = options.get(option);
            options.set(option, new Field.Option(o.value(), cut(o.label(), keep)));
            shorter = new Field(f.id(), f.label(), f.type(), options, f.required(), f.initial());
        }
        List<Field> fields = new ArrayList<>(form.fields());
        fields.set(field, shorter);
        return new Form(form.formId(), form.title(), form.submitLabel(), fields, form.context());
    }

    /** {@code s} cut to {@code keep} characters ending in {@link #CUT}, whole code points. */
    static String cut(String s, int keep) {
        if (s.length() <= keep) {
            return s;
        }
        int end = Math.max(1, keep - CUT.length());
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, Math.max(1, end)) + CUT;
    }

    /** The neutral {@code *bold*} becomes Adaptive Card markdown {@code **bold**}. */
    static String markdown(String text) {
        return BOLD.matcher(text).replaceAll("**$1**");
    }
}

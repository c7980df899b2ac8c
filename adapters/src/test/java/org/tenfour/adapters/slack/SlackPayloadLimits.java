package org.tenfour.adapters.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;

/**
 * Slack's documented limits on what TenFour sends, checked on the JSON the adapter really produces
 * for a neutral message (Block Kit blocks and fallback text) or form (a modal view): every
 * violation named, none when the payload is inside the limits. Public for the product's tests.
 */
public final class SlackPayloadLimits {
    public static final int MESSAGE_BLOCKS = 50;
    public static final int MODAL_BLOCKS = 100;
    public static final int MESSAGE_TEXT = 40_000;
    public static final int SECTION_TEXT = 3_000;
    public static final int HEADER_TEXT = 150;
    public static final int CONTEXT_ELEMENTS = 10;
    public static final int ACTIONS_ELEMENTS = 25;
    public static final int BUTTON_TEXT = 75;
    public static final int ACTION_ID = 255;
    public static final int BLOCK_ID = 255;
    public static final int BUTTON_VALUE = 2_000;
    public static final int VIEW_TITLE = 24;
    public static final int OPTION_TEXT = 75;
    public static final int OPTION_VALUE = 150;
    public static final int SELECT_OPTIONS = 100;
    public static final int CHOICE_BUTTONS = 10;
    public static final int INPUT_LABEL = 2_000;
    public static final int PRIVATE_METADATA = 3_000;
    public static final int CALLBACK_ID = 255;

    private SlackPayloadLimits() {}

    /** Violations of the blocks and fallback text a message is posted with. */
    public static List<String> of(Message message) {
        List<String> out = new ArrayList<>();
        JsonArray blocks =
                GsonFactory.createSnakeCase()
                        .toJsonTree(BlockKitMessages.blocks(message))
                        .getAsJsonArray();
        String text = BlockKitMessages.fallback(message);
        if (text.length() > MESSAGE_TEXT) {
            out.add("message text " + text.length() + " > " + MESSAGE_TEXT);
        }
        if (blocks.size() > MESSAGE_BLOCKS) {
            out.add("message blocks " + blocks.size() + " > " + MESSAGE_BLOCKS);
        }
        blocks(blocks, out);
        return out;
    }

    /** The fallback text a message is posted with. */
    public static String fallback(Message message) {
        return BlockKitMessages.fallback(message);
    }

    /** Violations of blocks given as JSON (for checking the checker). */
    static List<String> ofBlocks(String json) {
        List<String> out = new ArrayList<>();
        JsonArray blocks = JsonParser.parseString(json).getAsJsonArray();
        if (blocks.size() > MESSAGE_BLOCKS) {
            out.add("message blocks " + blocks.size() + " > " + MESSAGE_BLOCKS);
        }
        blocks(blocks, out);
        return out;
    }

    /** Violations of the modal view a form opens as. */
    public static List<String> of(Form form) {
        List<String> out = new ArrayList<>();
        JsonObject view =
                GsonFactory.createSnakeCase().toJsonTree(ModalForms.modal(form)).getAsJsonObject();
        JsonArray blocks = view.getAsJsonArray("blocks");
        if (blocks.size() > MODAL_BLOCKS) {
            out.add("modal blocks " + blocks.size() + " > " + MODAL_BLOCKS);
        }
        for (String key : List.of("title", "submit", "close")) {
            if (view.has(key)) {
                text(view.getAsJsonObject(key), "modal " + key, VIEW_TITLE, out);
            }
        }
        max(string(view, "callback_id"), CALLBACK_ID, "callback_id", out);
        max(string(view, "private_metadata"), PRIVATE_METADATA, "private_metadata", out);
        blocks(blocks, out);
        return out;
    }

    private static void blocks(JsonArray blocks, List<String> out) {
        Set<String> actionIds = new HashSet<>();
        Set<String> blockIds = new HashSet<>();
        for (JsonElement e : blocks) {
            JsonObject block = e.getAsJsonObject();
            String type = string(block, "type");
            String blockId = string(block, "block_id");
            if (blockId != null) {
                max(blockId, BLOCK_ID, "block_id", out);
                if (!blockIds.add(blockId)) {
                    out.add("block_id not unique: " + blockId);
                }
            }
            switch (type) {
                case "section" ->
                        text(block.getAsJsonObject("text"), "section text", SECTION_TEXT, out);
                case "header" ->
                        text(block.getAsJsonObject("text"), "header text", HEADER_TEXT, out);
                case "context" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    if (elements.size() > CONTEXT_ELEMENTS) {
                        out.add("context elements " + elements.size() + " > " + CONTEXT_ELEMENTS);
                    }
                    elements.forEach(
                            t -> text(t.getAsJsonObject(), "context text", SECTION_TEXT, out));
                }
                case "actions" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    if (elements.size() > ACTIONS_ELEMENTS) {
                        out.add("actions elements " + elements.size() + " > " + ACTIONS_ELEMENTS);
                    }
                    elements.forEach(el -> element(el.getAsJsonObject(), actionIds, out));
                }
                case "input" -> {
                    text(block.getAsJsonObject("label"), "input label", INPUT_LABEL, out);
                    element(block.getAsJsonObject("element"), actionIds, out);
                }
                default -> out.add("block type TenFour does not check: " + type);
            }
        }
    }

    private static void element(JsonObject element, Set<String> actionIds, List<String> out) {
        String actionId = string(element, "action_id");
        if (actionId != null) {
            max(actionId, ACTION_ID, "action_id", out);
            if (!actionIds.add(actionId)) {
                out.add("action_id not unique: " + actionId);
            }
        }
        String type = string(element, "type");
        switch (type) {
            case "button" -> {
                text(element.getAsJsonObject("text"), "button text", BUTTON_TEXT, out);
                max(string(element, "value"), BUTTON_VALUE, "button value", out);
            }
            case "static_select", "multi_static_select" ->
                    options(element, SELECT_OPTIONS, type, out);
            case "checkboxes", "radio_buttons" -> options(element, CHOICE_BUTTONS, type, out);
            case "plain_text_input" ->
                    max(string(element, "initial_value"), 3_000, "initial_value", out);
            case "datepicker" -> {}
            default -> out.add("element type TenFour does not check: " + type);
        }
    }

    private static void options(JsonObject element, int most, String type, List<String> out) {
        JsonArray options = element.getAsJsonArray("options");
        if (options.isEmpty() || options.size() > most) {
            out.add(type + " options " + options.size() + " not in 1.." + most);
        }
        for (JsonElement o : options) {
            text(o.getAsJsonObject().getAsJsonObject("text"), "option text", OPTION_TEXT, out);
            max(string(o.getAsJsonObject(), "value"), OPTION_VALUE, "option value", out);
        }
    }

    /** A text object: present, not empty, at most {@code most} characters. */
    private static void text(JsonObject text, String what, int most, List<String> out) {
        String t = text == null ? null : string(text, "text");
        if (t == null || t.isEmpty()) {
            out.add(what + " empty");
            return;
        }
        max(t, most, what, out);
    }

    private static void max(String s, int most, String what, List<String> out) {
        if (s != null && s.length() > most) {
            out.add(what + " " + s.length() + " > " + most);
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}

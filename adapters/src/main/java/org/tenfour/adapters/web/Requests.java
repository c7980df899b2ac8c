package org.tenfour.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.internal.Jackson;

/**
 * The page's JSON requests, as records read by Javalin's JSON mapping; anything malformed or
 * missing is a 400 that says what.
 */
final class Requests {
    private static final ObjectMapper MAPPER = Jackson.MAPPER;
    private static final int MAX_TEXT = 4000;

    private Requests() {}

    /** The JSON of a value pushed on the live stream (a neutral form). */
    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not serialisable: " + value.getClass().getName(), e);
        }
    }

    /** {@code POST /sandbox/api/command}: what a person typed where. */
    record Command(String user, String conversation, String text) {
        Command {
            requireText(user, "user");
            requireText(conversation, "conversation");
            requireText(text, "text");
        }
    }

    /** {@code POST /sandbox/api/button}: a button pressed on a message. */
    record Press(
            String user, String conversation, String messageId, String actionId, String value) {
        Press {
            requireText(user, "user");
            requireText(conversation, "conversation");
            requireText(messageId, "messageId");
            requireText(actionId, "actionId");
            value = value == null ? "" : value;
            requireLength(value, "value");
        }
    }

    /**
     * {@code POST /sandbox/api/form}: a submitted form; {@code conversation} is where its answer
     * shows (the person's DM when absent).
     */
    record Submission(
            String user, String conversation, String formId, Map<String, JsonNode> values) {
        Submission {
            requireText(user, "user");
            conversation = conversation == null || conversation.isBlank() ? null : conversation;
            requireText(formId, "formId");
            if (values == null) {
                throw new BadRequestResponse("missing object field 'values'");
            }
        }

        String conversationOr(String dm) {
            return conversation == null ? dm : conversation;
        }
    }

    /** {@code POST /sandbox/api/time}: days to move forward. */
    record FastForward(JsonNode days) {
        static final int MAX_DAYS = 366;

        FastForward {
            if (days == null || !days.isIntegralNumber() || !days.canConvertToInt()) {
                throw new BadRequestResponse("missing whole-number field 'days'");
            }
            if (days.asInt() < 1 || days.asInt() > MAX_DAYS) {
                throw new BadRequestResponse(
                        "'days' must be between 1 and " + MAX_DAYS + ", was " + days.asInt());
            }
        }

        int count() {
            return days.asInt();
        }
    }

    /**
     * The request body as {@code type}, through Javalin's JSON mapping; anything malformed or
     * missing is a 400 that says what.
     */
    static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new BadRequestResponse("empty body, expected a JSON object");
        }
        try {
            return ctx.bodyAsClass(type);
        } catch (Exception e) { // Javalin's Kotlin mapper throws Jackson's checked exceptions
            throw new BadRequestResponse(reason(e));
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadRequestResponse bad) {
                return bad.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException m && m.getPath().size() == 1) {
                return "field '" + m.getPath().get(0).getFieldName() + "' has the wrong type";
            }
            if (t instanceof JsonProcessingException j && j.getLocation() != null) {
                return "malformed JSON at line "
                        + j.getLocation().getLineNr()
                        + ", column "
                        + j.getLocation().getColumnNr()
                        + ": "
                        + j.getOriginalMessage();
            }
        }
        return "expected a JSON object";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BadRequestResponse("missing text field '" + name + "'");
        }
        requireLength(value, name);
    }

    private static void requireLength(String value, String name) {
        if (value.length() > MAX_TEXT) {
            throw new BadRequestResponse(
                    "field '" + name + "' is longer than " + MAX_TEXT + " characters");
        }
    }

    /**
     * A form's submitted values, by field id, only for the form's own fields: a string or a list of
     * strings per field ({@code true} for a ticked box). Empty values are dropped.
     */
    static Map<String, List<String>> values(Map<String, JsonNode> values, Form form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            JsonNode v = values.get(field.id());
            List<String> list = new ArrayList<>();
            if (v == null || v.isNull()) {
                continue;
            } else if (v.isArray()) {
                v.forEach(item -> list.add(scalar(item, field.id())));
            } else {
                list.add(scalar(v, field.id()));
            }
            List<String> kept =
                    list.stream()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty() && !s.equals("false"))
                            .toList();
            if (!kept.isEmpty()) {
                out.put(field.id(), kept);
            }
        }
        return out;
    }

    private static String scalar(JsonNode node, String field) {
        if (!node.isValueNode()) {
            throw new BadRequestResponse(
                    "field '" + field + "' must be a string, a boolean or a list of strings");
        }
        String s = node.asText();
        if (s.length() > MAX_TEXT) {
            throw new BadRequestResponse(
                    "field '" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }
}

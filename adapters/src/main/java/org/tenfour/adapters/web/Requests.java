package org.tenfour.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.internal.Jackson;

/** Reads the page's JSON requests; anything malformed or missing is a 400 that says what. */
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

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestResponse("empty body, expected a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse(
                    "malformed JSON at line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ": "
                            + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestResponse("expected a JSON object");
        }
        return node;
    }

    static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestResponse("missing text field '" + name + "'");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new BadRequestResponse(
                    "field '" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    static int number(JsonNode body, String name, int min, int max) {
        JsonNode value = body.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadRequestResponse("missing whole-number field '" + name + "'");
        }
        int n = value.asInt();
        if (n < min || n > max) {
            throw new BadRequestResponse(
                    "'" + name + "' must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    /**
     * A form's submitted values, by field id, only for the form's own fields: a string or a list of
     * strings per field ({@code true} for a ticked box). Empty values are dropped.
     */
    static Map<String, List<String>> values(JsonNode body, Form form) {
        JsonNode values = body.get("values");
        if (values == null || !values.isObject()) {
            throw new BadRequestResponse("missing object field 'values'");
        }
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

package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tenfour.adapters.internal.Jackson;

/** Small helpers over the product's one Jackson mapper for the Bot Framework's JSON. */
final class TeamsJson {
    private TeamsJson() {}

    static ObjectNode object() {
        return Jackson.MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        return node.toString();
    }

    /** Text of a field, or null when absent or not textual. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

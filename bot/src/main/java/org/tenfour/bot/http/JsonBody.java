package org.tenfour.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.tenfour.adapters.internal.Jackson;

/** Request and response bodies as JSON: parsing that turns bad input into a 400. */
public final class JsonBody {
    private JsonBody() {}

    /**
     * Parses a request body; malformed JSON becomes a {@link BadRequestException} with the reason.
     */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("empty body, expected JSON");
        }
        try {
            return Jackson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(
                    "malformed JSON at line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ": "
                            + e.getOriginalMessage());
        }
    }

    /** Serialises a value (which must be serialisable). */
    public static String write(Object value) {
        try {
            return Jackson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not serialisable: " + value.getClass().getName(), e);
        }
    }
}

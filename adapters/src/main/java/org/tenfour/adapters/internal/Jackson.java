package org.tenfour.adapters.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The product's one Jackson configuration, shared by the adapters, the bot and (through JDBI's
 * Jackson plugin) the JSON columns: ISO-8601 dates, and lenient about fields that Slack, Microsoft
 * or an older row add.
 */
public final class Jackson {
    /** Shared, thread-safe mapper; never reconfigure it. */
    public static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private Jackson() {}

    /** {@code value} as JSON text; for values that always serialise (maps, lists, records). */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }
}

package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a card sent back: a button press or a form submission, read from the data that {@link
 * AdaptiveCards} put on the action (plus the input values Teams adds by input id).
 */
sealed interface CardSubmission {

    /** A button: {@code {"action": id, "value": v}} (or an {@code Action.Execute} verb). */
    record Pressed(String actionId, String value) implements CardSubmission {
        public Pressed {
            Objects.requireNonNull(actionId, "null actionId");
            Objects.requireNonNull(value, "null value");
        }
    }

    /** A form: its id, context and values by field id; multi-choice values split on commas. */
    record Submitted(String formId, String context, Map<String, List<String>> values)
            implements CardSubmission {
        public Submitted {
            Objects.requireNonNull(formId, "null formId");
            Objects.requireNonNull(context, "null context");
            values = Map.copyOf(values);
        }
    }

    /**
     * Reads card data; {@code verb} is the {@code Action.Execute} verb, or null for {@code
     * Action.Submit}.
     */
    static Optional<CardSubmission> parse(JsonNode data, String verb) {
        if (data == null || !data.isObject()) {
            return verb == null ? Optional.empty() : Optional.of(new Pressed(verb, ""));
        }
        String form = TeamsJson.text(data, AdaptiveCards.FORM);
        if (form != null && !form.isBlank()) {
            return Optional.of(submitted(form, data));
        }
        String action =
                Optional.ofNullable(TeamsJson.text(data, AdaptiveCards.ACTION)).orElse(verb);
        if (action == null || action.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new Pressed(
                        action,
                        Optional.ofNullable(TeamsJson.text(data, AdaptiveCards.VALUE)).orElse("")));
    }

    private static Submitted submitted(String formId, JsonNode data) {
        Set<String> multi = new HashSet<>();
        data.path(AdaptiveCards.MULTI).forEach(id -> multi.add(id.asText()));
        Map<String, List<String>> values = new LinkedHashMap<>();
        data.fields()
                .forEachRemaining(
                        entry -> {
                            String key = entry.getKey();
                            if (key.equals(AdaptiveCards.FORM)
                                    || key.equals(AdaptiveCards.CONTEXT)
                                    || key.equals(AdaptiveCards.MULTI)
                                    || key.equals("msteams")) {
                                return;
                            }
                            String raw =
                                    entry.getValue().isNull()
                                            ? ""
                                            : entry.getValue().asText().trim();
                            values.put(key, split(raw, multi.contains(key)));
                        });
        return new Submitted(
                formId,
                Optional.ofNullable(TeamsJson.text(data, AdaptiveCards.CONTEXT)).orElse(""),
                values);
    }

    private static List<String> split(String raw, boolean multi) {
        if (raw.isEmpty()) {
            return List.of();
        }
        if (!multi) {
            return List.of(raw);
        }
        List<String> parts = new ArrayList<>();
        Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(parts::add);
        return parts;
    }
}

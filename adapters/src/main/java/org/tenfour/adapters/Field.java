package org.tenfour.adapters;

import java.util.List;
import java.util.Objects;

/**
 * One input of a {@link Form}.
 *
 * @param id the key under which the value is submitted
 * @param label what the user reads
 * @param type what kind of input
 * @param options the choices, for choice types; empty otherwise
 * @param required whether a value must be given
 * @param initial pre-selected values (option values, {@code true}, an ISO date, or text)
 */
public record Field(
        String id,
        String label,
        Type type,
        List<Option> options,
        boolean required,
        List<String> initial) {

    /** Input kinds every platform can render. */
    public enum Type {
        SINGLE_CHOICE,
        MULTI_CHOICE,
        BOOLEAN,
        DATE,
        SHORT_TEXT
    }

    public Field {
        Address.requireText(id, "id");
        Address.requireText(label, "label");
        Objects.requireNonNull(type, "null type");
        options = List.copyOf(Objects.requireNonNull(options, "null options"));
        initial = List.copyOf(Objects.requireNonNull(initial, "null initial"));
        boolean choice = type == Type.SINGLE_CHOICE || type == Type.MULTI_CHOICE;
        if (choice && options.isEmpty()) {
            throw new IllegalArgumentException("choice field without options: " + id);
        }
        if (!choice && !options.isEmpty()) {
            throw new IllegalArgumentException("options on a non-choice field: " + id);
        }
    }

    /** One choice of a choice field. */
    public record Option(String value, String label) {
        public Option {
            Address.requireText(value, "value");
            Address.requireText(label, "label");
        }
    }

    /** A single-choice field. */
    public static Field choice(String id, String label, List<Option> options, boolean required) {
        return new Field(id, label, Type.SINGLE_CHOICE, options, required, List.of());
    }

    /** A multi-choice field. */
    public static Field multiChoice(
            String id, String label, List<Option> options, boolean required) {
        return new Field(id, label, Type.MULTI_CHOICE, options, required, List.of());
    }

    /** The same field with pre-selected values. */
    public Field withInitial(List<String> values) {
        return new Field(id, label, type, options, required, values);
    }
}

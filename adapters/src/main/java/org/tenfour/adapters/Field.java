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

    /** Characters of a field id (it names the input on every platform). */
    public static final int MAX_ID = 40;

    /** Options a choice field may offer (Slack's limit for a select). */
    public static final int MAX_OPTIONS = 100;

    /** Characters of a pre-filled value (the Teams text input takes 500). */
    public static final int MAX_INITIAL = 500;

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
        Address.requireAtMost(id, MAX_ID, "field id");
        if (options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException(
                    "more than " + MAX_OPTIONS + " options in field " + id + ": " + options.size());
        }
        for (String v : initial) {
            Address.requireAtMost(v, MAX_INITIAL, "initial value of " + id);
        }
    }

    /** One choice of a choice field. */
    public record Option(String value, String label) {
        /** Characters of an option's value (Slack allows 150; a card carries every one). */
        public static final int MAX_VALUE = 64;

        public Option {
            Address.requireText(value, "value");
            Address.requireText(label, "label");
            Address.requireAtMost(value, MAX_VALUE, "option value");
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

package org.tenfour.adapters;

import java.util.Objects;

/**
 * A button on a message. Pressing it comes back as a {@link InboundEvent.ButtonPressed} carrying
 * {@code actionId} and {@code value}.
 *
 * @param actionId what the product does when pressed (e.g. {@code checkin.ok})
 * @param label what the user reads
 * @param value an opaque reference the product needs to act (never personal content)
 * @param style how prominent the button is
 */
public record Button(String actionId, String label, String value, Style style) {
    /** Slack allows 255 for an action id; repeats get a short suffix (see the Slack adapter). */
    public static final int MAX_ACTION_ID = 200;

    /** Slack's limit on a button's value. */
    public static final int MAX_VALUE = 2_000;

    /** Visual weight of a button. */
    public enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    public Button {
        Address.requireText(actionId, "actionId");
        Address.requireText(label, "label");
        Objects.requireNonNull(value, "null value");
        Objects.requireNonNull(style, "null style");
        Address.requireAtMost(actionId, MAX_ACTION_ID, "actionId");
        Address.requireAtMost(value, MAX_VALUE, "button value");
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("control character in a button value");
        }
    }

    /** A default-styled button. */
    public static Button of(String actionId, String label, String value) {
        return new Button(actionId, label, value, Style.DEFAULT);
    }
}

package org.tenfour.bot.report;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One published number of a report, or the marker that replaces it. A suppressed cell does not
 * carry its true value at all, so no renderer can leak it.
 */
public record Cell(State state, OptionalInt value) {

    /** Whether and why a number is shown. */
    public enum State {
        /** Shown as is. */
        PUBLISHED,
        /** Below the threshold k: shown as "&lt;k". */
        BELOW_K,
        /** At or above k but hidden so that a small cell cannot be worked out: shown as "–". */
        HIDDEN,
        /**
         * Any number, withheld because even "&lt;k" or "–" would narrow a small one (two small
         * cells next to their total): shown as "hidden".
         */
        WITHHELD,
        /** Not measured for this period (e.g. roster flags have no history): shown as "n/a". */
        NOT_AVAILABLE
    }

    public Cell {
        Objects.requireNonNull(state, "null state");
        Objects.requireNonNull(value, "null value");
        if ((state == State.PUBLISHED) != value.isPresent()) {
            throw new IllegalArgumentException(
                    "a "
                            + state
                            + " cell "
                            + (value.isPresent() ? "with" : "without")
                            + " a value");
        }
        if (value.isPresent() && value.getAsInt() < 0) {
            throw new IllegalArgumentException("negative count: " + value.getAsInt());
        }
    }

    public static Cell of(int value) {
        return new Cell(State.PUBLISHED, OptionalInt.of(value));
    }

    public static Cell belowK() {
        return new Cell(State.BELOW_K, OptionalInt.empty());
    }

    public static Cell hidden() {
        return new Cell(State.HIDDEN, OptionalInt.empty());
    }

    public static Cell withheld() {
        return new Cell(State.WITHHELD, OptionalInt.empty());
    }

    public static Cell notAvailable() {
        return new Cell(State.NOT_AVAILABLE, OptionalInt.empty());
    }

    public boolean published() {
        return state == State.PUBLISHED;
    }

    /** What a reader sees: the number, "&lt;k", "–", "hidden" or "n/a". */
    public String text(int k) {
        return switch (state) {
            case PUBLISHED -> Integer.toString(value.getAsInt());
            case BELOW_K -> "<" + k;
            case HIDDEN -> "–";
            case WITHHELD -> "hidden";
            case NOT_AVAILABLE -> "n/a";
        };
    }
}

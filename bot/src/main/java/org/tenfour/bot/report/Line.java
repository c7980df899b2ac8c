package org.tenfour.bot.report;

import java.util.Objects;
import java.util.OptionalInt;

/** One row of a report: a code, its label, this period's and the previous period's cell. */
public record Line(String code, String label, Cell current, Cell previous) {
    public Line {
        Objects.requireNonNull(code, "null code");
        Objects.requireNonNull(label, "null label");
        Objects.requireNonNull(current, "null current");
        Objects.requireNonNull(previous, "null previous");
    }

    /**
     * The change since the previous period, only when both numbers are published: a trend next to a
     * hidden number would give it away (previous + trend = current).
     */
    public OptionalInt trend() {
        return Suppression.trend(current, previous);
    }
}

package org.tenfour.bot.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** A report period: the month, quarter or year ending on the report day (inclusive). */
public enum Period {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    Period(int months) {
        this.months = months;
    }

    /** The period ending on {@code today}, inclusive. */
    public Range ending(LocalDate today) {
        Objects.requireNonNull(today, "null today");
        return new Range(today.minusMonths(months).plusDays(1), today);
    }

    /** The period just before {@link #ending}. */
    public Range before(LocalDate today) {
        Range current = ending(today);
        return new Range(current.from().minusMonths(months), current.from().minusDays(1));
    }

    /** Parses {@code month}, {@code quarter} or {@code year}; blank means month. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            return MONTH;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a report period (month, quarter, year): " + text, e);
        }
    }

    /** Days {@code from} to {@code to}, both inclusive. */
    public record Range(LocalDate from, LocalDate to) {
        public Range {
            Objects.requireNonNull(from, "null from");
            Objects.requireNonNull(to, "null to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(
                        "range ends before it starts: " + from + ".." + to);
            }
        }

        @Override
        public String toString() {
            return from + " – " + to;
        }
    }
}

package org.tenfour.bot.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A report period: a calendar month, quarter or year. Reports cover closed periods only. */
public enum Period {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private static final DateTimeFormatter MONTH_NAME =
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final int months;

    Period(int months) {
        this.months = months;
    }

    /** The last period of this kind that ended before {@code today}. */
    public Range lastCompleted(LocalDate today) {
        Objects.requireNonNull(today, "null today");
        return containing(today).before();
    }

    /** The period of this kind that contains {@code day}. */
    public Range containing(LocalDate day) {
        int startMonth = ((day.getMonthValue() - 1) / months) * months + 1;
        LocalDate from = LocalDate.of(day.getYear(), startMonth, 1);
        return new Range(this, from);
    }

    /** Lower-case name, as typed: {@code month}, {@code quarter}, {@code year}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
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

    /** One calendar period: its kind and first day. */
    public record Range(Period period, LocalDate from) {
        public Range {
            Objects.requireNonNull(period, "null period");
            Objects.requireNonNull(from, "null from");
            if (from.getDayOfMonth() != 1 || (from.getMonthValue() - 1) % period.months != 0) {
                throw new IllegalArgumentException(
                        "not the start of a " + period.word() + ": " + from);
            }
        }

        /** The last day, inclusive. */
        public LocalDate to() {
            return from.plusMonths(period.months).minusDays(1);
        }

        /** The period of the same kind just before. */
        public Range before() {
            return new Range(period, from.minusMonths(period.months));
        }

        /** The calendar months of this period, in order. */
        public List<Range> months() {
            List<Range> out = new ArrayList<>();
            for (int i = 0; i < period.months; i++) {
                out.add(new Range(MONTH, from.plusMonths(i)));
            }
            return out;
        }

        /** What a reader sees: "November 2026", "Q4 2026", "2026". */
        public String label() {
            return switch (period) {
                case MONTH -> MONTH_NAME.format(from);
                case QUARTER -> "Q" + ((from.getMonthValue() - 1) / 3 + 1) + " " + from.getYear();
                case YEAR -> Integer.toString(from.getYear());
            };
        }

        @Override
        public String toString() {
            return label() + " (" + from + " – " + to() + ")";
        }
    }
}

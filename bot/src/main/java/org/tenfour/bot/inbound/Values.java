package org.tenfour.bot.inbound;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values that any feature's arguments carry, parsed with an answer that shows the right form. */
public final class Values {
    private static final Pattern SPAN =
            Pattern.compile("(\\d+)\\s*(d|day|days|w|week|weeks|m|month|months)");

    private Values() {}

    /** An IANA zone such as {@code America/Chicago}. */
    public static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new UsageException(
                    "'" + text + "' is not a time zone I know; use a name like America/Chicago.");
        }
    }

    /** {@code 2w}, {@code 3d}, {@code 1m} (30 days), {@code 10 days}; at most a year. */
    public static Duration span(String text) {
        Matcher m = SPAN.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw UsageException.said("usage.span", text);
        }
        long n = Long.parseLong(m.group(1));
        long days =
                switch (m.group(2).charAt(0)) {
                    case 'w' -> n * 7;
                    case 'm' -> n * 30;
                    default -> n;
                };
        if (days < 1 || days > 365) {
            throw UsageException.said("usage.spanRange");
        }
        return Duration.ofDays(days);
    }

    /** A date like 2026-12-10. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw UsageException.said("usage.date", text);
        }
    }
}

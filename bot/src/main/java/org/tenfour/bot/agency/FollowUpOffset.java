package org.tenfour.bot.agency;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an incident follow-up check-in is due, as coordinators write it: {@code 24h}, {@code 7d},
 * {@code 2w} (elapsed time since the incident) or {@code 1y} (the anniversary, same calendar day).
 *
 * @param amount how many units, at least 1
 * @param unit {@code h}, {@code d}, {@code w} or {@code y}
 */
public record FollowUpOffset(int amount, char unit) implements Comparable<FollowUpOffset> {
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,3})([hdwy])");

    /** The longest offset: two years. */
    public static final Duration MAX = Duration.ofDays(731);

    public FollowUpOffset {
        if (amount < 1) {
            throw new IllegalArgumentException("offset amount must be at least 1: " + amount);
        }
        if ("hdwy".indexOf(unit) < 0) {
            throw new IllegalArgumentException("offset unit must be h, d, w or y: " + unit);
        }
        if (approximate(amount, unit).compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "an incident follow-up is at most two years after: " + amount + unit);
        }
    }

    /** Parses {@code 72h}, {@code 7d}, {@code 2w}, {@code 1y}; an explanation when it cannot. */
    public static FollowUpOffset parse(String text) {
        Objects.requireNonNull(text, "null offset");
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not an offset: write hours, days, weeks or years, e.g. 72h,"
                            + " 7d, 2w, 1y");
        }
        return new FollowUpOffset(Integer.parseInt(m.group(1)), m.group(2).charAt(0));
    }

    /** The moment the follow-up is due, before it is fitted into the member's contact window. */
    public Instant after(Instant incident) {
        return switch (unit) {
            case 'h' -> incident.plus(Duration.ofHours(amount));
            case 'd' -> incident.plus(Duration.ofDays(amount));
            case 'w' -> incident.plus(Duration.ofDays(7L * amount));
            default -> incident.atOffset(ZoneOffset.UTC).plus(Period.ofYears(amount)).toInstant();
        };
    }

    /** Whether this is an anniversary (years): its check-in is of the anniversary kind. */
    public boolean anniversary() {
        return unit == 'y';
    }

    @Override
    public int compareTo(FollowUpOffset o) {
        return approximate(amount, unit).compareTo(approximate(o.amount, o.unit));
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit);
    }

    private static Duration approximate(int amount, char unit) {
        return switch (unit) {
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7L * amount);
            default -> Duration.ofDays(365L * amount);
        };
    }
}

package org.tenfour.bot.checkin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a person may be contacted: a daily time range on some weekdays, in their zone. A range whose
 * end is not after its start runs overnight (a night shift, 22:00–06:00). Computed with {@link
 * ZonedDateTime}, so days that gain or lose an hour keep the same wall-clock window.
 *
 * @param start first minute of the window (wall clock)
 * @param end end of the window (wall clock, exclusive)
 * @param days the days on which a window starts
 * @param zone the person's time zone
 */
public record ContactWindow(
        LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone, Set<LocalDate> closed) {

    /** A window without holidays. */
    public ContactWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {
        this(start, end, days, zone, Set.of());
    }

    public ContactWindow {
        Objects.requireNonNull(start, "null start");
        Objects.requireNonNull(end, "null end");
        Objects.requireNonNull(zone, "null zone");
        days = Set.copyOf(Objects.requireNonNull(days, "null days"));
        closed = Set.copyOf(Objects.requireNonNull(closed, "null closed"));
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a contact window needs at least one day");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("an empty contact window: " + start + "-" + end);
        }
    }

    /** The first instant at or after {@code from} inside the window. */
    public Instant next(Instant from) {
        LocalDate day =
                from.atZone(zone)
                        .toLocalDate()
                        .minusDays(1); // yesterday's overnight window may still be open
        for (int i = 0; i < 15 + closed.size(); i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek()) || closed.contains(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, start, zone).toInstant();
            LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
            Instant close = ZonedDateTime.of(endDay, end, zone).toInstant();
            if (from.isBefore(close)) {
                return from.isBefore(open) ? open : from;
            }
        }
        throw new IllegalStateException(
                "no window found within two weeks and the holidays: " + this);
    }

    /** Whether {@code at} lies inside the window. */
    public boolean contains(Instant at) {
        return next(at).equals(at);
    }
}

package org.tenfour.bot.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import org.tenfour.storage.OnCallRota;

/**
 * One on-call week: from a handoff to the next, in the agency's zone (a week across a DST change is
 * 167 or 169 hours long, and the handoff stays at its local time).
 *
 * @param start the local day of the handoff that opens the week (it names the week)
 */
record RotaWeek(LocalDate start, ZonedDateTime from, ZonedDateTime until) {
    RotaWeek {
        Objects.requireNonNull(start, "null start");
        Objects.requireNonNull(from, "null from");
        Objects.requireNonNull(until, "null until");
    }

    /** The week {@code at} falls in. */
    static RotaWeek at(OnCallRota rota, ZoneId zone, Instant at) {
        ZonedDateTime now = at.atZone(zone);
        LocalDate day = now.toLocalDate().with(TemporalAdjusters.previousOrSame(rota.day()));
        if (day.atTime(rota.handoffTime()).atZone(zone).isAfter(now)) {
            day = day.minusWeeks(1);
        }
        return starting(rota, zone, day);
    }

    /** The week that opens on {@code day} (a handoff day). */
    static RotaWeek starting(OnCallRota rota, ZoneId zone, LocalDate day) {
        return new RotaWeek(
                day,
                day.atTime(rota.handoffTime()).atZone(zone),
                day.plusWeeks(1).atTime(rota.handoffTime()).atZone(zone));
    }

    /** The week after this one. */
    RotaWeek next(OnCallRota rota) {
        return starting(rota, from.getZone(), start.plusWeeks(1));
    }

    /** How many weeks after the rota's week 0 this one is (negative before it). */
    long index(OnCallRota rota) {
        return Math.floorDiv(ChronoUnit.DAYS.between(rota.anchorDate(), start), 7);
    }
}

package org.tenfour.bot.checkin;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.tenfour.storage.Agency;

/**
 * The week a stress-continuum answer is counted in: its Monday in the agency's zone — or the 1st of
 * the month when that Monday lies in the month before, so that every count belongs to one calendar
 * month and a quarter stays the sum of its months.
 */
final class ContinuumWeeks {
    private ContinuumWeeks() {}

    static LocalDate bucket(Agency agency, Instant at) {
        LocalDate day = at.atZone(zone(agency)).toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.getMonth() == day.getMonth() ? monday : day.withDayOfMonth(1);
    }

    private static ZoneId zone(Agency agency) {
        try {
            return agency.timeZone() == null || agency.timeZone().isBlank()
                    ? ZoneId.of("UTC")
                    : ZoneId.of(agency.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}

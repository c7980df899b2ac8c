package org.tenfour.bot.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * An agency's schedule rules: when incident follow-up check-ins are due, and the agency's holidays,
 * on which no proactive check-in goes out (it moves to the next day of the contact window). Absent
 * values take the defaults, so older stored settings still read.
 *
 * @param incidentOffsets follow-ups after an incident, e.g. {@code 24h 72h 7d 1y} (the default)
 * @param holidays days without proactive check-ins, in the member's zone, sorted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduleRules(List<String> incidentOffsets, List<LocalDate> holidays) {
    /** The follow-ups of an agency that set none. */
    public static final List<String> DEFAULT_OFFSETS = List.of("24h", "72h", "7d", "1y");

    /** At most this many follow-ups per incident. */
    public static final int MAX_OFFSETS = 8;

    /** At most this many holidays kept (past ones are dropped when a new one is added). */
    public static final int MAX_HOLIDAYS = 100;

    public static final ScheduleRules DEFAULTS = new ScheduleRules(DEFAULT_OFFSETS, List.of());

    @JsonCreator
    public ScheduleRules {
        if (incidentOffsets == null || incidentOffsets.isEmpty()) {
            incidentOffsets = DEFAULT_OFFSETS;
        }
        TreeSet<FollowUpOffset> sorted = new TreeSet<>();
        for (String o : incidentOffsets) {
            if (!sorted.add(FollowUpOffset.parse(o))) {
                throw new IllegalArgumentException("the same follow-up twice: " + o);
            }
        }
        if (sorted.size() > MAX_OFFSETS) {
            throw new IllegalArgumentException(
                    "at most " + MAX_OFFSETS + " follow-ups: " + incidentOffsets);
        }
        incidentOffsets = sorted.stream().map(FollowUpOffset::toString).toList();
        holidays = holidays == null ? List.of() : List.copyOf(new TreeSet<>(holidays));
        if (holidays.size() > MAX_HOLIDAYS) {
            throw new IllegalArgumentException("at most " + MAX_HOLIDAYS + " holidays");
        }
    }

    /** The follow-ups, earliest first. */
    public List<FollowUpOffset> offsets() {
        return incidentOffsets.stream().map(FollowUpOffset::parse).toList();
    }

    public ScheduleRules withOffsets(List<String> value) {
        return new ScheduleRules(value, holidays);
    }

    public ScheduleRules withHolidays(List<LocalDate> value) {
        return new ScheduleRules(incidentOffsets, value);
    }
}

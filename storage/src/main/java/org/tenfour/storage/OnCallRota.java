package org.tenfour.storage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An agency's on-call rota settings: when the week turns over (in the agency's zone), which week
 * the rotation counts from, and who is told when no peer is left.
 *
 * @param handoffDay ISO day of the week, 1 (Monday) to 7
 * @param anchorDate the first day of week 0: the peer at position 0 was on call that week
 * @param lastResortMemberId a coordinator or director paged when the chain is exhausted, or null
 */
public record OnCallRota(
        UUID agencyId,
        int handoffDay,
        LocalTime handoffTime,
        LocalDate anchorDate,
        UUID lastResortMemberId) {
    public OnCallRota {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(handoffTime, "null handoffTime");
        Objects.requireNonNull(anchorDate, "null anchorDate");
        if (handoffDay < 1 || handoffDay > 7) {
            throw new IllegalArgumentException("handoffDay must be 1..7: " + handoffDay);
        }
    }

    /** The handoff day as a {@link DayOfWeek}. */
    public DayOfWeek day() {
        return DayOfWeek.of(handoffDay);
    }
}

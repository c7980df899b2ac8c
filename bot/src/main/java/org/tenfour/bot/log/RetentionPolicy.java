package org.tenfour.bot.log;

import java.time.Period;
import java.util.Objects;
import java.util.UUID;

/** Port: how long an agency keeps coded logs (an agency setting; {@link #DEFAULT} if unset). */
@FunctionalInterface
public interface RetentionPolicy {
    Period DEFAULT = Period.ofYears(7);

    /** The agency's retention period. */
    Period retentionFor(UUID agencyId);

    /** The same period for every agency. */
    static RetentionPolicy fixed(Period period) {
        Objects.requireNonNull(period, "null period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + period);
        }
        return agencyId -> period;
    }
}

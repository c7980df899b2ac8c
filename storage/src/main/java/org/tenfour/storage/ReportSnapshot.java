package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One published report snapshot (its cells as the bot wrote them). */
public record ReportSnapshot(
        UUID agencyId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        int k,
        String cells,
        Instant publishedAt) {
    public ReportSnapshot {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(period, "null period");
        Objects.requireNonNull(periodStart, "null periodStart");
        Objects.requireNonNull(periodEnd, "null periodEnd");
        Objects.requireNonNull(cells, "null cells");
        Objects.requireNonNull(publishedAt, "null publishedAt");
    }
}

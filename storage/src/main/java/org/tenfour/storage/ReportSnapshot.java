package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.json.Json;

/**
 * One published report snapshot: its cells as the bot published them (the {@code cells} JSON
 * column, read and written by JDBI's Jackson plugin).
 */
public record ReportSnapshot(
        UUID agencyId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        int k,
        @Json List<Cell> cells,
        Instant publishedAt) {
    public ReportSnapshot {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(period, "null period");
        Objects.requireNonNull(periodStart, "null periodStart");
        Objects.requireNonNull(periodEnd, "null periodEnd");
        cells = List.copyOf(Objects.requireNonNull(cells, "null cells"));
        Objects.requireNonNull(publishedAt, "null publishedAt");
    }

    /**
     * A published cell: its key, its state (the name of the bot's cell state: published, below k,
     * hidden …) and, only when published, its value.
     */
    public record Cell(String key, String state, Integer value) {
        public Cell {
            Objects.requireNonNull(key, "null key");
            Objects.requireNonNull(state, "null state");
        }
    }
}

package org.tenfour.bot.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of a report.
 *
 * @param id stable machine id ({@code contact_type}, {@code topic}, …), used in CSV
 * @param title what a reader sees
 * @param note how to read it (e.g. "a contact can have several topics"), or empty
 */
public record Breakdown(String id, String title, String note, List<Line> lines) {
    public Breakdown {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(title, "null title");
        Objects.requireNonNull(note, "null note");
        lines = List.copyOf(Objects.requireNonNull(lines, "null lines"));
    }
}

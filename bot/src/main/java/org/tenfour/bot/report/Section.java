package org.tenfour.bot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of a report as laid out: its lines' codes and labels, and how its numbers relate.
 *
 * @param id stable machine id, used in CSV and in a cell's key ({@code id/code})
 * @param total key of the number the lines add up to ({@link #relation}), or null (separate lines)
 * @param ownTotal whether the total is a line of this table (a "Total" line first)
 * @param additive whether a quarter's number is the sum of its months' (false for per-peer bands)
 */
record Section(
        String id,
        String title,
        String note,
        String total,
        boolean ownTotal,
        Suppression.Relation relation,
        boolean additive,
        List<String> codes,
        List<String> labels) {
    Section {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(title, "null title");
        Objects.requireNonNull(note, "null note");
        Objects.requireNonNull(relation, "null relation");
        codes = List.copyOf(codes);
        labels = List.copyOf(labels);
        if (codes.size() != labels.size()) {
            throw new IllegalArgumentException(id + ": " + codes + " vs " + labels);
        }
    }

    String key(String code) {
        return id + "/" + code;
    }

    /** Every key of this section, the total first when it is the section's own. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        if (ownTotal) {
            out.add(total);
        }
        codes.forEach(c -> out.add(key(c)));
        return out;
    }
}

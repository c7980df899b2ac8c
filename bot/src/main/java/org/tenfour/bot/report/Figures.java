package org.tenfour.bot.report;

import java.util.Map;
import java.util.Objects;

/**
 * One closed period's true numbers, before suppression, by cell key. Never leaves this package and
 * is never stored.
 */
record Figures(Map<String, Integer> counts, long medianMinutes, long p90Minutes) {
    Figures {
        counts = Map.copyOf(Objects.requireNonNull(counts, "null counts"));
    }

    int count(String key) {
        return counts.getOrDefault(key, 0);
    }
}

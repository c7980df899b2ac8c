package org.tenfour.bot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reader of everything published knows: numbers (shown, or hidden with a marker) and the
 * sums that link them. Some numbers are still to be decided (this publication); the others were
 * published before and are fixed, or were never published and are unknown.
 */
final class Disclosure {
    /** How a whole relates to its parts. */
    enum Kind {
        /** Each item is in exactly one part: the parts add up to the whole. */
        SUM,
        /** Each item is in at least one part (multi-select): no part exceeds the whole. */
        AT_LEAST
    }

    /** {@code whole} relates to {@code parts} by {@code kind}; indexes of numbers. */
    @SuppressWarnings("ArrayRecordComponent") // cloned in, never compared
    record Link(Kind kind, int whole, int[] parts) {
        Link {
            Objects.requireNonNull(kind, "null kind");
            parts = parts.clone();
        }
    }

    private static final int UNKNOWN = -1;

    final int k;
    final List<String> keys = new ArrayList<>();
    final List<Integer> truth = new ArrayList<>();
    final List<Cell.State> states = new ArrayList<>();
    final List<Integer> shown = new ArrayList<>();
    final List<Link> links = new ArrayList<>();

    Disclosure(int k) {
        if (k < Suppression.MIN_K) {
            throw new IllegalArgumentException("k below " + Suppression.MIN_K + ": " + k);
        }
        this.k = k;
    }

    /** A number of this publication: primary suppression decides its first state. */
    int decide(String key, int trueValue) {
        if (trueValue < 0) {
            throw new IllegalArgumentException("negative count for " + key + ": " + trueValue);
        }
        return add(
                key,
                trueValue,
                trueValue < k ? Cell.State.BELOW_K : Cell.State.PUBLISHED,
                trueValue);
    }

    /** A number published earlier, as it was shown. */
    int fixed(String key, Cell cell) {
        return add(
                key, UNKNOWN, cell.state(), cell.published() ? cell.value().getAsInt() : UNKNOWN);
    }

    /** A number never published (anything from 0 up). */
    int unknown(String key) {
        return add(key, UNKNOWN, Cell.State.NOT_AVAILABLE, UNKNOWN);
    }

    private int add(String key, int trueValue, Cell.State state, int shownValue) {
        keys.add(Objects.requireNonNull(key, "null key"));
        truth.add(trueValue);
        states.add(state);
        shown.add(shownValue);
        return keys.size() - 1;
    }

    void link(Kind kind, int whole, List<Integer> parts) {
        links.add(new Link(kind, whole, parts.stream().mapToInt(Integer::intValue).toArray()));
    }

    int size() {
        return keys.size();
    }

    boolean decidable(int i) {
        return truth.get(i) != UNKNOWN;
    }

    /** Hides a published number of this publication ("–": at least k). */
    void hide(int i) {
        if (!decidable(i) || states.get(i) != Cell.State.PUBLISHED) {
            throw new IllegalStateException("not a published number of this report: " + i);
        }
        states.set(i, Cell.State.HIDDEN);
        shown.set(i, UNKNOWN);
    }

    /** Withholds a hidden number of this publication: no marker says how large it is. */
    void withhold(int i) {
        if (!decidable(i) || states.get(i) == Cell.State.PUBLISHED) {
            throw new IllegalStateException("not a hidden number of this report: " + i);
        }
        states.set(i, Cell.State.WITHHELD);
    }

    /** The cell as it will be shown: carries the number only when published. */
    Cell cell(int i) {
        return switch (states.get(i)) {
            case PUBLISHED -> Cell.of(shown.get(i));
            case BELOW_K -> Cell.belowK();
            case HIDDEN -> Cell.hidden();
            case WITHHELD -> Cell.withheld();
            case NOT_AVAILABLE -> Cell.notAvailable();
        };
    }
}

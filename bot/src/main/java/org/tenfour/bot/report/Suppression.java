package org.tenfour.bot.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Small-count suppression with secondary suppression, pure and deterministic.
 *
 * <p><b>Primary:</b> every count below k, zero included, is shown as "&lt;k". <b>Secondary:</b>
 * then, playing the attacker, it works out from everything published (this report's totals and
 * cells, and — across periods — every report already published in the same calendar year, a quarter
 * being the sum of its months) the range each hidden number could have. A "&lt;k" keeps its promise
 * only while its range still holds both 0 and k−1; a "–" or a hidden total only while it is not
 * pinned to one value. While a promise is broken, it hides the smallest published number of this
 * report that takes part in a sum with the exposed one (a cell before a total), and looks again.
 * Numbers published earlier are never changed: the new report yields.
 *
 * <pre>{@code
 * var s = new Suppression(5);
 * var r = s.apply(total, List.of(new Table(Relation.PARTITION, byContactType),
 *                                new Table(Relation.MULTI_SELECT, byTopic)));
 * }</pre>
 */
public final class Suppression {
    public static final int MIN_K = 3;
    public static final int DEFAULT_K = 5;

    /** How a table's cells relate to the total. */
    public enum Relation {
        /** Each counted item is in exactly one cell: the cells add up to the total. */
        PARTITION,
        /** Each item is in at least one cell (multi-select): cells add up to at least the total. */
        MULTI_SELECT
    }

    /** A table's true counts and their relation to the total. */
    public record Table(Relation relation, List<Integer> counts) {
        public Table {
            Objects.requireNonNull(relation, "null relation");
            counts = List.copyOf(Objects.requireNonNull(counts, "null counts"));
            if (counts.stream().anyMatch(c -> c < 0)) {
                throw new IllegalArgumentException("negative count in " + counts);
            }
        }
    }

    /** The published total and tables, cell for cell in the order given. */
    public record Result(Cell total, List<List<Cell>> tables) {
        public Result {
            Objects.requireNonNull(total, "null total");
            tables = tables.stream().map(List::copyOf).toList();
        }
    }

    private final int k;

    public Suppression(int k) {
        if (k < MIN_K) {
            throw new IllegalArgumentException(
                    "suppression threshold k must be at least " + MIN_K + ": " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** A number that stands alone (no total, no siblings): primary suppression only. */
    public Cell single(int count) {
        return count < k ? Cell.belowK() : Cell.of(count);
    }

    /** The trend between two published cells, or empty if either is not published. */
    public static OptionalInt trend(Cell current, Cell previous) {
        if (!current.published() || !previous.published()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(current.value().getAsInt() - previous.value().getAsInt());
    }

    /** Suppresses a total and the tables that refer to it (one report, nothing else published). */
    public Result apply(int total, List<Table> tables) {
        if (total < 0) {
            throw new IllegalArgumentException("negative total: " + total);
        }
        Disclosure d = new Disclosure(k);
        int t = d.decide("total", total);
        List<List<Integer>> ids = new ArrayList<>();
        for (int n = 0; n < tables.size(); n++) {
            List<Integer> cells = new ArrayList<>();
            for (int i = 0; i < tables.get(n).counts().size(); i++) {
                cells.add(d.decide(n + "/" + i, tables.get(n).counts().get(i)));
            }
            d.link(
                    tables.get(n).relation() == Relation.PARTITION
                            ? Disclosure.Kind.SUM
                            : Disclosure.Kind.AT_LEAST,
                    t,
                    cells);
            ids.add(cells);
        }
        solve(d);
        return new Result(
                d.cell(t), ids.stream().map(c -> c.stream().map(d::cell).toList()).toList());
    }

    /** Secondary suppression of the numbers still to be decided in {@code d}. */
    static void solve(Disclosure d) {
        Ranges before = new Ranges(d, false);
        for (int guard = 0; guard <= d.size(); guard++) {
            Ranges now = new Ranges(d, true);
            int exposed = firstExposed(d, now, before);
            if (exposed < 0 || !hideFor(d, exposed)) {
                return;
            }
        }
    }

    /**
     * The first number whose promise this publication breaks: one of its own, or one published
     * earlier that it narrows further than it already was.
     */
    private static int firstExposed(Disclosure d, Ranges now, Ranges before) {
        for (int i = 0; i < d.size(); i++) {
            boolean mine = d.decidable(i);
            if (d.states.get(i) == Cell.State.PUBLISHED && !(mine && now.lo[i] > now.hi[i])) {
                continue;
            }
            if (!now.broken(d, i)) {
                continue;
            }
            if (mine || now.lo[i] > before.lo[i] || now.hi[i] < before.hi[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Hides one more number of this publication near {@code exposed}: the smallest shown part of a
     * sum it is in; else its hidden siblings lose their markers (withheld); else the sum's total.
     */
    private static boolean hideFor(Disclosure d, int exposed) {
        if (d.decidable(exposed) && d.states.get(exposed) == Cell.State.PUBLISHED) {
            d.hide(exposed); // contradicts what was published before
            return true;
        }
        int part = -1;
        int whole = -1;
        List<Integer> siblings = new ArrayList<>();
        List<Integer> hiddenWholes = new ArrayList<>();
        for (Disclosure.Link link : d.links) {
            boolean asPart = false;
            for (int p : link.parts()) {
                asPart |= p == exposed;
            }
            if (!asPart && link.whole() != exposed) {
                continue;
            }
            for (int p : link.parts()) {
                part = smaller(d, part, p);
                if (asPart && withholdable(d, p)) {
                    siblings.add(p);
                }
            }
            whole = smaller(d, whole, link.whole());
            if (withholdable(d, link.whole())) {
                hiddenWholes.add(link.whole());
            }
        }
        if (part >= 0) {
            d.hide(part);
        } else if (!siblings.isEmpty()) {
            siblings.forEach(d::withhold);
        } else if (whole >= 0) {
            d.hide(whole);
        } else if (!hiddenWholes.isEmpty()) {
            hiddenWholes.forEach(d::withhold);
        } else {
            return further(d, exposed);
        }
        return true;
    }

    /**
     * Nothing of this publication is in a sum with {@code exposed}: walks outwards through the sums
     * and, at the nearest distance where this publication has numbers, hides the smallest shown one
     * or else withholds the markers there.
     */
    private static boolean further(Disclosure d, int exposed) {
        Set<Integer> seen = new HashSet<>(List.of(exposed));
        List<Integer> frontier = List.of(exposed);
        while (!frontier.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (Disclosure.Link link : d.links) {
                List<Integer> members = new ArrayList<>(List.of(link.whole()));
                for (int p : link.parts()) {
                    members.add(p);
                }
                if (members.stream().noneMatch(frontier::contains)) {
                    continue;
                }
                members.stream().filter(seen::add).forEach(next::add);
            }
            int pick = -1;
            for (int i : next) {
                pick = smaller(d, pick, i);
            }
            if (pick >= 0) {
                d.hide(pick);
                return true;
            }
            List<Integer> markers = next.stream().filter(i -> withholdable(d, i)).toList();
            if (!markers.isEmpty()) {
                markers.forEach(d::withhold);
                return true;
            }
            frontier = next;
        }
        return false;
    }

    private static boolean withholdable(Disclosure d, int i) {
        Cell.State s = d.states.get(i);
        return d.decidable(i) && (s == Cell.State.BELOW_K || s == Cell.State.HIDDEN);
    }

    /** The smaller published number of this publication of {@code best} and {@code i}. */
    private static int smaller(Disclosure d, int best, int i) {
        if (!d.decidable(i) || d.states.get(i) != Cell.State.PUBLISHED) {
            return best;
        }
        return best < 0 || d.truth.get(i) < d.truth.get(best) ? i : best;
    }
}

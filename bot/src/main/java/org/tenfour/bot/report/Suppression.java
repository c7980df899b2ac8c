package org.tenfour.bot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Small-count suppression with secondary suppression, pure and deterministic.
 *
 * <p><b>Primary:</b> every count below k, zero included, is shown as "&lt;k". <b>Secondary:</b>
 * then, playing the attacker, it works out from everything still published (the total, the other
 * cells, and the fact that a partition's cells add up to the total, that a multi-select table's
 * cells add up to at least the total and none exceeds it, that "&lt;k" means 0..k-1 and "–" means
 * at least k) the exact range each hidden number could have. While any hidden number is pinned to a
 * single value, it hides the smallest published cell of the table that gives it away (or the total,
 * when the table has nothing left to hide). The range analysis is exact for the tables a report
 * has: tables linked only through one shared total.
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
    static final long INF = 1_000_000_000L;

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

    /** Suppresses a total and the tables that refer to it. */
    public Result apply(int total, List<Table> tables) {
        if (total < 0) {
            throw new IllegalArgumentException("negative total: " + total);
        }
        Model m = new Model(k, total, tables);
        for (int guard = 0; guard < 10_000; guard++) {
            Model.Leak leak = new Ranges(m).firstPinned();
            if (leak == null || !m.hideFor(leak)) {
                break;
            }
        }
        return m.result();
    }

    /** The working state: true values, and which are hidden. */
    static final class Model {
        /** A hidden number the attacker can pin: table -1 means the total. */
        record Leak(int table, int cell) {}

        final int k;
        final int total;
        Cell.State totalState;
        final List<Table> tables;
        final List<Cell.State[]> states = new ArrayList<>();

        Model(int k, int total, List<Table> tables) {
            this.k = k;
            this.total = total;
            this.tables = List.copyOf(tables);
            this.totalState = total < k ? Cell.State.BELOW_K : Cell.State.PUBLISHED;
            for (Table t : tables) {
                Cell.State[] s = new Cell.State[t.counts().size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = t.counts().get(i) < k ? Cell.State.BELOW_K : Cell.State.PUBLISHED;
                }
                states.add(s);
            }
        }

        /**
         * Hides one more published number to protect the leak; false if nothing is left to hide.
         */
        boolean hideFor(Leak leak) {
            if (leak.table() >= 0 && hideSmallestIn(leak.table())) {
                return true;
            }
            int best = -1;
            for (int t = 0; t < tables.size(); t++) {
                if (smallestPublished(t) >= 0
                        && (best < 0
                                || value(t, smallestPublished(t))
                                        < value(best, smallestPublished(best)))) {
                    best = t;
                }
            }
            if (leak.table() >= 0 && totalState == Cell.State.PUBLISHED) {
                totalState = Cell.State.HIDDEN;
                return true;
            }
            return best >= 0 && hideSmallestIn(best);
        }

        private boolean hideSmallestIn(int t) {
            int i = smallestPublished(t);
            if (i < 0) {
                return false;
            }
            states.get(t)[i] = Cell.State.HIDDEN;
            return true;
        }

        private int smallestPublished(int t) {
            int best = -1;
            Cell.State[] s = states.get(t);
            for (int i = 0; i < s.length; i++) {
                if (s[i] == Cell.State.PUBLISHED && (best < 0 || value(t, i) < value(t, best))) {
                    best = i;
                }
            }
            return best;
        }

        int value(int t, int i) {
            return tables.get(t).counts().get(i);
        }

        Result result() {
            List<List<Cell>> out = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < states.get(t).length; i++) {
                    cells.add(cell(states.get(t)[i], value(t, i)));
                }
                out.add(cells);
            }
            return new Result(cell(totalState, total), out);
        }

        private static Cell cell(Cell.State state, int value) {
            return switch (state) {
                case PUBLISHED -> Cell.of(value);
                case BELOW_K -> Cell.belowK();
                default -> Cell.hidden();
            };
        }
    }
}

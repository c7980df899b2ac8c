package org.tenfour.bot.report;

import static org.tenfour.bot.report.Suppression.INF;

import org.tenfour.bot.report.Suppression.Model;
import org.tenfour.bot.report.Suppression.Relation;

/**
 * The attacker's view of a {@link Suppression.Model}: the exact range of every hidden number given
 * what is published. Tables are linked only through the total, so the total's feasible range is the
 * intersection of what each table allows, and each cell's range follows from it.
 */
final class Ranges {
    private final Model m;
    private long totalLo;
    private long totalHi;

    Ranges(Model m) {
        this.m = m;
        long[] own = bounds(m.totalState, m.total);
        totalLo = own[0];
        totalHi = own[1];
        for (int t = 0; t < m.tables.size(); t++) {
            long published = 0;
            long lo = 0;
            long hi = 0;
            long maxLo = 0;
            for (int i = 0; i < m.states.get(t).length; i++) {
                long[] b = bounds(m.states.get(t)[i], m.value(t, i));
                if (m.states.get(t)[i] == Cell.State.PUBLISHED) {
                    published += b[0];
                } else {
                    lo += b[0];
                    hi += b[1];
                }
                maxLo = Math.max(maxLo, b[0]);
            }
            if (m.tables.get(t).relation() == Relation.PARTITION) {
                totalLo = Math.max(totalLo, published + lo);
            } else {
                totalLo = Math.max(totalLo, maxLo); // no cell of a multi-select exceeds the total
            }
            totalHi = Math.min(totalHi, published + hi);
        }
    }

    /** The first hidden number whose range is a single value, or null if none is. */
    Model.Leak firstPinned() {
        if (m.totalState != Cell.State.PUBLISHED && totalLo >= totalHi) {
            return new Model.Leak(-1, -1);
        }
        for (int t = 0; t < m.tables.size(); t++) {
            for (int i = 0; i < m.states.get(t).length; i++) {
                if (m.states.get(t)[i] != Cell.State.PUBLISHED) {
                    long[] r = range(t, i);
                    if (r[0] >= r[1]) {
                        return new Model.Leak(t, i);
                    }
                }
            }
        }
        return null;
    }

    /** The feasible range of cell i of table t. */
    long[] range(int t, int i) {
        long published = 0;
        long othersLo = 0;
        long othersHi = 0;
        for (int j = 0; j < m.states.get(t).length; j++) {
            long[] b = bounds(m.states.get(t)[j], m.value(t, j));
            if (m.states.get(t)[j] == Cell.State.PUBLISHED) {
                published += b[0];
            } else if (j != i) {
                othersLo += b[0];
                othersHi += b[1];
            }
        }
        long[] own = bounds(m.states.get(t)[i], m.value(t, i));
        long lo = Math.max(own[0], totalLo - published - othersHi);
        long hi = Math.min(own[1], totalHi);
        if (m.tables.get(t).relation() == Relation.PARTITION) {
            hi = Math.min(hi, totalHi - published - othersLo);
        }
        return new long[] {lo, hi};
    }

    private long[] bounds(Cell.State state, int value) {
        return switch (state) {
            case PUBLISHED -> new long[] {value, value};
            case BELOW_K -> new long[] {0, m.k - 1};
            default -> new long[] {m.k, INF};
        };
    }
}

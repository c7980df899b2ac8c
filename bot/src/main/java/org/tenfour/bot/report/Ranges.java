package org.tenfour.bot.report;

/**
 * The attacker's view of a {@link Disclosure}: the range every number could take given what is
 * published, by propagating the sums to a fixed point. For numbers linked only through one shared
 * total (one report) this is exact; across periods it is what every single sum allows, and the
 * property tests check it against an exhaustive search.
 */
final class Ranges {
    static final long INF = 1_000_000_000L;
    private static final int MAX_SWEEPS = 2_000;

    final long[] lo;
    final long[] hi;

    /**
     * @param withThisPublication false: as if nothing of this publication were shown yet (what the
     *     attacker knew before)
     */
    Ranges(Disclosure d, boolean withThisPublication) {
        int n = d.size();
        lo = new long[n];
        hi = new long[n];
        for (int i = 0; i < n; i++) {
            Cell.State s = d.states.get(i);
            if (!withThisPublication && d.decidable(i)) {
                s = Cell.State.NOT_AVAILABLE;
            }
            switch (s) {
                case PUBLISHED -> {
                    lo[i] = d.shown.get(i);
                    hi[i] = lo[i];
                }
                case BELOW_K -> {
                    lo[i] = 0;
                    hi[i] = d.k - 1L;
                }
                case HIDDEN -> {
                    lo[i] = d.k;
                    hi[i] = INF;
                }
                case WITHHELD, NOT_AVAILABLE -> {
                    lo[i] = 0;
                    hi[i] = INF;
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean changed = false;
            for (Disclosure.Link link : d.links) {
                changed |= narrow(link);
            }
            if (!changed) {
                break;
            }
        }
    }

    /** Whether a number's range no longer says what its marker promises. */
    boolean broken(Disclosure d, int i) {
        if (lo[i] > hi[i]) {
            return true; // contradictory: some number is inconsistent with the others
        }
        return switch (d.states.get(i)) {
            case BELOW_K -> lo[i] > 0 || hi[i] < d.k - 1;
            case HIDDEN, WITHHELD -> lo[i] >= hi[i];
            // never published: a small value it could be must be free to be anything below k
            case NOT_AVAILABLE -> lo[i] >= hi[i] || (lo[i] > 0 && lo[i] < d.k) || hi[i] < d.k - 1;
            case PUBLISHED -> false;
        };
    }

    private boolean narrow(Disclosure.Link link) {
        int w = link.whole();
        int[] p = link.parts();
        long sumLo = 0;
        long sumHi = 0;
        long maxLo = 0;
        for (int i : p) {
            sumLo += lo[i];
            sumHi = Math.min(INF * p.length, sumHi + hi[i]);
            maxLo = Math.max(maxLo, lo[i]);
        }
        boolean changed = false;
        if (link.kind() == Disclosure.Kind.SUM) {
            changed |= raise(w, sumLo);
            changed |= lower(w, sumHi);
            for (int i : p) {
                changed |= raise(i, lo[w] - (sumHi - hi[i]));
                changed |= lower(i, hi[w] - (sumLo - lo[i]));
            }
        } else {
            changed |= raise(w, maxLo);
            changed |= lower(w, sumHi);
            for (int i : p) {
                changed |= lower(i, hi[w]);
                changed |= raise(i, lo[w] - (sumHi - hi[i]));
            }
        }
        return changed;
    }

    private boolean raise(int i, long value) {
        if (value > lo[i] && lo[i] <= hi[i]) {
            lo[i] = Math.min(value, INF);
            return true;
        }
        return false;
    }

    private boolean lower(int i, long value) {
        if (value < hi[i] && lo[i] <= hi[i]) {
            hi[i] = Math.max(value, -1);
            return true;
        }
        return false;
    }
}

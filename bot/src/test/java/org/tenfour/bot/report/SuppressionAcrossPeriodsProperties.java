package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Plays the attacker across periods: three months, each a total split into two cells, and their
 * quarter (the sums), published in either order. An exhaustive search over every month the hidden
 * numbers could be, consistent with all four publications, must leave each "&lt;k" able to be 0 and
 * k-1, and pin no "–".
 */
class SuppressionAcrossPeriodsProperties {
    private static final int MAX = 6;

    /** Far above any true number, so that the search itself bounds nothing. */
    private static final int SEARCH = 20;

    @Property(tries = 25)
    void no_month_cell_can_be_narrowed_with_its_quarter(
            @ForAll @Size(6) List<@IntRange(min = 0, max = MAX) Integer> cells,
            @ForAll @IntRange(min = 3, max = 5) int k,
            @ForAll boolean quarterFirst) {
        int[][] months = new int[3][];
        for (int m = 0; m < 3; m++) {
            months[m] = new int[] {cells.get(2 * m), cells.get(2 * m + 1)};
        }
        Cell[][] shownMonths = new Cell[3][];
        Cell[] shownQuarter;
        if (quarterFirst) {
            shownQuarter = publish(k, months, null, null);
            for (int m = 0; m < 3; m++) {
                shownMonths[m] = publish(k, months, shownMonths, shownQuarter, m);
            }
        } else {
            for (int m = 0; m < 3; m++) {
                shownMonths[m] = publish(k, months, shownMonths, null, m);
            }
            shownQuarter = publish(k, months, shownMonths, null);
        }
        assertThat(attack(k, shownMonths, shownQuarter)).as("narrowed month cells").isEmpty();
    }

    @Test
    void a_quarter_whose_only_contacts_fell_in_its_last_month_hides_what_would_pin_the_others() {
        int[][] months = {{0, 0}, {0, 0}, {1, 9}};
        Cell[][] shown = new Cell[3][];
        for (int m = 0; m < 3; m++) {
            shown[m] = publish(3, months, shown, null, m);
        }
        Cell[] quarter = publish(3, months, shown, null);
        assertThat(attack(3, shown, quarter))
                .as(java.util.Arrays.deepToString(shown) + " " + java.util.Arrays.toString(quarter))
                .isEmpty();
    }

    @Test
    void the_issue_case_six_six_two_keeps_decembers_cell_open() {
        int[][] months = {{6, 10}, {6, 10}, {2, 10}};
        Cell[][] shown = new Cell[3][];
        for (int m = 0; m < 3; m++) {
            shown[m] = publish(5, months, shown, null, m);
        }
        Cell[] quarter = publish(5, months, shown, null);
        assertThat(attack(5, shown, quarter)).isEmpty();
        assertThat(quarter[1]).as("the quarter's first cell yields").isNotEqualTo(Cell.of(14));
    }

    /** Publishes the quarter: [total, a, b]. */
    private static Cell[] publish(int k, int[][] months, Cell[][] shownMonths, Cell[] unused) {
        Disclosure d = new Disclosure(k);
        int[][] m = monthVars(d, shownMonths, -1, months);
        int[] q = {
            d.decide("q/t", sum(months, 0) + sum(months, 1)),
            d.decide("q/a", sum(months, 0)),
            d.decide("q/b", sum(months, 1))
        };
        link(d, q);
        for (int i = 0; i < 3; i++) {
            d.link(Disclosure.Kind.SUM, q[i], List.of(m[0][i], m[1][i], m[2][i]));
        }
        Suppression.solve(d);
        return new Cell[] {d.cell(q[0]), d.cell(q[1]), d.cell(q[2])};
    }

    /** Publishes month {@code which}, against whatever else is already published. */
    private static Cell[] publish(
            int k, int[][] months, Cell[][] shownMonths, Cell[] shownQuarter, int which) {
        Disclosure d = new Disclosure(k);
        int[][] m = monthVars(d, shownMonths, which, months);
        if (shownQuarter != null) {
            int[] q = new int[3];
            for (int i = 0; i < 3; i++) {
                q[i] = d.fixed("q/" + i, shownQuarter[i]);
            }
            link(d, q);
            for (int i = 0; i < 3; i++) {
                d.link(Disclosure.Kind.SUM, q[i], List.of(m[0][i], m[1][i], m[2][i]));
            }
        }
        Suppression.solve(d);
        return new Cell[] {d.cell(m[which][0]), d.cell(m[which][1]), d.cell(m[which][2])};
    }

    private static int[][] monthVars(Disclosure d, Cell[][] shown, int which, int[][] truth) {
        int[][] ids = new int[3][3];
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < 3; i++) {
                int value = i == 0 ? truth[m][0] + truth[m][1] : truth[m][i - 1];
                if (m == which) {
                    ids[m][i] = d.decide(m + "/" + i, value);
                } else if (shown != null && shown[m] != null) {
                    ids[m][i] = d.fixed(m + "/" + i, shown[m][i]);
                } else {
                    ids[m][i] = d.unknown(m + "/" + i);
                }
            }
            link(d, ids[m]);
        }
        return ids;
    }

    private static void link(Disclosure d, int[] totalAndCells) {
        d.link(Disclosure.Kind.SUM, totalAndCells[0], List.of(totalAndCells[1], totalAndCells[2]));
    }

    private static int sum(int[][] months, int cell) {
        int s = 0;
        for (int[] m : months) {
            s += m[cell];
        }
        return s;
    }

    /** Every hidden month cell whose feasible values break its marker's promise. */
    private static List<String> attack(int k, Cell[][] months, Cell[] quarter) {
        List<List<int[]>> pairs = new ArrayList<>();
        for (Cell[] month : months) {
            List<int[]> ok = new ArrayList<>();
            for (int a = 0; a <= SEARCH; a++) {
                for (int b = 0; b <= SEARCH; b++) {
                    if (fits(month[0], a + b, k) && fits(month[1], a, k) && fits(month[2], b, k)) {
                        ok.add(new int[] {a, b});
                    }
                }
            }
            pairs.add(ok);
        }
        List<String> found = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            // the sums the two other months can make, then each pair of this month against them
            BitSet others = new BitSet();
            int x = (m + 1) % 3;
            int y = (m + 2) % 3;
            for (int[] p : pairs.get(x)) {
                for (int[] q : pairs.get(y)) {
                    others.set((p[0] + q[0]) * 1_000 + p[1] + q[1]);
                }
            }
            BitSet[] seen = {new BitSet(), new BitSet(), new BitSet()};
            for (int[] p : pairs.get(m)) {
                for (int s = others.nextSetBit(0); s >= 0; s = others.nextSetBit(s + 1)) {
                    int qa = p[0] + s / 1_000;
                    int qb = p[1] + s % 1_000;
                    if (fits(quarter[0], qa + qb, k)
                            && fits(quarter[1], qa, k)
                            && fits(quarter[2], qb, k)) {
                        seen[0].set(p[0] + p[1]);
                        seen[1].set(p[0]);
                        seen[2].set(p[1]);
                        break;
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                Cell c = months[m][i];
                if (c.state() == Cell.State.BELOW_K && (!seen[i].get(0) || !seen[i].get(k - 1))) {
                    found.add("month " + m + " cell " + i + " " + seen[i]);
                } else if (!c.published() && seen[i].cardinality() == 1) {
                    found.add("month " + m + " cell " + i + " = " + seen[i]);
                }
            }
        }
        return found;
    }

    private static boolean fits(Cell c, int v, int k) {
        return switch (c.state()) {
            case PUBLISHED -> c.value().getAsInt() == v;
            case BELOW_K -> v < k;
            case HIDDEN -> v >= k;
            case WITHHELD, NOT_AVAILABLE -> true;
        };
    }
}

package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tenfour.bot.report.Suppression.Relation;
import org.tenfour.bot.report.Suppression.Table;

/**
 * Plays the attacker: random reports (a total, two partitions of it, a multi-select table, and the
 * previous period's version with trends), suppressed, then an exhaustive search over every value
 * the hidden numbers could take that is consistent with everything published. No hidden number may
 * come out as exactly one value, and every "&lt;k" must still be able to be both 0 and k-1.
 */
class SuppressionAttackProperties {
    private static final int CAP = 160;

    /** One period's true tables. */
    record Tables(int total, List<Table> tables) {}

    @Property(tries = 400)
    void no_hidden_number_can_be_recovered_from_the_published_report(
            @ForAll("periods") Tables current,
            @ForAll("periods") Tables previous,
            @ForAll @IntRange(min = 3, max = 6) int k) {
        Suppression s = new Suppression(k);
        Suppression.Result cur = s.apply(current.total(), current.tables());
        Suppression.Result prev = s.apply(previous.total(), previous.tables());

        assertPublishedAreTrue(current, cur);
        assertBelowKMeansBelowK(current, cur, k);
        List<String> recovered = new ArrayList<>(attack(cur, current.tables(), k));
        recovered.addAll(differencing(cur, prev));
        assertThat(recovered).as("numbers the attacker recovered exactly").isEmpty();
    }

    /** Recovering a current number from the previous period's number and a published trend. */
    private static List<String> differencing(Suppression.Result cur, Suppression.Result prev) {
        List<String> found = new ArrayList<>();
        if (!cur.total().published()
                && prev.total().published()
                && Suppression.trend(cur.total(), prev.total()).isPresent()) {
            found.add("total via trend");
        }
        for (int t = 0; t < cur.tables().size(); t++) {
            for (int i = 0;
                    i < Math.min(cur.tables().get(t).size(), prev.tables().get(t).size());
                    i++) {
                Cell c = cur.tables().get(t).get(i);
                Cell p = prev.tables().get(t).get(i);
                if (!c.published() && p.published() && Suppression.trend(c, p).isPresent()) {
                    found.add("cell " + t + "/" + i + " via trend");
                }
            }
        }
        return found;
    }

    /** Exhaustive: for each hidden number, every value consistent with the published report. */
    static List<String> attack(Suppression.Result r, List<Table> shapes, int k) {
        List<String> found = new ArrayList<>();
        BitSet totals = new BitSet();
        for (int total = 0; total <= CAP; total++) {
            if (fits(r.total(), total, k) && allTablesAllow(r, shapes, total, -1, -1, -1, k)) {
                totals.set(total);
            }
        }
        if (!r.total().published() && totals.cardinality() == 1) {
            found.add("total = " + totals.nextSetBit(0));
        } else if (r.total().state() == Cell.State.BELOW_K
                && (!totals.get(0) || !totals.get(k - 1))) {
            found.add("total narrowed to " + totals);
        }
        for (int t = 0; t < r.tables().size(); t++) {
            for (int i = 0; i < r.tables().get(t).size(); i++) {
                Cell c = r.tables().get(t).get(i);
                if (c.published()) {
                    continue;
                }
                BitSet values = new BitSet();
                for (int v = 0; v <= CAP; v++) {
                    if (!fits(c, v, k)) {
                        continue;
                    }
                    for (int total = totals.nextSetBit(0);
                            total >= 0;
                            total = totals.nextSetBit(total + 1)) {
                        if (allTablesAllow(r, shapes, total, t, i, v, k)) {
                            values.set(v);
                            break;
                        }
                    }
                }
                if (values.cardinality() == 1) {
                    found.add("cell " + t + "/" + i + " = " + values.nextSetBit(0));
                } else if (c.state() == Cell.State.BELOW_K
                        && (!values.get(0) || !values.get(k - 1))) {
                    // "<k" promises anything from 0 to k-1
                    found.add("cell " + t + "/" + i + " narrowed to " + values);
                }
            }
        }
        return found;
    }

    /** Whether every table can be filled consistently with this total (and cell t/i fixed at v). */
    private static boolean allTablesAllow(
            Suppression.Result r, List<Table> shapes, int total, int ft, int fi, int fv, int k) {
        for (int t = 0; t < r.tables().size(); t++) {
            BitSet sums = new BitSet();
            sums.set(0);
            for (int i = 0; i < r.tables().get(t).size(); i++) {
                Cell c = r.tables().get(t).get(i);
                BitSet next = new BitSet();
                for (int s = sums.nextSetBit(0); s >= 0; s = sums.nextSetBit(s + 1)) {
                    for (int v = 0; v <= Math.min(total, CAP); v++) {
                        boolean allowed = (t == ft && i == fi) ? v == fv : fits(c, v, k);
                        if (allowed && s + v <= 4 * CAP) {
                            next.set(s + v);
                        }
                    }
                }
                sums = next;
            }
            boolean ok =
                    shapes.get(t).relation() == Relation.PARTITION
                            ? sums.get(total)
                            : sums.nextSetBit(total) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Cell c, int v, int k) {
        return switch (c.state()) {
            case PUBLISHED -> c.value().getAsInt() == v;
            case BELOW_K -> v < k;
            case HIDDEN -> v >= k;
            case WITHHELD, NOT_AVAILABLE -> true;
        };
    }

    private static void assertPublishedAreTrue(Tables truth, Suppression.Result r) {
        if (r.total().published()) {
            assertThat(r.total().value()).hasValue(truth.total());
        }
        for (int t = 0; t < truth.tables().size(); t++) {
            for (int i = 0; i < truth.tables().get(t).counts().size(); i++) {
                Cell c = r.tables().get(t).get(i);
                if (c.published()) {
                    assertThat(c.value()).hasValue(truth.tables().get(t).counts().get(i));
                }
            }
        }
    }

    private static void assertBelowKMeansBelowK(Tables truth, Suppression.Result r, int k) {
        for (int t = 0; t < truth.tables().size(); t++) {
            for (int i = 0; i < truth.tables().get(t).counts().size(); i++) {
                int v = truth.tables().get(t).counts().get(i);
                Cell.State s = r.tables().get(t).get(i).state();
                if (s == Cell.State.BELOW_K) {
                    assertThat(v).as("a <k cell").isLessThan(k);
                }
                if (v < k) {
                    assertThat(s).isIn(Cell.State.BELOW_K, Cell.State.WITHHELD);
                }
            }
        }
    }

    @Provide
    Arbitrary<Tables> periods() {
        Arbitrary<List<Integer>> first =
                Arbitraries.integers().between(0, 14).list().ofMinSize(2).ofMaxSize(4);
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<List<Integer>> multi =
                Arbitraries.integers().between(0, 14).list().ofMinSize(2).ofMaxSize(4);
        return Combinators.combine(first, seed, multi)
                .as(
                        (a, sd, m) -> {
                            int total = a.stream().mapToInt(Integer::intValue).sum();
                            Random rnd = new Random(sd);
                            int parts = 2 + rnd.nextInt(2);
                            int[] second = new int[parts];
                            for (int n = 0; n < total; n++) {
                                second[rnd.nextInt(parts)]++;
                            }
                            List<Integer> ms = new ArrayList<>();
                            for (int x : m) {
                                ms.add(Math.min(x, total));
                            }
                            int sum = ms.stream().mapToInt(Integer::intValue).sum();
                            for (int j = 0; sum < total; j = (j + 1) % ms.size()) {
                                int add = Math.min(total - ms.get(j), total - sum);
                                ms.set(j, ms.get(j) + add);
                                sum += add;
                            }
                            return new Tables(
                                    total,
                                    List.of(
                                            new Table(Relation.PARTITION, a),
                                            new Table(
                                                    Relation.PARTITION,
                                                    Arrays.stream(second).boxed().toList()),
                                            new Table(Relation.MULTI_SELECT, ms)));
                        });
    }
}

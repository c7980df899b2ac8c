package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tenfour.bot.report.Suppression.Relation;
import org.tenfour.bot.report.Suppression.Table;

class SuppressionTest {
    private final Suppression s = new Suppression(5);

    @Test
    void k_below_three_is_refused() {
        assertThatThrownBy(() -> new Suppression(2)).hasMessageContaining("at least 3");
    }

    @Test
    void large_counts_are_published_as_they_are() {
        var r = s.apply(30, List.of(new Table(Relation.PARTITION, List.of(10, 20))));
        assertThat(r.total()).isEqualTo(Cell.of(30));
        assertThat(r.tables().get(0)).containsExactly(Cell.of(10), Cell.of(20));
    }

    @Test
    void a_lone_small_cell_takes_the_next_smallest_with_it() {
        var r = s.apply(40, List.of(new Table(Relation.PARTITION, List.of(2, 8, 30))));
        assertThat(r.tables().get(0)).containsExactly(Cell.belowK(), Cell.hidden(), Cell.of(30));
        assertThat(r.total()).isEqualTo(Cell.of(40));
    }

    @Test
    void two_zeros_next_to_a_published_total_are_not_left_pinned() {
        // 0 + 0 = 40 - 40: both "<5" would be exactly 0.
        var r = s.apply(40, List.of(new Table(Relation.PARTITION, List.of(0, 0, 40))));
        assertThat(r.tables().get(0)).doesNotContain(Cell.of(40));
    }

    @Test
    void a_table_with_nothing_left_to_hide_withholds_its_cells_and_keeps_the_total() {
        // 0 + 5 = 5 with "<5" + "–": "–" (at least 5) would prove the "<5" to be 0, so neither
        // cell says how large it is; the total can stay.
        var r = s.apply(5, List.of(new Table(Relation.PARTITION, List.of(0, 5))));
        assertThat(r.tables().get(0)).containsExactly(Cell.withheld(), Cell.withheld());
        assertThat(r.total()).isEqualTo(Cell.of(5));
    }

    @Test
    void durations_five_five_four_one_hide_a_five_so_both_small_ones_can_be_zero_to_four() {
        // "5 5 <5 <5" with the total 15: the two "<5" add up to 5, so each would be at least 1
        var r = s.apply(15, List.of(new Table(Relation.PARTITION, List.of(5, 5, 4, 1))));
        assertThat(r.total()).isEqualTo(Cell.of(15));
        assertThat(r.tables().get(0))
                .containsExactly(Cell.hidden(), Cell.of(5), Cell.belowK(), Cell.belowK());
    }

    @Test
    void two_small_cells_next_to_a_large_total_are_withheld_not_marked_below_k() {
        // 3 + 3 = 6: "<5" and "<5" under a total of 6 would each be at least 2
        var r = s.apply(6, List.of(new Table(Relation.PARTITION, List.of(3, 3))));
        assertThat(r.tables().get(0)).containsExactly(Cell.withheld(), Cell.withheld());
        assertThat(r.total()).isEqualTo(Cell.of(6));
    }

    @Test
    void a_small_total_is_below_k_and_so_is_every_cell() {
        var r =
                s.apply(
                        3,
                        List.of(
                                new Table(Relation.PARTITION, List.of(1, 2)),
                                new Table(Relation.MULTI_SELECT, List.of(3, 1))));
        assertThat(r.total()).isEqualTo(Cell.belowK());
        assertThat(r.tables()).allSatisfy(t -> assertThat(t).allMatch(c -> !c.published()));
    }

    @Test
    void a_trend_is_shown_only_between_two_published_numbers() {
        assertThat(Suppression.trend(Cell.of(9), Cell.of(6))).hasValue(3);
        assertThat(Suppression.trend(Cell.belowK(), Cell.of(6))).isEmpty();
        assertThat(Suppression.trend(Cell.of(9), Cell.hidden())).isEmpty();
    }

    @Test
    void a_suppressed_cell_carries_no_value_to_render() {
        assertThat(Cell.belowK().value()).isEmpty();
        assertThat(Cell.belowK().text(5)).isEqualTo("<5");
        assertThat(Cell.hidden().text(5)).isEqualTo("–");
        assertThatThrownBy(() -> new Cell(Cell.State.HIDDEN, OptionalInt.of(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

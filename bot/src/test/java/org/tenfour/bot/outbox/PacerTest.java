package org.tenfour.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;

class PacerTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private final Pacer pacer = new Pacer();
    private final Address channel = Address.channel(Platform.SLACK, "T1", "C1");

    private static Instant seconds(double s) {
        return T.plusMillis(Math.round(s * 1000));
    }

    @Test
    void a_message_to_a_free_channel_goes_at_once_and_the_next_within_a_second_waits() {
        assertThat(pacer.reserve(channel, 1, T)).isEqualTo(T);
        assertThat(pacer.reserve(channel, 2, seconds(0.3))).isEqualTo(seconds(1));
        assertThat(pacer.reserve(channel, 3, seconds(5))).as("free again").isEqualTo(seconds(5));
    }

    @Test
    void rows_waiting_for_one_channel_are_each_given_their_own_slot() {
        assertThat(pacer.reserve(channel, 1, T)).isEqualTo(T);
        for (int row = 2; row <= 6; row++) {
            assertThat(pacer.reserve(channel, row, seconds(0.2)))
                    .as("row %d", row)
                    .isEqualTo(seconds(row - 1));
        }
        assertThat(pacer.reserve(channel, 7, seconds(0.5)))
                .as("a later row after the ones already given out")
                .isEqualTo(seconds(6));
    }

    @Test
    void a_booked_row_goes_out_when_it_comes_back_at_its_slot_and_newcomers_queue_behind() {
        pacer.reserve(channel, 1, T);
        pacer.reserve(channel, 2, seconds(0.1));
        pacer.reserve(channel, 3, seconds(0.1));
        assertThat(pacer.reserve(channel, 2, seconds(1))).isEqualTo(seconds(1));
        assertThat(pacer.reserve(channel, 4, seconds(1)))
                .as("a row new at the same instant takes the next free slot")
                .isEqualTo(seconds(3));
        assertThat(pacer.reserve(channel, 3, seconds(2.4)))
                .as("a little late (a busy lane, the sender's poll): still honoured")
                .isEqualTo(seconds(2.4));
        assertThat(pacer.reserve(channel, 4, seconds(3))).isEqualTo(seconds(3));
    }

    @Test
    void a_booked_row_back_before_its_slot_keeps_it() {
        pacer.reserve(channel, 1, T);
        pacer.reserve(channel, 2, seconds(0.1));
        pacer.reserve(channel, 3, seconds(0.1));
        assertThat(pacer.reserve(channel, 3, seconds(0.5))).isEqualTo(seconds(2));
        assertThat(pacer.reserve(channel, 2, seconds(1))).isEqualTo(seconds(1));
        assertThat(pacer.reserve(channel, 3, seconds(2))).isEqualTo(seconds(2));
    }

    @Test
    void rows_back_long_after_their_slots_are_booked_again_not_let_out_together() {
        pacer.reserve(channel, 1, T);
        for (int row = 2; row <= 5; row++) {
            pacer.reserve(channel, row, seconds(0.1));
        }
        // all four waited out a 30 s rate-limit pause and come back at once
        assertThat(pacer.reserve(channel, 2, seconds(30))).isEqualTo(seconds(30));
        assertThat(pacer.reserve(channel, 3, seconds(30))).isEqualTo(seconds(31));
        assertThat(pacer.reserve(channel, 4, seconds(30))).isEqualTo(seconds(32));
        assertThat(pacer.reserve(channel, 5, seconds(30))).isEqualTo(seconds(33));
        assertThat(pacer.reserve(channel, 4, seconds(32))).isEqualTo(seconds(32));
    }

    @Test
    void bookings_of_the_past_are_forgotten() {
        Pacer small = new Pacer(10);
        for (int row = 0; row < 12; row++) {
            small.reserve(Address.channel(Platform.SLACK, "T1", "C" + row % 2), row, T);
        }
        assertThat(small.bookings()).isEqualTo(10);
        small.reserve(channel, 100, seconds(60));
        assertThat(small.bookings()).as("every slot is long past").isZero();
        assertThat(small.conversations()).isEqualTo(1);
    }

    @Test
    void bookings_are_bounded_and_beyond_the_bound_a_row_waits_unbooked() {
        Pacer small = new Pacer(3);
        small.reserve(channel, 1, T);
        for (int row = 2; row <= 4; row++) {
            assertThat(small.reserve(channel, row, T)).isEqualTo(seconds(row - 1));
        }
        assertThat(small.reserve(channel, 5, T))
                .as("no booking left: told the next free slot, nothing taken")
                .isEqualTo(seconds(4));
        assertThat(small.bookings()).isEqualTo(3);
    }

    @Test
    void other_channels_users_and_workspaces_are_not_held_up() {
        pacer.reserve(channel, 1, T);
        assertThat(pacer.reserve(Address.channel(Platform.SLACK, "T1", "C2"), 2, T)).isEqualTo(T);
        assertThat(pacer.reserve(Address.user(Platform.SLACK, "T1", "U1"), 3, T)).isEqualTo(T);
        assertThat(pacer.reserve(Address.channel(Platform.SLACK, "T2", "C1"), 4, T)).isEqualTo(T);
    }

    @Test
    void teams_conversations_are_spaced_more_tightly() {
        Address teams = Address.channel(Platform.TEAMS, "tenant", "19:c");
        assertThat(pacer.reserve(teams, 1, T)).isEqualTo(T);
        assertThat(pacer.reserve(teams, 2, T.plusMillis(100))).isEqualTo(T.plus(Pacer.TEAMS));
        assertThat(pacer.reserve(teams, 3, T.plusMillis(100)))
                .isEqualTo(T.plus(Pacer.TEAMS.multipliedBy(2)));
        assertThat(Pacer.TEAMS).isEqualTo(Duration.ofMillis(500));
    }
}

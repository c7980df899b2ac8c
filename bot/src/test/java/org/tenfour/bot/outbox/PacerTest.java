package org.tenfour.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;

class PacerTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private final Pacer pacer = new Pacer();
    private final Address channel = Address.channel(Platform.SLACK, "T1", "C1");

    @Test
    void a_second_slack_message_to_one_channel_within_a_second_waits_for_the_next_slot() {
        assertThat(pacer.reserve(channel, T)).isEqualTo(T);
        assertThat(pacer.reserve(channel, T.plusMillis(300))).isEqualTo(T.plusSeconds(1));
        assertThat(pacer.reserve(channel, T.plusMillis(999)))
                .as("a refusal takes nothing")
                .isEqualTo(T.plusSeconds(1));
        assertThat(pacer.reserve(channel, T.plusSeconds(1))).isEqualTo(T.plusSeconds(1));
        assertThat(pacer.reserve(channel, T.plusMillis(1500))).isEqualTo(T.plusSeconds(2));
    }

    @Test
    void other_channels_users_and_workspaces_are_not_held_up() {
        pacer.reserve(channel, T);
        assertThat(pacer.reserve(Address.channel(Platform.SLACK, "T1", "C2"), T)).isEqualTo(T);
        assertThat(pacer.reserve(Address.user(Platform.SLACK, "T1", "U1"), T)).isEqualTo(T);
        assertThat(pacer.reserve(Address.channel(Platform.SLACK, "T2", "C1"), T)).isEqualTo(T);
    }

    @Test
    void teams_conversations_are_spaced_more_tightly() {
        Address teams = Address.channel(Platform.TEAMS, "tenant", "19:c");
        assertThat(pacer.reserve(teams, T)).isEqualTo(T);
        assertThat(pacer.reserve(teams, T.plusMillis(100))).isEqualTo(T.plus(Pacer.TEAMS));
    }
}

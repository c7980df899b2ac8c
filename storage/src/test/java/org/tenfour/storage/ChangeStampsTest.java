package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeStampsTest {
    @Test
    void a_change_counts_only_for_entries_read_before_it() {
        ChangeStamps stamps = new ChangeStamps(10);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        long before = stamps.now();
        stamps.changed(List.of(a));
        long after = stamps.now();
        assertThat(stamps.unchangedSince(before, a)).isFalse();
        assertThat(stamps.unchangedSince(before, b)).isTrue();
        assertThat(stamps.unchangedSince(after, a)).isTrue();
        assertThat(stamps.unchangedSince(before, b, a)).isFalse();
    }

    @Test
    void a_forgotten_change_still_counts_for_entries_read_before_it() {
        ChangeStamps stamps = new ChangeStamps(2);
        UUID a = UUID.randomUUID();
        long before = stamps.now();
        stamps.changed(List.of(a));
        long recent = 0;
        for (int i = 0; i < 10; i++) { // a's stamp is long forgotten after these
            stamps.changed(List.of(UUID.randomUUID()));
            if (i == 6) {
                recent = stamps.now();
            }
        }
        assertThat(stamps.unchangedSince(before, a)).isFalse();
        assertThat(stamps.unchangedSince(before, UUID.randomUUID())).isFalse();
        assertThat(stamps.unchangedSince(recent, a))
                .as("read after the forgotten generation: still trusted")
                .isTrue();
    }

    @Test
    void everything_counts_for_every_entry_read_before_it() {
        ChangeStamps stamps = new ChangeStamps(10);
        long before = stamps.now();
        stamps.everything();
        assertThat(stamps.unchangedSince(before, UUID.randomUUID())).isFalse();
        assertThat(stamps.unchangedSince(stamps.now(), UUID.randomUUID())).isTrue();
    }
}

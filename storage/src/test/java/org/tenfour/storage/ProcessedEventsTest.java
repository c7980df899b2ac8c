package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ProcessedEventsTest {
    private final ProcessedEvents events;

    ProcessedEventsTest(TestDatabase db) {
        this.events = db.jdbi().onDemand(ProcessedEvents.class);
    }

    @Test
    void an_event_id_is_a_first_sighting_only_once() {
        assertThat(events.firstSighting("slack", "Ev0001")).isTrue();
        assertThat(events.firstSighting("slack", "Ev0001")).isFalse();
    }

    @Test
    void the_same_id_on_another_platform_is_another_event() {
        assertThat(events.firstSighting("slack", "Ev0002")).isTrue();
        assertThat(events.firstSighting("teams", "Ev0002")).isTrue();
    }

    @Test
    void purged_ids_count_as_new_again() {
        events.firstSighting("slack", "Ev0003");
        assertThat(events.purgeBefore(Instant.now().plusSeconds(60))).isPositive();
        assertThat(events.firstSighting("slack", "Ev0003")).isTrue();
    }
}

package org.tenfour.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.bot.words.English;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * A per-person command rate limit, through the real router: the person past it gets a polite word
 * and the crisis lines, everyone else carries on, the coordinators hear once a day (no name), and a
 * minute later it is over.
 */
@ExtendWith(PostgresExtension.class)
class CommandRateTest {
    private final TestProgram p;

    CommandRateTest(TestDatabase db) {
        this.p =
                new TestProgram(
                        db,
                        Instant.parse("2026-03-02T15:00:30Z"),
                        clock -> new CommandRate(5, clock));
    }

    @Test
    void a_flood_of_commands_is_slowed_politely_and_the_coordinators_get_a_count_once() {
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "crisis-lines \"988 Lifeline: call or text 988\"");
        p.deliver();
        int coordinatorMessages = p.platform.to(TestProgram.COORDINATOR_CHANNEL).size();

        var replies =
                IntStream.range(0, 8)
                        .mapToObj(i -> p.tenfour("UFLOOD", null, "help").toString())
                        .toList();

        assertThat(replies.subList(0, 5)).noneMatch(r -> r.contains("faster than I can answer"));
        assertThat(replies.subList(5, 8))
                .allMatch(r -> r.contains("faster than I can answer") && r.contains("988"));
        assertThat(p.tenfour("UOTHER", null, "help").toString())
                .as("the limit is per person")
                .doesNotContain("faster than I can answer");
        p.deliver();
        assertThat(p.platform.to(TestProgram.COORDINATOR_CHANNEL))
                .hasSize(coordinatorMessages + 1)
                .last()
                .satisfies(
                        m ->
                                assertThat(m.message().text())
                                        .contains("A limit tripped today")
                                        .doesNotContain("UFLOOD"));

        p.clock.advance(Duration.ofMinutes(1));
        assertThat(p.tenfour("UFLOOD", null, "help").toString())
                .doesNotContain("faster than I can answer");
    }

    @Test
    void a_member_who_reads_spanish_is_asked_to_wait_in_spanish_with_the_crisis_lines() {
        p.setUp("UADMIN");
        p.tenfour("URAFA", null, "language es");
        Reply last = null;
        for (int i = 0; i < 5; i++) {
            last = p.tenfour("URAFA", null, "resources");
        }
        Message slowed = ((Reply.Private) last).message();
        assertThat(slowed.text()).startsWith("Está enviando comandos más rápido");
        assertThat(slowed.notes()).anySatisfy(n -> assertThat(n).contains("988"));
        assertThat(slowed.notes())
                .as("the default lines, in Spanish")
                .allSatisfy(n -> assertThat(English.words(n)).isEmpty());
        assertThat(English.words(slowed.text())).isEmpty();
    }
}

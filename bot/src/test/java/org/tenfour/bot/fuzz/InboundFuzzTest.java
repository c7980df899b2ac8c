package org.tenfour.bot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Random command text for every subcommand, through {@code Inbound.handle} on a real database: each
 * gets a reply, never the "something went wrong on our side" answer that an uncaught exception
 * produces. (jqwik generates the inputs; a database-backed test runs as a Jupiter test, so a
 * failure names its input.)
 */
@ExtendWith(PostgresExtension.class)
class InboundFuzzTest {
    /** Every word of the registry, an unknown word and none. */
    static final List<String> SUBCOMMANDS =
            Stream.concat(
                            Arrays.stream(Subcommand.values()).map(Subcommand::word),
                            Stream.of("frobnicate", ""))
                    .toList();

    static final int TRIES_PER_SUBCOMMAND = 12;

    @Test
    void random_arguments_to_every_subcommand_get_a_reply_never_an_internal_error(TestDatabase db) {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.platform.profile("UM1", new UserProfile("Member", "America/Chicago", false));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UP1>");
        int handled = 0;
        for (String sub : SUBCOMMANDS) {
            for (String args :
                    CommandTextArbitraries.text()
                            .sampleStream()
                            .limit(TRIES_PER_SUBCOMMAND)
                            .toList()) {
                String text = (sub + " " + args).strip();
                for (Reply reply :
                        List.of(
                                p.coordinator("UADMIN", text),
                                p.tenfour("UM1", null, text),
                                p.tenfour("UP1", null, text))) {
                    assertThat(reply).as(text).isNotNull();
                    if (reply instanceof Reply.Private r) {
                        assertThat(r.message().text())
                                .as("'" + text + "'")
                                .doesNotContain("went wrong on our side");
                    }
                    handled++;
                }
            }
        }
        assertThat(handled).isEqualTo(SUBCOMMANDS.size() * TRIES_PER_SUBCOMMAND * 3);
    }
}

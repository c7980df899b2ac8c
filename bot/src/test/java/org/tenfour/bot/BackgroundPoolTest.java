package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.Database;
import org.tenfour.storage.DatabaseSettings;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;
import org.tenfour.storage.TestFiles;

/**
 * The product's wiring of the pools: planning and the outbox sender run on the background pool,
 * commands on the requests' one, so neither can take the other's connections.
 */
@ExtendWith(PostgresExtension.class)
class BackgroundPoolTest {
    private static final Instant WEDNESDAY_9AM_CHICAGO = Instant.parse("2026-11-25T15:00:00Z");

    @Test
    void planning_and_delivery_need_no_request_connection_and_commands_no_background_one(
            TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("tenfour-pools");
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
        try (Database database =
                Database.open(new DatabaseSettings(db.jdbcUrl(), "postgres", null, dir, 1, 1))) {
            TestProgram p = new TestProgram(database, WEDNESDAY_9AM_CHICAGO);
            p.setUp("UADMIN");
            p.coordinator("UADMIN", "timezone America/Chicago");
            p.coordinator("UADMIN", "roster add <@UM1> <@UM2>");
            p.coordinator("UADMIN", "peers add <@UP1>");
            p.coordinator("UADMIN", "cadence weekly");
            try (Connection requestsOnly = database.dataSource().getConnection()) {
                assertThat(p.jobs.planAll()).as("UM1 and UM2").isEqualTo(2);
                assertThat(p.deliver()).isPositive();
                assertThat(p.platform.to("UM1")).isNotEmpty();
            }
            try (Connection backgroundOnly = database.backgroundDataSource().getConnection()) {
                Reply status = p.coordinator("UADMIN", "status");
                assertThat(((Reply.Private) status).message().text()).isNotBlank();
            }
        } finally {
            TestFiles.deleteRecursively(dir);
        }
    }
}

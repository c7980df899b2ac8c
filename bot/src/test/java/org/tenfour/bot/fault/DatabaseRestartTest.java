package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.Payloads;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.Activities;

/**
 * The database stops under the running bot and comes back on the same port: readiness follows it,
 * inbound requests get a prompt 503 (not a hang, not a 200 "sorry"), and what was accepted before
 * is delivered after.
 */
class DatabaseRestartTest {
    @TempDir Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    @Test
    void a_database_restart_turns_readiness_and_inbound_to_503_and_loses_nothing()
            throws Exception {
        int port = freePort();
        Path data = dir.resolve("pg");
        EmbeddedPostgres pg = postgres(data, port);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (LiveBot bot = new LiveBot(url, dir.resolve("bot"), Map.of())) {
            bot.slack.serverError("chat.postMessage"); // welcomes stay queued through the outage
            assertThat(bot.command("U0ADMIN", "C0COORD", "setup").statusCode()).isEqualTo(200);
            assertThat(
                            bot.command("U0ADMIN", "C0COORD", "roster add <@U0A1> <@U0A2> <@U0A3>")
                                    .statusCode())
                    .isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    Seed.count(
                                                    bot.jdbi,
                                                    "select count(*) from outbox where kind = 'welcome' and attempts > 0")
                                            == 3);
            List<String> accepted =
                    bot.jdbi.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select idempotency_key from outbox where state = 'pending'")
                                            .mapTo(String.class)
                                            .list());

            pg.close();
            Awaitility.await("not ready")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> bot.get("/readyz") == 503);
            assertThat(bot.get("/healthz")).isEqualTo(200);
            long started = System.nanoTime();
            HttpResponse<String> command = bot.command("U0ADMIN", "C0COORD", "roster add <@U0B1>");
            assertThat(command.statusCode()).as(command.body()).isEqualTo(503);
            var activity =
                    Activities.personalMessage(bot.microsoft.serviceUrl(), "help")
                            .put("id", "outage-1");
            assertThat(bot.teamsSigned(activity.toString()).statusCode()).isEqualTo(503);
            assertThat(
                            bot.slackSigned(
                                            SlackRequests.JSON,
                                            Payloads.event(
                                                    "T111",
                                                    "EvOUTAGE",
                                                    Payloads.homeOpened("U0A1")))
                                    .statusCode())
                    .isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("bounded wait")
                    .isLessThan(Duration.ofSeconds(15));

            pg = postgres(data, port);
            Awaitility.await("ready again")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> bot.get("/readyz") == 200);
            bot.slack.normal("chat.postMessage");
            Awaitility.await("delivered")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    Seed.count(
                                                    bot.jdbi,
                                                    "select count(*) from outbox where state <> 'sent'")
                                            == 0);
            assertThat(bot.slack.posted()).extracting(p -> p.key()).containsAll(accepted);
            assertThat(bot.command("U0ADMIN", "C0COORD", "roster add <@U0B1>").statusCode())
                    .isEqualTo(200);
        } finally {
            pg.close();
        }
    }
}

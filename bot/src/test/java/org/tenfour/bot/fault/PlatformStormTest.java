package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.bot.Application;
import org.tenfour.bot.Settings;
import org.tenfour.bot.outbox.Concurrency;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Slack answers 429 (Retry-After) and 503 to a share of calls for a while: all delivered, limits
 * honoured.
 */
@ExtendWith(PostgresExtension.class)
class PlatformStormTest {
    static final int MEMBERS = 300;

    @TempDir Path dir;

    static Settings settings(TestDatabase db, FakeSlackApi slack, Path dir, String instance) {
        Map<String, String> env = new HashMap<>(KillMidFanOutTest.env(db, slack, instance));
        env.put("PORT", "0");
        env.put("TENFOUR_DATA_DIR", dir.toString());
        return Settings.fromEnv(env);
    }

    @Test
    void a_storm_of_429s_and_503s_delays_but_loses_nothing_and_retry_after_is_honoured(
            TestDatabase db) throws Exception {
        Jdbi jdbi = db.jdbi();
        Seed.slackAgency(jdbi, "T111", MEMBERS);
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> health = new CopyOnWriteArrayList<>();
        try (FakeSlackApi slack = new FakeSlackApi()) {
            // long enough to outlast a slow start on a busy machine: the storm must meet the
            // deliveries
            slack.storm(0.05, 1, 0.10, Duration.ofSeconds(20));
            try (Application app =
                    Application.start(settings(db, slack, dir, "storm"), Clock.systemUTC())) {
                URI healthz = URI.create("http://127.0.0.1:" + app.port() + "/healthz");
                Awaitility.await("all delivered")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(100))
                        .until(
                                () -> {
                                    health.add(
                                            http.send(
                                                            HttpRequest.newBuilder(healthz).build(),
                                                            HttpResponse.BodyHandlers.discarding())
                                                    .statusCode());
                                    return Seed.count(jdbi, "select count(*) from check_in")
                                                    == MEMBERS
                                            && Seed.count(
                                                            jdbi,
                                                            "select count(*) from outbox where state <> 'sent'")
                                                    == 0;
                                });
                String metrics =
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://127.0.0.1:"
                                                                        + app.managementPort()
                                                                        + "/metrics"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                assertThat(metrics)
                        .as("deferrals for pacing are counted")
                        .contains("tenfour_outbox_paced_total");
            }
            assertThat(slack.limited()).as("the storm rate-limited some calls").isNotEmpty();
            for (FakeSlackApi.Limited limit : slack.limited()) {
                long until =
                        limit.atNanos() + Duration.ofSeconds(limit.retryAfterSeconds()).toNanos();
                // Slack limits per method and workspace: the outbox's sends (chat.*) must wait; a
                // background profile read (users.info, another tier) may go on. With several calls
                // in flight, those already on their way when the 429 was answered may still arrive
                // in the window (at most one fewer than a workspace's calls in flight); the sender
                // must start none after it.
                List<FakeSlackApi.Call> inWindow =
                        slack.calls().stream()
                                .filter(
                                        c ->
                                                c.method().startsWith("chat.")
                                                        && limit.token().equals(c.token())
                                                        && c.atNanos() > limit.atNanos()
                                                        && c.atNanos() < until)
                                .toList();
                assertThat(inWindow.size())
                        .as(
                                "sends arriving before Retry-After elapsed (only those already in"
                                        + " flight)")
                        .isLessThanOrEqualTo(Concurrency.PER_WORKSPACE - 1);
            }
            assertThat(KillMidFanOutTest.postsPerKey(slack))
                    .hasSize(MEMBERS)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
            assertThat(health).isNotEmpty().containsOnly(200);
        }
    }
}

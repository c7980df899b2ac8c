package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * SIGKILL in the middle of a 2,000-message fan-out, then a restart under the same instance id:
 * every check-in is delivered, and none twice — the message in flight at the kill is found on the
 * platform by its idempotency key (Slack message metadata) instead of being sent again.
 */
@ExtendWith(PostgresExtension.class)
class KillMidFanOutTest {
    static final int MEMBERS = 2_000;

    @TempDir Path dir;

    static Map<String, String> env(TestDatabase db, FakeSlackApi slack, String instance) {
        return Map.of(
                "DATABASE_URL",
                db.jdbcUrl(),
                "DATABASE_USER",
                "postgres",
                "SLACK_SIGNING_SECRET",
                SlackRequests.SECRET,
                "SLACK_BOT_TOKEN",
                "xoxb-test-token",
                "SLACK_API_URL",
                slack.apiUrl(),
                "TENFOUR_INSTANCE_ID",
                instance);
    }

    static Map<String, Long> postsPerKey(FakeSlackApi slack) {
        return slack.posted().stream()
                .filter(p -> p.key() != null)
                .collect(Collectors.groupingBy(FakeSlackApi.Posted::key, Collectors.counting()));
    }

    @Test
    void a_bot_killed_while_delivering_loses_nothing_and_doubles_nothing_after_a_restart(
            TestDatabase db) throws Exception {
        Jdbi jdbi = db.jdbi();
        Seed.slackAgency(jdbi, "T111", MEMBERS);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            slack.delay("chat.postMessage", Duration.ofMillis(4));
            BotProcess first = BotProcess.start(dir, "first", env(db, slack, "bot-a"));
            Awaitility.await("planned, and a third delivered")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () ->
                                    Seed.count(jdbi, "select count(*) from check_in") == MEMBERS
                                            && slack.posted().size() >= MEMBERS / 3);
            first.kill();
            Set<String> sentAtKill =
                    new HashSet<>(
                            jdbi.withHandle(
                                    h ->
                                            h.createQuery(
                                                            "select idempotency_key from outbox where state = 'sent'")
                                                    .mapTo(String.class)
                                                    .list()));
            int pendingAtKill =
                    Seed.count(jdbi, "select count(*) from outbox where state = 'pending'");
            assertThat(pendingAtKill).as("killed mid fan-out").isGreaterThan(0);

            long restartedAt = System.nanoTime();
            try (BotProcess second = BotProcess.start(dir, "second", env(db, slack, "bot-a"))) {
                Awaitility.await("everything delivered")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                                () ->
                                        Seed.count(
                                                        jdbi,
                                                        "select count(*) from outbox where state <> 'sent'")
                                                == 0);
                Map<String, Long> perKey = postsPerKey(slack);
                long doubled = perKey.values().stream().filter(n -> n > 1).count();
                // on the platform before the restart but not recorded as sent: the crash window
                long inFlight =
                        slack.posted().stream()
                                .filter(p -> p.atNanos() < restartedAt && p.key() != null)
                                .map(FakeSlackApi.Posted::key)
                                .filter(k -> !sentAtKill.contains(k))
                                .distinct()
                                .count();
                System.out.printf(
                        "kill -9 mid fan-out: %d sent at the kill, %d pending, %d delivered but unrecorded "
                                + "(would double without the look-up), %d keys delivered, %d doubled, %d history look-ups%n",
                        sentAtKill.size(),
                        pendingAtKill,
                        inFlight,
                        perKey.size(),
                        doubled,
                        slack.calls("conversations.history").size());
                assertThat(perKey).as("one message per check-in").hasSize(MEMBERS);
                assertThat(doubled).as("check-ins delivered twice").isZero();
                assertThat(slack.calls("conversations.history"))
                        .as("in-flight rows were looked up")
                        .isNotEmpty();
                assertThat(Seed.count(jdbi, "select count(*) from check_in where state = 'sent'"))
                        .isEqualTo(MEMBERS);
            }
        }
    }
}

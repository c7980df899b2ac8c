package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Two bot processes on one database and one Slack, both scheduling and both sending. */
@ExtendWith(PostgresExtension.class)
class TwoReplicasTest {
    static final int MEMBERS = 1_000;

    @TempDir Path dir;

    private static Map<String, String> withToken(Map<String, String> env, String token) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("SLACK_BOT_TOKEN", token);
        return copy;
    }

    @Test
    void two_replicas_plan_each_slot_once_and_deliver_each_message_once(TestDatabase db)
            throws Exception {
        Jdbi jdbi = db.jdbi();
        Seed.slackAgency(jdbi, "T111", MEMBERS);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            // slow while only the first replica is up (its sender, sized to the latency, may
            // otherwise deliver everything before the second is ready), fast once both are
            slack.delay("chat.postMessage", Duration.ofSeconds(1));
            try (BotProcess a =
                            BotProcess.start(
                                    dir, "a", KillMidFanOutTest.env(db, slack, "replica-a"));
                    BotProcess b =
                            BotProcess.start(
                                    dir,
                                    "b",
                                    withToken(
                                            KillMidFanOutTest.env(db, slack, "replica-b"),
                                            "xoxb-test-token-b"))) {
                slack.delay("chat.postMessage", Duration.ofMillis(2));
                Awaitility.await("everything planned and delivered")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                                () ->
                                        Seed.count(jdbi, "select count(*) from check_in") == MEMBERS
                                                && Seed.count(
                                                                jdbi,
                                                                "select count(*) from outbox where state <> 'sent'")
                                                        == 0);
                Map<String, Long> perKey = KillMidFanOutTest.postsPerKey(slack);
                assertThat(perKey).hasSize(MEMBERS);
                assertThat(perKey.values()).as("deliveries per message").containsOnly(1L);
                assertThat(Seed.count(jdbi, "select count(distinct slot_key) from check_in"))
                        .as("one slot")
                        .isEqualTo(1);
                assertThat(
                                Seed.count(
                                        jdbi,
                                        "select max(c) from (select count(*) c from check_in group by member_id) x"))
                        .as("check-ins per member")
                        .isEqualTo(1);
                assertThat(Seed.count(jdbi, "select count(distinct claimed_by) from outbox"))
                        .isZero();
                // the replicas' tokens differ (same workspace), so the fake can tell who sent what
                assertThat(slack.calls("chat.postMessage"))
                        .extracting(FakeSlackApi.Call::token)
                        .as("both replicas sent")
                        .contains("xoxb-test-token", "xoxb-test-token-b");
                assertThat(a.status("/readyz")).isEqualTo(200);
                assertThat(b.status("/readyz")).isEqualTo(200);
            }
        }
    }
}

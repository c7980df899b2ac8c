package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.Payloads;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** The same signed request delivered twice (a platform retry or a replay) is handled once. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest {
    @TempDir static Path dir;
    private LiveBot bot;

    @BeforeAll
    void start(TestDatabase db) {
        bot = new LiveBot(db, dir);
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private HttpResponse<String> sameRequest(
            String path, String contentType, String body, Map<String, String> headers) {
        return bot.post(path, contentType, body, headers);
    }

    private int count(String sql) {
        return Seed.count(bot.jdbi, sql);
    }

    @Test
    void a_slack_event_delivered_twice_is_handled_once() {
        String body = Payloads.event("T111", "Ev0REPLAY1", Payloads.homeOpened("U0HOME"));
        assertThat(bot.slackSigned(SlackRequests.JSON, body).statusCode()).isEqualTo(200);
        assertThat(bot.slackSigned(SlackRequests.JSON, body).statusCode()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !bot.slack.calls("views.publish").isEmpty());
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> bot.slack.calls("views.publish").size() == 1);
        assertThat(count("select count(*) from processed_event where event_id = 'Ev0REPLAY1'"))
                .isEqualTo(1);
    }

    @Test
    void the_same_signed_slash_command_twice_leaves_one_roster_entry_and_one_welcome() {
        assertThat(bot.command("U0ADMIN", "C0COORD", "setup").statusCode()).isEqualTo(200);
        int welcomesBefore = count("select count(*) from outbox where kind = 'welcome'");
        String body = LiveBot.commandBody("T111", "U0ADMIN", "C0COORD", "roster add <@U0NEW>");
        long ts = Instant.now().getEpochSecond();
        Map<String, String> headers =
                Map.of(
                        "X-Slack-Request-Timestamp",
                        String.valueOf(ts),
                        "X-Slack-Signature",
                        SlackRequests.sign(SlackRequests.SECRET, ts, body));
        HttpResponse<String> first =
                sameRequest("/slack/events", SlackRequests.FORM, body, headers);
        HttpResponse<String> replay =
                sameRequest("/slack/events", SlackRequests.FORM, body, headers);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isIn(200, 401);
        assertThat(
                        count(
                                "select count(*) from member where platform_user_id = 'U0NEW' and on_roster"))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox where kind = 'welcome'"))
                .as("one welcome queued (its addressee is gone once delivered)")
                .isEqualTo(welcomesBefore + 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from outbox where state = 'pending'") == 0);
        assertThat(bot.slack.calls("chat.postMessage"))
                .filteredOn(c -> "U0NEW".equals(c.params().get("channel")))
                .hasSize(1);
    }

    @Test
    void the_same_teams_activity_twice_is_processed_once() {
        var activity =
                Activities.personalMessage(bot.microsoft.serviceUrl(), "help")
                        .put("id", "act-replay-1");
        int before = bot.microsoft.calls("POST").size();
        assertThat(bot.teamsSigned(activity.toString()).statusCode()).isEqualTo(200);
        assertThat(bot.microsoft.calls("POST")).hasSize(before + 1);
        assertThat(bot.teamsSigned(activity.toString()).statusCode()).isEqualTo(200);
        assertThat(bot.microsoft.calls("POST")).as("no second reply").hasSize(before + 1);
        assertThat(count("select count(*) from processed_event where platform = 'teams'"))
                .isEqualTo(1);
    }
}

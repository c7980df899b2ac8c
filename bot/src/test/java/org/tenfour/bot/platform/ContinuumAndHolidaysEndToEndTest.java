package org.tenfour.bot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.Payloads;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.adapters.teams.TeamsRequests;
import org.tenfour.adapters.teams.TestTokens;
import org.tenfour.bot.Application;
import org.tenfour.bot.testing.TestEnv;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Issue 19's check-in rules through the real product: a stress-continuum check-in answered by a
 * Spanish-speaking member with a signed Slack button (only a weekly count keeps the colour), and an
 * agency holiday kept by mention in Teams that moves a member's check-in to the next day.
 */
@ExtendWith(PostgresExtension.class)
class ContinuumAndHolidaysEndToEndTest {
    /** Wednesday 25 November 2026, 15:00 UTC: inside the default window (08:00–18:00, UTC). */
    private static final Instant WEDNESDAY_3PM_UTC = Instant.parse("2026-11-25T15:00:00Z");

    private final Clock clock =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), WEDNESDAY_3PM_UTC));
    private final TestDatabase db;
    private FakeSlackApi slack;
    private FakeMicrosoft microsoft;
    private RSAKey key;
    private Application app;
    private SlackRequests slackRequests;

    ContinuumAndHolidaysEndToEndTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start(@TempDir Path dir) {
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
        slack = new FakeSlackApi();
        microsoft = new FakeMicrosoft();
        key = TestTokens.newKey("key-1");
        microsoft.publish(List.of(Map.entry(key, List.of("msteams"))));
        app =
                Application.start(
                        TestEnv.on(db.jdbcUrl(), dir)
                                .slack(slack, "xoxb-e2e")
                                .teams(microsoft)
                                .settings(),
                        clock);
        slackRequests = new SlackRequests("http://127.0.0.1:" + app.port());
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
        microsoft.close();
    }

    private String slashCommand(String user, String text) {
        String body =
                SlackRequests.command(FakeSlackApi.TEAM, "/tenfour", text)
                        .replace("user_id=U0PAT", "user_id=" + user);
        HttpResponse<String> r = slackRequests.signed(SlackRequests.FORM, body);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private void press(String user, String actionId, String value) {
        String payload =
                Payloads.blockAction(FakeSlackApi.TEAM, actionId, value).replace("U0PAT", user);
        assertThat(
                        slackRequests
                                .signed(SlackRequests.FORM, SlackRequests.interactive(payload))
                                .statusCode())
                .isEqualTo(200);
    }

    private List<String> postedTo(String channel, String text) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.params().get("channel")))
                .map(
                        c ->
                                c.params().getOrDefault("text", "")
                                        + c.params().getOrDefault("blocks", ""))
                .filter(t -> t.contains(text))
                .toList();
    }

    private List<String> strings(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void in_slack_a_spanish_member_answers_the_stress_continuum_and_only_a_weekly_count_keeps_it() {
        slack.locale("U0ALEX", "es-LA");
        assertThat(slashCommand("U0PAT", "setup")).contains("This is now the coordinator channel");
        assertThat(slashCommand("U0PAT", "checkin style continuum")).contains("continuum");
        slashCommand("U0PAT", "roster add <@U0ALEX|alex>");
        slashCommand("U0PAT", "peers add <@U0SAM|sam>");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("U0SAM", "onboarding.ack").isEmpty());
        press("U0SAM", "onboarding.ack", "");
        slashCommand("U0PAT", "cadence weekly");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("U0ALEX", "checkin.injured").isEmpty());
        assertThat(postedTo("U0ALEX", "checkin.injured").get(0))
                .contains("Preparado (verde)", "Reaccionando (amarillo)", "Lesionado (naranja)")
                .contains("Enfermo (rojo)", "llame al 911")
                .doesNotContain("Ready (green)", "stress continuum", "checkin.ok");

        String checkIn = strings("select id::text from check_in").get(0);
        press("U0ALEX", "checkin.injured", checkIn);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> strings("select answer from check_in").contains("continuum"));
        // the colour is a count for the agency's week, all four rows written alike
        assertThat(strings("select colour || '=' || count from continuum_count order by colour"))
                .containsExactlyInAnyOrder("ill=0", "injured=1", "ready=0", "reacting=0");
        // nothing else the database keeps names the colour or the check-in it came from
        assertThat(strings("select row_to_json(c)::text from check_in c"))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row)
                                        .doesNotContain("injured", "orange", "naranja")
                                        .contains("continuum"));
        assertThat(strings("select row_to_json(c)::text from continuum_counted c"))
                .singleElement()
                .satisfies(row -> assertThat(row).doesNotContain(checkIn, "injured"));
        // the check-in's buttons are replaced, in Spanish
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.update").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params()
                                                                .getOrDefault("blocks", "")
                                                                .contains("Usted respondi")));
        // a second press counts nothing more
        press("U0ALEX", "checkin.ill", checkIn);
        assertThat(strings("select colour || '=' || count from continuum_count order by colour"))
                .containsExactlyInAnyOrder("ill=0", "injured=1", "ready=0", "reacting=0");

        // orange offers a peer now: an urgent request
        press("U0ALEX", "checkin.talknow", checkIn);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> strings("select urgency from connection_request").contains("now"));
    }

    private HttpResponse<String> teams(ObjectNode activity) throws Exception {
        HttpResponse<String> r =
                new TeamsRequests(
                                "http://127.0.0.1:" + app.port(),
                                key,
                                clock,
                                microsoft.serviceUrl())
                        .signed(activity);
        assertThat(r.statusCode()).isBetween(200, 202);
        return r;
    }

    private String teamsReplies() {
        return microsoft.calls("POST").stream()
                .map(c -> c.body().toString())
                .reduce("", String::concat);
    }

    @Test
    void in_teams_a_holiday_added_by_mention_moves_the_check_in_to_the_next_day_of_the_window()
            throws Exception {
        teams(Activities.botAddedToTeam(microsoft.serviceUrl()).put("id", "in-0"));
        // Alice has written to TenFour in a personal chat: Teams gave it a conversation to reach
        // her
        teams(Activities.personalMessage(microsoft.serviceUrl(), "help").put("id", "in-00"));
        teams(Activities.channelMention(microsoft.serviceUrl(), "setup").put("id", "in-1"));
        teams(
                Activities.channelMention(microsoft.serviceUrl(), "holidays add 2026-11-25")
                        .put("id", "in-2"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> teamsReplies().contains("2026-11-25"));
        ObjectNode roster =
                Activities.channelMention(microsoft.serviceUrl(), "roster add <at>Alice</at>");
        roster.withArray("entities")
                .addObject()
                .put("type", "mention")
                .put("text", "<at>Alice</at>")
                .putObject("mentioned")
                .put("id", Activities.USER)
                .put("name", "Alice");
        teams(roster.put("id", "in-3"));
        // Teams answers 202 and handles each activity afterwards: the roster first, then the
        // cadence
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> teamsReplies().contains("Added 1 to the roster"));
        teams(
                Activities.channelMention(microsoft.serviceUrl(), "cadence weekly")
                        .put("id", "in-4"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !strings("select id::text from check_in").isEmpty());

        // planned for Thursday's window, not today's; nothing goes out on the holiday
        assertThat(
                        strings(
                                "select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD') from"
                                        + " check_in where extract(hour from due_at at time zone"
                                        + " 'UTC') between 8 and 17"))
                .containsExactly("2026-11-26");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> teamsReplies().contains("Cadence is now weekly"));
        assertThat(teamsReplies()).doesNotContain("checkin.ok");
    }
}

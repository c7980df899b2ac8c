package org.tenfour.bot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpClient;
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
 * The on-call rota through the real product: signed Slack commands and form submissions, signed
 * Teams activities, at night in the agency's zone. Peer "sam" speaks the language the member asks
 * for, so the usual order would offer him the request first; the rota puts "kim" on call, and the
 * request must reach kim.
 */
@ExtendWith(PostgresExtension.class)
class OnCallEndToEndTest {
    /** Tuesday 1 December 2026, 23:00 in Chicago: after hours. */
    private static final Instant TUESDAY_11PM_CHICAGO = Instant.parse("2026-12-02T05:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TUESDAY_11PM_CHICAGO));
    private final TestDatabase db;
    private FakeSlackApi slack;
    private FakeMicrosoft microsoft;
    private RSAKey key;
    private Application app;
    private SlackRequests slackRequests;

    OnCallEndToEndTest(TestDatabase db) {
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

    private String currentPeer() {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                """
                                                select m.platform_user_id from connection_request r
                                                join member m on m.id = r.current_peer_id""")
                                        .mapTo(String.class)
                                        .one());
    }

    /** Peer "sam" speaks Spanish: the usual order would offer a Spanish request to him first. */
    private void samSpeaksSpanish() {
        db.jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                                        update peer set languages = '{es}' where member_id =
                                          (select id from member where platform_user_id like '%sam%')"""));
    }

    @Test
    void in_slack_a_night_time_request_reaches_the_on_call_peer_first() {
        assertThat(slashCommand("U0PAT", "setup")).contains("This is now the coordinator channel");
        slashCommand("U0PAT", "timezone America/Chicago");
        slashCommand("U0PAT", "roster add <@U0ALEX|alex>");
        assertThat(slashCommand("U0PAT", "peers add <@U0sam|sam> <@U0KIM|kim>"))
                .contains("Added 2 peer");
        // new peers acknowledge the program's policy before anything goes out in their name
        for (String peer : List.of("U0sam", "U0KIM")) {
            String press =
                    Payloads.blockAction(FakeSlackApi.TEAM, "onboarding.ack", "")
                            .replace("U0PAT", peer);
            assertThat(
                            slackRequests
                                    .signed(SlackRequests.FORM, SlackRequests.interactive(press))
                                    .statusCode())
                    .isEqualTo(200);
        }
        assertThat(slashCommand("U0PAT", "oncall add <@U0KIM|kim> <@U0sam|sam>"))
                .contains("Added to the on-call rota");
        samSpeaksSpanish();
        assertThat(slashCommand("U0ALEX", "oncall now")).contains("U0KIM").doesNotContain("U0sam");

        String submission =
                """
                {"type":"view_submission","team":{"id":"%1$s","domain":"fd7"},
                 "user":{"id":"U0ALEX","username":"alex","name":"alex","team_id":"%1$s"},
                 "api_app_id":"A0APP","token":"gIkuvaNzQIHg97ATvDxqgjtO","trigger_id":"111.222.333",
                 "view":{"id":"V0ASK","team_id":"%1$s","type":"modal","blocks":[],"private_metadata":"",
                   "callback_id":"connect.ask","hash":"156772938.1827394",
                   "title":{"type":"plain_text","text":"Talk to a peer"},
                   "clear_on_close":false,"notify_on_close":false,"close":null,
                   "submit":{"type":"plain_text","text":"Ask"},"previous_view_id":null,"root_view_id":"V0ASK",
                   "app_id":"A0APP","external_id":"","app_installed_team_id":"%1$s","bot_id":"B0BOT",
                   "state":{"values":{
                     "who":{"who":{"type":"radio_buttons","selected_option":{"text":{"type":"plain_text","text":"Any"},"value":"internal"}}},
                     "urgency":{"urgency":{"type":"radio_buttons","selected_option":{"text":{"type":"plain_text","text":"Today"},"value":"today"}}},
                     "contact":{"contact":{"type":"radio_buttons","selected_option":{"text":{"type":"plain_text","text":"Chat"},"value":"chat"}}},
                     "language":{"language":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"es"},"value":"es"}}}}}},
                 "response_urls":[],"is_enterprise_install":false,"enterprise":null}"""
                        .formatted(FakeSlackApi.TEAM);
        assertThat(
                        slackRequests
                                .signed(SlackRequests.FORM, SlackRequests.interactive(submission))
                                .statusCode())
                .isEqualTo(200);

        assertThat(currentPeer()).isEqualTo("U0KIM");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        "U0KIM".equals(c.params().get("channel"))
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains(
                                                                                "connect.accept")));
        assertThat(slack.calls("chat.postMessage"))
                .noneMatch(
                        c ->
                                "U0sam".equals(c.params().get("channel"))
                                        && c.params().get("blocks").contains("connect.accept"));
    }

    @Test
    void in_slack_an_incident_pages_the_on_call_peer_who_takes_it_with_a_button() {
        slashCommand("U0PAT", "setup");
        slashCommand("U0PAT", "timezone America/Chicago");
        slashCommand("U0PAT", "peers add <@U0sam|sam> <@U0KIM|kim>");
        // a peer who has not acknowledged the policy is never paged (they would learn who is
        // involved): both acknowledge first
        for (String peer : List.of("U0sam", "U0KIM")) {
            String press =
                    Payloads.blockAction(FakeSlackApi.TEAM, "onboarding.ack", "")
                            .replace("U0PAT", peer);
            assertThat(
                            slackRequests
                                    .signed(SlackRequests.FORM, SlackRequests.interactive(press))
                                    .statusCode())
                    .isEqualTo(200);
        }
        slashCommand("U0PAT", "oncall add <@U0KIM|kim> <@U0sam|sam>");
        assertThat(slashCommand("U0PAT", "incident \"Vehicle fire, Route 9\" <@U0ALEX|alex>"))
                .contains("the on-call peer is paged");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        "U0KIM".equals(c.params().get("channel"))
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains("callout.take")));
        FakeSlackApi.Call page =
                slack.calls("chat.postMessage").stream()
                        .filter(c -> c.params().get("blocks").contains("callout.take"))
                        .findFirst()
                        .orElseThrow();
        assertThat(page.params().get("blocks"))
                .contains("Vehicle fire, Route 9")
                .contains("1 person involved")
                .doesNotContain("U0ALEX");
        String incidentId =
                db.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery("select id::text from incident")
                                                .mapTo(String.class)
                                                .one());
        String press =
                Payloads.blockAction(FakeSlackApi.TEAM, "callout.take", incidentId)
                        .replace("U0PAT", "U0KIM");
        assertThat(
                        slackRequests
                                .signed(SlackRequests.FORM, SlackRequests.interactive(press))
                                .statusCode())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        "U0KIM".equals(c.params().get("channel"))
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains("U0ALEX")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.update").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params().get("blocks").contains("on it")
                                                                && !c.params()
                                                                        .get("blocks")
                                                                        .contains("callout.take")));
        String lead =
                db.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "select m.platform_user_id from call_out o join member m on m.id = o.lead_peer_id")
                                                .mapTo(String.class)
                                                .one());
        assertThat(lead).isEqualTo("U0KIM");
    }

    private HttpResponse<String> teams(ObjectNode activity) throws Exception {
        HttpResponse<String> r = teamsRequests().signed(activity);
        assertThat(r.statusCode()).isBetween(200, 202);
        return r;
    }

    private static ObjectNode mentioning(ObjectNode activity, String... people) {
        for (String person : people) {
            activity.withArray("entities")
                    .addObject()
                    .put("type", "mention")
                    .put("text", "<at>" + person + "</at>")
                    .putObject("mentioned")
                    .put("id", "29:user-" + person)
                    .put("name", person);
        }
        return activity;
    }

    private String teamsReplies() {
        return microsoft.calls("POST").stream()
                .map(c -> c.body().toString())
                .reduce("", String::concat);
    }

    @Test
    void in_teams_the_rota_is_kept_by_mention_and_a_night_time_request_reaches_the_on_call_peer()
            throws Exception {
        teams(Activities.botAddedToTeam(microsoft.serviceUrl()).put("id", "in-0"));
        teams(Activities.channelMention(microsoft.serviceUrl(), "setup").put("id", "in-1"));
        teams(
                Activities.channelMention(microsoft.serviceUrl(), "timezone America/Chicago")
                        .put("id", "in-2"));
        teams(
                mentioning(
                                Activities.channelMention(
                                        microsoft.serviceUrl(),
                                        "peers add <at>sam</at> <at>kim</at>"),
                                "sam",
                                "kim")
                        .put("id", "in-3"));
        // new peers acknowledge the program's policy before anything goes out in their name
        for (String peer : List.of("sam", "kim")) {
            ObjectNode ack = Activities.personalMessage(microsoft.serviceUrl(), "");
            ack.remove("text");
            ack.putObject("from").put("id", "29:user-" + peer).put("name", peer);
            ack.putObject("value").put("action", "onboarding.ack").put("value", "");
            teams(ack.put("id", "in-3-" + peer));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                teamsReplies().split("You are now in the rotation", -1).length - 1
                                        == 2);
        teams(
                mentioning(
                                Activities.channelMention(
                                        microsoft.serviceUrl(),
                                        "oncall add <at>kim</at> <at>sam</at>"),
                                "kim",
                                "sam")
                        .put("id", "in-4"));
        samSpeaksSpanish();
        teams(Activities.personalMessage(microsoft.serviceUrl(), "oncall now").put("id", "in-5"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> teamsReplies().contains("On call for peer support now"));
        assertThat(teamsReplies()).contains("Added to the on-call rota");

        ObjectNode ask = Activities.personalMessage(microsoft.serviceUrl(), "");
        ask.remove("text");
        ask.putObject("value")
                .put("form", "connect.ask")
                .put("context", "")
                .put("who", "internal")
                .put("urgency", "today")
                .put("contact", "chat")
                .put("language", "es");
        teams(ask.put("id", "in-6"));
        assertThat(currentPeer()).isEqualTo("29:user-kim");
    }

    private TeamsRequests teamsRequests() {
        return new TeamsRequests(
                "http://127.0.0.1:" + app.port(), key, clock, microsoft.serviceUrl());
    }
}

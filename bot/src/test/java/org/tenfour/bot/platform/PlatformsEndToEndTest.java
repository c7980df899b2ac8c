package org.tenfour.bot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.tenfour.bot.http.JsonBody;
import org.tenfour.bot.testing.TestEnv;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The whole product with Slack and Teams both configured: signed HTTP → Javalin → Bolt / Bot
 * Framework JWT → domain → PostgreSQL → outbox → the fake Slack Web API and the fake Bot Connector.
 */
@ExtendWith(PostgresExtension.class)
class PlatformsEndToEndTest {
    private static final Instant WEDNESDAY_3PM_UTC = Instant.parse("2026-11-25T15:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    // a running clock set to a Wednesday afternoon: pacing and leases need time to pass
    private final Clock clock =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), WEDNESDAY_3PM_UTC));
    private final TestDatabase db;
    private FakeSlackApi slack;
    private FakeMicrosoft microsoft;
    private RSAKey key;
    private Application app;
    private SlackRequests slackRequests;

    PlatformsEndToEndTest(TestDatabase db) {
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

    private HttpResponse<String> slashCommand(String user, String text) {
        String body =
                SlackRequests.command(FakeSlackApi.TEAM, "/tenfour", text)
                        .replace("user_id=U0PAT", "user_id=" + user);
        return slackRequests.signed(SlackRequests.FORM, body);
    }

    private List<String> strings(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private int count(String table) {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery("select count(*) from " + table)
                                        .mapTo(Integer.class)
                                        .one());
    }

    @Test
    void in_slack_a_coordinator_sets_up_check_ins_and_a_member_gets_one_and_answers_it() {
        HttpResponse<String> setup = slashCommand("U0PAT", "setup");
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("This is now the coordinator channel");
        assertThat(slashCommand("U0PAT", "roster add <@U0ALEX|alex>").body())
                .contains("Added 1 to the roster");
        assertThat(slashCommand("U0PAT", "peers add <@U0SAM|sam>").body()).contains("Added 1 peer");
        assertThat(slashCommand("U0PAT", "cadence weekly").body())
                .contains("Cadence is now weekly");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params().get("channel").equals("U0ALEX")
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains("checkin.ok")));
        FakeSlackApi.Call checkIn =
                slack.calls("chat.postMessage").stream()
                        .filter(c -> c.params().get("blocks").contains("checkin.ok"))
                        .findFirst()
                        .orElseThrow();
        assertThat(checkIn.token()).isEqualTo("xoxb-e2e");
        assertThat(checkIn.params().get("blocks")).contains("988");
        String checkInId =
                db.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery("select id::text from check_in")
                                                .mapTo(String.class)
                                                .one());

        String press =
                Payloads.blockAction(FakeSlackApi.TEAM, "checkin.ok", checkInId)
                        .replace("U0PAT", "U0ALEX");
        assertThat(
                        slackRequests
                                .signed(SlackRequests.FORM, SlackRequests.interactive(press))
                                .statusCode())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !slack.calls("chat.update").isEmpty());
        assertThat(slack.calls("chat.update").get(0).params().get("blocks"))
                .contains("You answered: I\\u0027m OK")
                .doesNotContain("checkin.ok");
        assertThat(strings("select answer from check_in")).containsExactly("ok");
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

    private boolean updatedWith(String text) {
        return slack.calls("chat.update").stream()
                .anyMatch(c -> c.params().getOrDefault("blocks", "").contains(text));
    }

    @Test
    void
            in_slack_a_member_whose_slack_is_in_spanish_reads_the_check_in_and_the_answer_in_spanish() {
        slack.locale("U0ALEX", "es-LA");
        slashCommand("U0PAT", "setup");
        slashCommand("U0PAT", "roster add <@U0ALEX|alex>");
        slashCommand("U0PAT", "peers add <@U0SAM|sam>");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("U0SAM", "onboarding.ack").isEmpty());
        press("U0SAM", "onboarding.ack", "");
        slashCommand("U0PAT", "cadence weekly");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("U0ALEX", "checkin.ok").isEmpty());
        assertThat(postedTo("U0ALEX", "checkin.ok").get(0))
                .contains("Estoy bien", "Ahora no", "llame al 911")
                .doesNotContain("How are you doing", "I\\u0027m OK");
        assertThat(
                        slack.calls("users.info").stream()
                                .filter(c -> "U0ALEX".equals(c.params().get("user"))))
                .as("the locale is asked for")
                .allSatisfy(c -> assertThat(c.params().get("include_locale")).isIn("1", "true"));

        press("U0ALEX", "checkin.ok", strings("select id::text from check_in").get(0));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> updatedWith("Usted respondi"));
        assertThat(strings("select language from member where platform_user_id = 'U0ALEX'"))
                .containsExactly("es");
        assertThat(postedTo("U0SAM", ""))
                .as("the peer reads English")
                .noneMatch(t -> t.contains("¿"));

        // the request form opens in Spanish, and the directory reads in Spanish
        assertThat(slashCommand("U0ALEX", "talk").statusCode()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !slack.calls("views.open").isEmpty());
        assertThat(slack.calls("views.open").get(0).params().get("view"))
                .contains("Esta semana", "Por mensajes", "Pedir")
                .doesNotContain("This week", "Who would you like");
        assertThat(slashCommand("U0ALEX", "resources").body())
                .contains("Cualquiera puede consultarlo")
                .doesNotContain("Anyone can look");

        // a mistyped command, its correction and help about it read in Spanish too
        assertThat(slashCommand("U0ALEX", "optuot").body())
                .contains("No conozco `optuot`.", "Quiso decir `/tenfour optout`?")
                .doesNotContain("Did you mean");
        assertThat(slashCommand("U0ALEX", "snooze forever").body())
                .contains("No entiendo", "Uso: `/tenfour snooze 2w`")
                .doesNotContain("write it like", "Usage:");
        assertThat(slashCommand("U0ALEX", "help snooze").body())
                .contains("Pausa los contactos", "Para todos.")
                .doesNotContain("Pauses check-ins", "For everyone.");
    }

    @Test
    void in_slack_nothing_goes_out_in_a_new_peers_name_until_they_press_the_policys_button() {
        slashCommand("U0PAT", "setup");
        slashCommand("U0PAT", "roster add <@U0ALEX|alex> <@U0BO|bo>");
        slashCommand("U0PAT", "peers add <@U0SAM|sam>");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("U0SAM", "onboarding.ack").isEmpty());
        assertThat(postedTo("U0SAM", "onboarding.ack").get(0))
                .contains("Confidentiality and its written exceptions")
                .contains("You are not a counsellor or a clinician");

        slashCommand("U0PAT", "cadence weekly");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> strings("select state from check_in").contains("sent"));
        assertThat(strings("select peer_id::text from check_in"))
                .as("no check-in is planned in the new peer's name")
                .containsOnlyNulls();
        assertThat(postedTo(null, "checkin.ok"))
                .isNotEmpty()
                .allSatisfy(blocks -> assertThat(blocks).doesNotContain("on behalf of"));
        String sent =
                strings(
                                "select id::text from check_in where state = 'sent'"
                                        + " order by id limit 1")
                        .get(0);
        String member =
                strings(
                                "select m.platform_user_id from check_in c join member m"
                                        + " on m.id = c.member_id where c.id::text = '"
                                        + sent
                                        + "'")
                        .get(0);
        press(member, "checkin.talk", sent);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !postedTo(
                                                "U0PAT",
                                                "no peer has acknowledged the policy or kept"
                                                        + " their required training current")
                                        .isEmpty());
        assertThat(postedTo("U0SAM", ""))
                .as("the new peer was shown the policy and nothing else")
                .hasSize(1);

        press("U0SAM", "onboarding.ack", "");
        assertThat(strings("select acknowledged_on::text from peer_onboarding"))
                .doesNotContainNull();
        String other = member.equals("U0ALEX") ? "U0BO" : "U0ALEX";
        assertThat(
                        slackRequests
                                .signed(
                                        SlackRequests.FORM,
                                        SlackRequests.interactive(askSubmission(other)))
                                .statusCode())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("U0SAM", "connect.accept").isEmpty());
    }

    /**
     * What the fake Slack was asked to post to {@code channel} (null: anywhere) with {@code text}.
     */
    private List<String> postedTo(String channel, String text) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> channel == null || channel.equals(c.params().get("channel")))
                .map(
                        c ->
                                c.params().getOrDefault("text", "")
                                        + c.params().getOrDefault("blocks", ""))
                .filter(t -> t.contains(text))
                .toList();
    }

    private static String askSubmission(String user) {
        return """
                {"type":"view_submission","team":{"id":"%1$s","domain":"fd7"},
                 "user":{"id":"%2$s","username":"member","name":"member","team_id":"%1$s"},
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
                     "contact":{"contact":{"type":"radio_buttons","selected_option":{"text":{"type":"plain_text","text":"Chat"},"value":"chat"}}}}}},
                 "response_urls":[],"is_enterprise_install":false,"enterprise":null}"""
                .formatted(FakeSlackApi.TEAM, user);
    }

    @Test
    void in_slack_an_ended_conversation_loses_its_buttons_and_a_late_safety_press_pages_no_one() {
        slashCommand("U0PAT", "setup");
        slashCommand("U0PAT", "roster add <@U0ALEX|alex>");
        slashCommand("U0PAT", "peers add <@U0SAM|sam>");
        // the new peer reads the policy and acknowledges it before anything goes out in their name
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params().get("channel").equals("U0SAM")
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains(
                                                                                "onboarding.ack")));
        press("U0SAM", "onboarding.ack", "");
        assertThat(strings("select acknowledged_on::text from peer_onboarding"))
                .doesNotContainNull();
        slashCommand("U0PAT", "cadence weekly");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> strings("select state from check_in").contains("sent"));
        press("U0ALEX", "checkin.talk", strings("select id::text from check_in").get(0));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params().get("channel").equals("U0SAM")
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains(
                                                                                "connect.accept")));
        String request = strings("select id::text from connection_request").get(0);
        press("U0SAM", "connect.accept", request);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> updatedWith("connect.safety"));

        assertThat(slashCommand("U0ALEX", "end").body()).contains("ended");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                updatedWith("the conversation has ended")
                                        && updatedWith("Your conversation with a peer has ended"));
        assertThat(slack.calls("chat.update"))
                .filteredOn(c -> c.params().get("blocks").contains("has ended"))
                .as("chat.update replaces the buttons")
                .allSatisfy(
                        c ->
                                assertThat(c.params().get("blocks"))
                                        .doesNotContain("connect.safety")
                                        .doesNotContain("connect.end"));

        press("U0SAM", "connect.safety", request);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postEphemeral").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params()
                                                                .toString()
                                                                .contains("nobody was paged")));
        assertThat(strings("select idempotency_key from outbox"))
                .as("no page was queued for the coordinators")
                .noneMatch(k -> k.contains(":safety:"));
        assertThat(strings("select action from audit_log")).doesNotContain("safety concern");
    }

    @Test
    void in_slack_a_coordinator_lists_a_resource_and_a_member_reads_it_privately() {
        slashCommand("U0PAT", "setup");
        assertThat(
                        slashCommand(
                                        "U0PAT",
                                        "resources add \"Peer EAP\" \"call 555-0100\" category:eap")
                                .body())
                .contains("Added \\\"Peer EAP\\\" under EAP");
        HttpResponse<String> read = slashCommand("U0ALEX", "resources");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body())
                .contains("Peer EAP")
                .contains("call 555-0100")
                .contains("ephemeral");
        assertThat(strings("select name from resource")).containsExactly("Peer EAP");
    }

    @Test
    void in_slack_a_member_answers_the_survey_in_a_modal_and_only_totals_are_stored() {
        slashCommand("U0PAT", "setup");
        slashCommand("U0PAT", "roster add <@U0ALEX|alex>");
        assertThat(slashCommand("U0PAT", "survey start needs").body()).contains("Survey 1");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("chat.postMessage").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params().get("channel").equals("U0ALEX")
                                                                && c.params()
                                                                        .get("blocks")
                                                                        .contains(
                                                                                "survey.answer")));
        String surveyId = strings("select id::text from survey").get(0);
        String press =
                Payloads.blockAction(FakeSlackApi.TEAM, "survey.answer", surveyId)
                        .replace("U0PAT", "U0ALEX");
        assertThat(
                        slackRequests
                                .signed(SlackRequests.FORM, SlackRequests.interactive(press))
                                .statusCode())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                slack.calls("views.open").stream()
                                        .anyMatch(
                                                c ->
                                                        c.params()
                                                                .get("view")
                                                                .contains("survey.form")));

        String submission =
                """
                {"type":"view_submission","team":{"id":"%1$s","domain":"fd7"},
                 "user":{"id":"U0ALEX","username":"alex","name":"alex","team_id":"%1$s"},
                 "api_app_id":"A0APP","token":"gIkuvaNzQIHg97ATvDxqgjtO","trigger_id":"111.222.333",
                 "view":{"id":"V0SURVEY","team_id":"%1$s","type":"modal","blocks":[],"private_metadata":"%2$s",
                   "callback_id":"survey.form","hash":"156772938.1827394",
                   "title":{"type":"plain_text","text":"Anonymous survey"},
                   "clear_on_close":false,"notify_on_close":false,"close":null,
                   "submit":{"type":"plain_text","text":"Send"},"previous_view_id":null,"root_view_id":"V0SURVEY",
                   "app_id":"A0APP","external_id":"","app_installed_team_id":"%1$s","bot_id":"B0BOT",
                   "state":{"values":{
                     "knows":{"knows":{"type":"radio_buttons",
                        "selected_option":{"text":{"type":"plain_text","text":"Yes"},"value":"yes"}}},
                     "barriers":{"barriers":{"type":"checkboxes","selected_options":[
                        {"text":{"type":"plain_text","text":"Stigma"},"value":"stigma"},
                        {"text":{"type":"plain_text","text":"Time"},"value":"time"}]}}}}},
                 "response_urls":[],"is_enterprise_install":false,"enterprise":null}"""
                        .formatted(FakeSlackApi.TEAM, surveyId);
        HttpResponse<String> sent =
                slackRequests.signed(SlackRequests.FORM, SlackRequests.interactive(submission));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(
                        strings(
                                "select question || '/' || choice || '=' || answers from survey_tally where answers > 0"))
                .containsExactlyInAnyOrder(
                        "knows/yes=1",
                        "barriers/stigma=1",
                        "barriers/time=1",
                        "reach/no_answer=1",
                        "would_use/no_answer=1",
                        "prefer/no_answer=1");
        assertThat(String.join(",", strings("select row_to_json(a)::text from survey_answered a")))
                .doesNotContain("U0ALEX");
    }

    @Test
    void a_forged_slack_command_is_refused_and_changes_nothing() {
        int agencies = count("agency");
        String body = SlackRequests.command(FakeSlackApi.TEAM, "/tenfour", "setup");
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> r =
                slackRequests.post(
                        SlackRequests.FORM,
                        body,
                        Map.of(
                                "X-Slack-Request-Timestamp",
                                String.valueOf(now),
                                "X-Slack-Signature",
                                SlackRequests.sign("not-the-secret", now, body)));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(count("agency")).isEqualTo(agencies);
        assertThat(count("audit_log")).isZero();
    }

    private HttpResponse<String> teams(JsonNode activity) throws Exception {
        return teamsRequests().signed(activity);
    }

    @Test
    void in_teams_the_installer_sets_up_the_channel_by_mention_and_a_member_gets_the_check_in_card()
            throws Exception {
        // every activity has its own id: Teams redeliveries of one id are handled once
        assertThat(
                        teams(
                                        Activities.botAddedToTeam(microsoft.serviceUrl())
                                                .put("id", "incoming-0"))
                                .statusCode())
                .isBetween(200, 202);
        ObjectNode aliceHello =
                Activities.personalMessage(microsoft.serviceUrl(), "help").put("id", "incoming-1");
        assertThat(teams(aliceHello).statusCode()).isBetween(200, 202);

        assertThat(
                        teams(
                                        Activities.channelMention(microsoft.serviceUrl(), "setup")
                                                .put("id", "incoming-1b"))
                                .statusCode())
                .isBetween(200, 202);
        assertThat(
                        teams(
                                        Activities.channelMention(
                                                        microsoft.serviceUrl(),
                                                        "roster add <at>Alice</at>")
                                                .put("id", "incoming-2"))
                                .statusCode())
                .isBetween(200, 202);
        ObjectNode rosterAlice =
                Activities.channelMention(microsoft.serviceUrl(), "roster add <at>Alice</at>");
        rosterAlice
                .withArray("entities")
                .addObject()
                .put("type", "mention")
                .put("text", "<at>Alice</at>")
                .putObject("mentioned")
                .put("id", Activities.USER)
                .put("name", "Alice");
        rosterAlice.put("id", "incoming-3");
        teams(rosterAlice);
        teams(
                Activities.channelMention(microsoft.serviceUrl(), "cadence weekly")
                        .put("id", "incoming-4"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                microsoft.calls("POST").stream()
                                        .anyMatch(
                                                c ->
                                                        c.path()
                                                                        .equals(
                                                                                "/v3/conversations/"
                                                                                        + Activities
                                                                                                .PERSONAL_CONVERSATION
                                                                                        + "/activities")
                                                                && c.body()
                                                                        .toString()
                                                                        .contains("checkin.ok")));
        String coordinatorReplies =
                microsoft.calls("POST").stream()
                        .map(c -> c.body().toString())
                        .reduce("", String::concat);
        assertThat(coordinatorReplies)
                .contains("This is now the coordinator channel")
                .contains("Cadence is now weekly");
        assertThat(strings("select platform from agency")).containsExactly("teams");

        // Alice presses "I'm OK" on the card: the card is replaced (an activity update), its
        // buttons gone, and a second press of the old button changes nothing.
        String checkInId = strings("select id::text from check_in").get(0);
        ObjectNode press = Activities.personalMessage(microsoft.serviceUrl(), "");
        press.remove("text");
        // Teams names the card's own activity as replyToId on an Action.Submit
        press.put(
                "replyToId",
                strings("select platform_message_id from outbox where kind = 'check_in'").get(0));
        press.put("id", "incoming-5")
                .putObject("value")
                .put("action", "checkin.ok")
                .put("value", checkInId);
        assertThat(teams(press).statusCode()).isBetween(200, 202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> strings("select answer from check_in").contains("ok"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                microsoft.calls("PUT").stream()
                                        .anyMatch(
                                                c ->
                                                        c.path()
                                                                .startsWith(
                                                                        "/v3/conversations/"
                                                                                + Activities
                                                                                        .PERSONAL_CONVERSATION
                                                                                + "/activities/")));
        FakeMicrosoft.Call replaced = microsoft.calls("PUT").get(0);
        assertThat(replaced.body().toString())
                .contains("You answered: I'm OK")
                .doesNotContain("checkin.ok");
        assertThat(strings("select answer from check_in")).containsExactly("ok");

        ObjectNode late = press.deepCopy().put("id", "incoming-6");
        ((ObjectNode) late.get("value")).put("action", "checkin.talk");
        assertThat(teams(late).statusCode()).isBetween(200, 202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                microsoft.calls("POST").stream()
                                        .anyMatch(c -> c.body().toString().contains("already")));
        assertThat(strings("select answer from check_in")).containsExactly("ok");
        assertThat(count("connection_request")).isZero();
    }

    @Test
    void in_teams_the_resource_directory_is_kept_by_mention_and_read_in_a_personal_chat()
            throws Exception {
        teams(Activities.botAddedToTeam(microsoft.serviceUrl()).put("id", "r-0"));
        teams(Activities.channelMention(microsoft.serviceUrl(), "setup").put("id", "r-1"));
        teams(
                Activities.channelMention(
                                microsoft.serviceUrl(),
                                "resources add \"County Chaplains\" \"555-0199\" category:chaplain")
                        .put("id", "r-2"));
        teams(
                Activities.personalMessage(microsoft.serviceUrl(), "resources chaplain")
                        .put("id", "r-3"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                microsoft.calls("POST").stream()
                                        .anyMatch(
                                                c ->
                                                        c.path()
                                                                        .contains(
                                                                                Activities
                                                                                        .PERSONAL_CONVERSATION)
                                                                && c.body()
                                                                        .toString()
                                                                        .contains(
                                                                                "County Chaplains")
                                                                && c.body()
                                                                        .toString()
                                                                        .contains("555-0199")));
        assertThat(strings("select category from resource")).containsExactly("chaplain");
    }

    @Test
    void in_teams_a_member_answers_the_survey_card_and_only_totals_are_stored() throws Exception {
        teams(Activities.botAddedToTeam(microsoft.serviceUrl()).put("id", "s-0"));
        // Alice writes first: TenFour keeps her conversation reference to reach her later
        teams(Activities.personalMessage(microsoft.serviceUrl(), "help").put("id", "s-0b"));
        teams(Activities.channelMention(microsoft.serviceUrl(), "setup").put("id", "s-1"));
        ObjectNode rosterAlice =
                Activities.channelMention(microsoft.serviceUrl(), "roster add <at>Alice</at>");
        rosterAlice
                .withArray("entities")
                .addObject()
                .put("type", "mention")
                .put("text", "<at>Alice</at>")
                .putObject("mentioned")
                .put("id", Activities.USER)
                .put("name", "Alice");
        teams(rosterAlice.put("id", "s-2"));
        teams(
                Activities.channelMention(microsoft.serviceUrl(), "survey start feedback")
                        .put("id", "s-3"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                microsoft.calls("POST").stream()
                                        .anyMatch(
                                                c ->
                                                        c.path()
                                                                        .contains(
                                                                                Activities
                                                                                        .PERSONAL_CONVERSATION)
                                                                && c.body()
                                                                        .toString()
                                                                        .contains(
                                                                                "survey.answer")));
        String surveyId = strings("select id::text from survey").get(0);
        ObjectNode submit = Activities.personalMessage(microsoft.serviceUrl(), "").put("id", "s-4");
        submit.remove("text");
        submit.putObject("value")
                .put("form", "survey.form")
                .put("context", surveyId)
                .put("helpful", "yes")
                .put("again", "maybe");
        assertThat(teams(submit).statusCode()).isBetween(200, 202);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !strings("select choice from survey_tally where answers > 0")
                                        .isEmpty());
        assertThat(
                        strings(
                                "select question || '/' || choice || '=' || answers from survey_tally where answers > 0"))
                .containsExactlyInAnyOrder(
                        "helpful/yes=1", "again/maybe=1", "contacted/no_answer=1");
    }

    @Test
    void a_teams_activity_with_a_token_from_an_unknown_key_is_refused_and_changes_nothing()
            throws Exception {
        RSAKey stranger = TestTokens.newKey("key-1");
        HttpResponse<String> r =
                teamsRequests()
                        .signedBy(
                                stranger,
                                Activities.channelMention(microsoft.serviceUrl(), "setup")
                                        .toString());
        assertThat(r.statusCode()).isIn(401, 403);
        assertThat(count("agency")).isZero();
        assertThat(JsonBody.parse(JsonBody.write(Map.of("ok", true))).path("ok").asBoolean())
                .isTrue();
    }

    /**
     * Issue 19's check-in rules through the real product: a stress-continuum check-in answered by a
     * Spanish-speaking member with a signed Slack button keeps the colour only in a weekly count.
     */
    @Test
    void in_slack_a_spanish_member_answers_the_stress_continuum_and_only_a_weekly_count_keeps_it() {
        slack.locale("U0ALEX", "es-LA");
        assertThat(slashCommand("U0PAT", "setup").body())
                .contains("This is now the coordinator channel");
        assertThat(slashCommand("U0PAT", "checkin style continuum").body()).contains("continuum");
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
                .until(() -> updatedWith("Usted respondi"));
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

    /** An agency holiday kept by mention in Teams moves a member's check-in to the next day. */
    @Test
    void in_teams_a_holiday_added_by_mention_moves_the_check_in_to_the_next_day_of_the_window()
            throws Exception {
        accepted(Activities.botAddedToTeam(microsoft.serviceUrl()).put("id", "in-0"));
        // Alice has written to TenFour in a personal chat: Teams gave it a conversation to reach
        // her
        accepted(Activities.personalMessage(microsoft.serviceUrl(), "help").put("id", "in-00"));
        accepted(Activities.channelMention(microsoft.serviceUrl(), "setup").put("id", "in-1"));
        accepted(
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
        accepted(roster.put("id", "in-3"));
        // Teams answers 202 and handles each activity afterwards: the roster first, then the
        // cadence
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> teamsReplies().contains("Added 1 to the roster"));
        accepted(
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

    /** Posts a signed activity; Teams gets 200 or 202. */
    private void accepted(ObjectNode activity) throws Exception {
        assertThat(teams(activity).statusCode()).isBetween(200, 202);
    }

    private String teamsReplies() {
        return microsoft.calls("POST").stream()
                .map(c -> c.body().toString())
                .reduce("", String::concat);
    }

    private TeamsRequests teamsRequests() {
        return new TeamsRequests(
                "http://127.0.0.1:" + app.port(), key, clock, microsoft.serviceUrl());
    }
}

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.adapters.teams.TeamsRequests;
import org.tenfour.adapters.teams.TestTokens;
import org.tenfour.bot.Application;
import org.tenfour.bot.testing.TestEnv;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * A Teams program as Teams people use it, through the built product: signed activities over real
 * HTTP, real RS256 tokens against the fake JWKS, the fake Bot Connector recording every card and
 * message the product posts. A relay passes on whatever is written, however it starts; only a
 * control (a button, {@code end} alone, an explicit {@code @TenFour …} or {@code /tenfour …}) acts.
 */
@ExtendWith(PostgresExtension.class)
class TeamsConversationTest {
    private static final Instant WEDNESDAY_3PM_UTC = Instant.parse("2026-11-25T15:00:00Z");
    private static final String CASEY = "29:user-casey";
    private static final String ALICE = Activities.USER;
    private static final String PAT = "29:user-pat";
    private static final String BOB = "29:user-bob";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), WEDNESDAY_3PM_UTC));
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> locales = new HashMap<>();
    private final String run = UUID.randomUUID().toString();
    private final TestDatabase db;
    private FakeMicrosoft microsoft;
    private RSAKey key;
    private Application app;

    TeamsConversationTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start(@TempDir Path dir) {
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
        microsoft = new FakeMicrosoft();
        key = TestTokens.newKey("key-1");
        microsoft.publish(List.of(Map.entry(key, List.of("msteams"))));
        app = Application.start(TestEnv.on(db.jdbcUrl(), dir).teams(microsoft).settings(), clock);
    }

    @AfterEach
    void stop() {
        app.close();
        microsoft.close();
    }

    @Test
    void a_relay_passes_on_sentences_that_start_with_command_words_and_every_text_reads_like_teams()
            throws Exception {
        setUpProgram();
        // the weekly check-in card, planned on the cadence change, is among what Alice is shown
        awaitPosted(ALICE, "checkin.ok");
        write(ALICE, "talk");
        JsonNode form = lastCard(ALICE);
        assertThat(form.toString()).contains("connect.ask");
        ObjectNode submit = personal(ALICE, null);
        submit.putObject("value")
                .put("form", "connect.ask")
                .put("context", "")
                .put("who", "internal")
                .put("urgency", "today")
                .put("contact", "chat");
        post(submit);
        String requestId =
                await(() -> one("select id::text from connection_request where state = 'offered'"));

        ObjectNode accept = personal(PAT, null);
        accept.putObject("value").put("action", "connect.accept").put("value", requestId);
        post(accept);
        await(() -> one("select request_id::text from relay"));

        write(PAT, "Back now, sorry, the radio went off");
        awaitPosted(ALICE, "Back now, sorry, the radio went off");
        write(ALICE, "End of my shift was rough, honestly");
        awaitPosted(PAT, "End of my shift was rough, honestly");
        write(ALICE, "Reveal nothing to the others please");
        awaitPosted(PAT, "Reveal nothing to the others please");
        assertThat(count("relay")).as("the relay stays open").isEqualTo(1);
        assertThat(one("select state from connection_request")).isNotEqualTo("closed");

        write(PAT, "/tenfour end");
        await(() -> count("relay") == 0 ? "ended" : null);
        awaitPosted(ALICE, "ended the conversation");
        assertThat(postedTo(PAT)).noneMatch(t -> t.contains("/tenfour end"));

        for (String command : List.of("help", "peers", "mydata", "optout", "optin", "hi there")) {
            write(ALICE, command);
        }
        write(PAT, "help");
        write(PAT, "away until 2026-12-10");
        write(PAT, "back");
        write(ALICE, "end");
        write(ALICE, "frobnicate");
        awaitPosted(ALICE, "I don't read messages");

        for (String who : List.of(ALICE, PAT, CASEY)) {
            assertThat(postedTo(who))
                    .as("what %s was shown", who)
                    .isNotEmpty()
                    .allSatisfy(
                            text ->
                                    assertThat(text)
                                            .doesNotContain("/tenfour")
                                            .doesNotContain("/peer"));
        }
        String channel = String.join("\n", postedTo(CASEY));
        assertThat(channel).contains("`@TenFour roster add @someone`");
        String alice = String.join("\n", postedTo(ALICE));
        assertThat(alice).contains("`talk`").contains("`end`");
    }

    @Test
    void a_member_whose_teams_is_in_spanish_reads_the_check_in_card_and_the_answer_in_spanish()
            throws Exception {
        locales.put(ALICE, "es-MX");
        setUpProgram();
        awaitPosted(ALICE, "Estoy bien");
        String card = String.join("\n", postedTo(ALICE));
        assertThat(card).contains("¿Cómo está?", "Me gustaría hablar", "llame al 911");
        assertThat(one("select language from member where platform_user_id = '" + ALICE + "'"))
                .isEqualTo("es");
        String checkIn =
                await(
                        () ->
                                one(
                                        "select c.id::text from check_in c join member m on m.id ="
                                                + " c.member_id where m.platform_user_id = '"
                                                + ALICE
                                                + "' and c.state = 'sent'"));
        ObjectNode press = personal(ALICE, null);
        press.putObject("value").put("action", "checkin.ok").put("value", checkIn);
        post(press);
        awaitPosted(ALICE, "Gracias por avisarnos");
        write(ALICE, "language");
        awaitPosted(ALICE, "TenFour le escribe en español");
        write(ALICE, "resources");
        awaitPosted(ALICE, "Cualquiera puede consultarlo");
        write(ALICE, "talk");
        awaitPosted(ALICE, "Hablar con un compañero");
        assertThat(lastCard(ALICE).toString()).contains("Esta semana").doesNotContain("This week");
        write(ALICE, "snooze forever");
        awaitPosted(ALICE, "No entiendo 'forever'");
        write(ALICE, "help optuot");
        awaitPosted(ALICE, "No conozco `optuot`. ¿Quiso decir `optout`?");
        write(ALICE, "help times");
        awaitPosted(ALICE, "Su propio horario para los contactos");
        assertThat(postedTo(ALICE))
                .noneMatch(t -> t.contains("write it like") || t.contains("Did you mean"))
                .anySatisfy(t -> assertThat(t).contains("Uso: `snooze 2w`"));
        assertThat(postedTo(PAT))
                .as("the peer reads English")
                .noneMatch(t -> t.contains("Estoy bien") || t.contains("Bienvenido"));
    }

    @Test
    void outside_a_relay_a_sentence_starting_with_end_still_runs_end_as_today() throws Exception {
        setUpProgram();
        write(ALICE, "End of my shift was rough");
        awaitPosted(ALICE, "You have no open conversation or request.");
    }

    @Test
    void a_member_rostered_before_the_app_reached_them_is_reachable_again_once_they_install_it()
            throws Exception {
        setUpProgram();
        mention("roster add <at>Bob</at>", BOB);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "true".equals(one(unreachable(BOB))));
        mention("status");
        awaitPosted(CASEY, "TenFour cannot reach now: 1 ");

        ObjectNode install =
                withFrom(Activities.base("installationUpdate", microsoft.serviceUrl()), BOB);
        install.put("action", "add");
        install.putObject("conversation")
                .put("id", chat(BOB))
                .put("conversationType", "personal")
                .put("tenantId", Activities.TENANT);
        post(install);
        assertThat(one(unreachable(BOB))).isEqualTo("false");
        mention("status");
        awaitPosted(CASEY, "TenFour cannot reach now: 0");
    }

    @Test
    void an_agency_first_known_by_its_tenant_id_takes_the_name_of_the_team_tenfour_is_added_to()
            throws Exception {
        ObjectNode added = withFrom(Activities.botAddedToTeam(microsoft.serviceUrl()), CASEY);
        ((ObjectNode) added.get("channelData").get("team")).put("name", "Riverside Peer Team");
        post(added);
        assertThat(one("select name from agency")).isEqualTo("Riverside Peer Team");
        mention("setup");
        awaitPosted(CASEY, "This is now the coordinator channel");
        assertThat(String.join("\n", postedTo(CASEY))).doesNotContain("set it with");
        mention("name \"Riverside Fire & EMS\"");
        awaitPosted(CASEY, "Your agency is now **Riverside Fire & EMS**");
        post(added.put("id", run + "-again"));
        assertThat(one("select name from agency"))
                .as("the team's name never overwrites the coordinators' choice")
                .isEqualTo("Riverside Fire & EMS");
    }

    @Test
    void the_name_teams_shows_with_an_activity_is_kept_when_it_changes() throws Exception {
        setUpProgram();
        ObjectNode renamed = personal(ALICE, "help");
        ((ObjectNode) renamed.get("from")).put("name", "Alice Moreno");
        int before = postedTo(ALICE).size();
        post(renamed);
        // Teams answers 202 and handles the activity after it: wait for its reply, then look
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> postedTo(ALICE).size() > before);
        assertThat(one(displayName(ALICE)))
                .as("kept with the activity, even while the directory cache holds the old entry")
                .isEqualTo("Alice Moreno");

        ObjectNode stranger = personal("29:user-stranger", "help");
        ((ObjectNode) stranger.get("from")).put("name", "Not On The Roster");
        post(stranger);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !postedTo("29:user-stranger").isEmpty());
        assertThat(one(displayName("29:user-stranger")))
                .as("no name is kept for someone who is not on the roster")
                .isNull();
    }

    private static String displayName(String who) {
        return "select display_name from member where platform_user_id = '" + who + "'";
    }

    private static String unreachable(String who) {
        return "select unreachable::text from member where platform_user_id = '" + who + "'";
    }

    private void setUpProgram() throws Exception {
        post(withFrom(Activities.botAddedToTeam(microsoft.serviceUrl()), CASEY));
        for (String who : List.of(ALICE, PAT, CASEY)) {
            write(who, "help");
        }
        mention("setup");
        mention("roster add <at>Alice</at> <at>Pat</at>", ALICE, PAT);
        mention("peers add <at>Pat</at>", PAT);
        // the new peer acknowledges the program's policy (its card's button) before anything
        // goes out in their name
        awaitPosted(PAT, "onboarding.ack");
        ObjectNode acknowledge = personal(PAT, null);
        acknowledge.putObject("value").put("action", "onboarding.ack").put("value", "");
        post(acknowledge);
        awaitPosted(PAT, "You are now in the rotation");
        mention("cadence weekly");
        awaitPosted(CASEY, "Cadence is now weekly");
    }

    private void mention(String rest, String... people) throws Exception {
        ObjectNode a = withFrom(Activities.channelMention(microsoft.serviceUrl(), rest), CASEY);
        for (String person : people) {
            String name = person.equals(ALICE) ? "Alice" : person.equals(BOB) ? "Bob" : "Pat";
            a.withArray("entities")
                    .addObject()
                    .put("type", "mention")
                    .put("text", "<at>" + name + "</at>")
                    .putObject("mentioned")
                    .put("id", person)
                    .put("name", name);
        }
        post(a);
    }

    private void write(String who, String text) throws Exception {
        post(personal(who, text));
    }

    private ObjectNode personal(String who, String text) {
        ObjectNode a = Activities.personalMessage(microsoft.serviceUrl(), text);
        if (text == null) {
            a.remove("text");
        }
        ((ObjectNode) a.get("conversation")).put("id", chat(who));
        return withFrom(a, who);
    }

    private static String chat(String who) {
        return "a:1on1-" + who.substring(who.indexOf('-') + 1);
    }

    private ObjectNode withFrom(ObjectNode activity, String who) {
        String name = who.equals(ALICE) ? "Alice" : who.equals(PAT) ? "Pat" : "Casey";
        activity.putObject("from").put("id", who).put("name", name);
        if (locales.containsKey(who)) {
            activity.put("locale", locales.get(who));
        }
        // activity ids are remembered across tests (Teams redeliveries are handled once)
        return activity.put("id", run + "-" + ids.incrementAndGet());
    }

    private void post(JsonNode activity) throws Exception {
        HttpResponse<String> r = teamsRequests().signed(activity);
        assertThat(r.statusCode()).isBetween(200, 202);
    }

    /** Everything posted or updated into the person's chat (or, for Casey, the channel). */
    private List<String> postedTo(String who) {
        String conversation = who.equals(CASEY) ? Activities.CHANNEL : chat(who);
        return microsoft.calls("POST").stream()
                .filter(c -> c.path().startsWith("/v3/conversations/" + conversation))
                .map(c -> c.body().toString())
                .toList();
    }

    private JsonNode lastCard(String who) {
        String conversation = chat(who);
        List<FakeMicrosoft.Call> calls =
                microsoft.calls("POST").stream()
                        .filter(c -> c.path().startsWith("/v3/conversations/" + conversation))
                        .filter(c -> c.body().has("attachments"))
                        .toList();
        assertThat(calls).as("a card in %s's chat", who).isNotEmpty();
        return calls.get(calls.size() - 1).body();
    }

    private void awaitPosted(String who, String text) {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> postedTo(who).stream().anyMatch(t -> t.contains(text)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "never shown to " + who + ": " + text + "\nshown: " + postedTo(who), e);
        }
    }

    private String await(Callable<String> value) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(value, v -> v != null);
    }

    private String one(String sql) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(String.class).findFirst().orElse(null));
    }

    private int count(String table) {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery("select count(*) from " + table)
                                        .mapTo(Integer.class)
                                        .one());
    }

    private TeamsRequests teamsRequests() {
        return new TeamsRequests(
                "http://127.0.0.1:" + app.port(), key, clock, microsoft.serviceUrl());
    }
}

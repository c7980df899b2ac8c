package org.tenfour.bot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.adapters.teams.FakeGraph;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.adapters.teams.TeamsRequests;
import org.tenfour.adapters.teams.TestTokens;
import org.tenfour.bot.Application;
import org.tenfour.bot.testing.TestEnv;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Proactive reach in Teams through the built product: signed activities over real HTTP, the fake
 * Bot Connector, and a loopback Microsoft Graph that takes only the Graph token the fake Entra
 * endpoint issued. A rostered member who never opened TenFour has it installed and is welcomed
 * once; a refused permission is told once and stops the calls; throttling is honoured; a restart
 * mid-way installs nobody twice.
 */
@ExtendWith(PostgresExtension.class)
class TeamsProactiveReachTest {
    private static final Instant WEDNESDAY_3PM_UTC = Instant.parse("2026-11-25T15:00:00Z");
    private static final String CASEY = "29:user-casey";
    private static final String ALICE = Activities.USER;
    private static final String WELCOME = "Welcome to your agency's peer support program";
    private static final String PERMISSION = "TeamsAppInstallation.ReadWriteSelfForUser.All";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), WEDNESDAY_3PM_UTC));
    private final AtomicInteger ids = new AtomicInteger();
    private final String run = UUID.randomUUID().toString();
    private final TestDatabase db;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private FakeMicrosoft microsoft;
    private FakeGraph graph;
    private RSAKey key;
    private Application app;
    private Path dir;

    TeamsProactiveReachTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start(@TempDir Path dir) {
        this.dir = dir;
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
        microsoft = new FakeMicrosoft();
        graph = new FakeGraph();
        key = TestTokens.newKey("key-1");
        microsoft.publish(List.of(Map.entry(key, List.of("msteams"))));
        logs.start();
        root.addAppender(logs);
        app = startApp();
    }

    /** No log line names a member: neither their Teams id nor their directory id. */
    private void assertNoMemberIdLogged(String... people) {
        for (ILoggingEvent e : logs.list) {
            for (String person : people) {
                assertThat(e.getFormattedMessage())
                        .doesNotContain(person.substring(3))
                        .doesNotContain(FakeMicrosoft.aadObjectId(person));
            }
        }
        assertThat(logs.list)
                .as("the pass did log its counts")
                .anyMatch(e -> e.getFormattedMessage().startsWith("teams reach:"));
    }

    private Application startApp() {
        return Application.start(
                TestEnv.on(db.jdbcUrl(), dir).teams(microsoft).graph(graph).settings(), clock);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        app.close();
        graph.close();
        microsoft.close();
    }

    @Test
    void a_rostered_member_who_never_opened_tenfour_has_it_installed_and_is_welcomed_once()
            throws Exception {
        // as Teams does: the install makes Teams tell the bot, in the person's new chat
        List<CompletableFuture<Void>> events = new CopyOnWriteArrayList<>();
        graph.onInstall(
                aad ->
                        events.add(
                                CompletableFuture.runAsync(
                                        () -> installedEvent("29:user-" + aad.substring(4)))));
        setUp();
        mention("roster add <at>Bob</at> <at>Alice</at>", "29:user-bob", ALICE);

        // in the chat Graph opened, or the one Teams' install event named: either reaches Bob
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> welcomes("29:user-bob") > 0);
        assertThat(one(unreachable("29:user-bob"))).isEqualTo("false");
        Awaitility.await()
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> welcomes("29:user-bob") == 1);
        assertThat(events).as("Teams told the bot of the install").hasSize(1);
        CompletableFuture.allOf(events.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(graph.installs("aad-bob")).isEqualTo(1);
        assertThat(graph.calls())
                .as("only the member TenFour could not reach was looked up in Graph")
                .allSatisfy(c -> assertThat(c.user()).isEqualTo("aad-bob"));
        assertThat(graph.problems()).isEmpty();
        assertThat(postedTo(chat(ALICE))).filteredOn(t -> t.contains(WELCOME)).hasSize(1);
        mention("status");
        awaitPosted(Activities.CHANNEL, "TenFour cannot reach now: 0");
        assertNoMemberIdLogged("29:user-bob", ALICE);
    }

    @Test
    void
            a_refused_permission_is_told_to_the_coordinators_once_and_stops_the_calls_across_a_restart()
                    throws Exception {
        graph.refuse(true);
        setUp();
        mention("roster add <at>Bob</at> <at>Dana</at>", "29:user-bob", "29:user-dana");

        awaitPosted(Activities.CHANNEL, PERMISSION);
        int calls = graph.calls().size();
        assertThat(calls).as("stopped at the first refusal").isEqualTo(1);
        Awaitility.await()
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> graph.calls().size() == calls);

        app.close();
        app = startApp();
        Awaitility.await()
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> graph.calls().size() == calls);
        assertThat(postedTo(Activities.CHANNEL))
                .filteredOn(t -> t.contains(PERMISSION))
                .as("told once")
                .hasSize(1);
        assertThat(one(unreachable("29:user-bob"))).isEqualTo("true");
    }

    @Test
    void graph_throttling_is_honoured_and_everyone_is_reached_in_the_end() throws Exception {
        graph.throttle(4, Duration.ofSeconds(2), Duration.ofSeconds(1));
        setUp();
        List<String> people = List.of("29:user-bob", "29:user-dana", "29:user-erin");
        mention(
                "roster add <at>Bob</at> <at>Dana</at> <at>Erin</at>",
                people.toArray(String[]::new));

        for (String person : people) {
            awaitPosted(FakeGraph.chatId(FakeMicrosoft.aadObjectId(person)), WELCOME);
        }
        assertThat(graph.throttled()).as("the fake did throttle").isPositive();
        assertThat(graph.violations()).as("no call inside a Retry-After").isEmpty();
        for (String person : people) {
            assertThat(graph.installs(FakeMicrosoft.aadObjectId(person))).isEqualTo(1);
            assertThat(welcomes(person)).isEqualTo(1);
        }
        assertNoMemberIdLogged(people.toArray(String[]::new));
    }

    @Test
    void a_restart_mid_way_installs_nobody_twice_and_welcomes_each_once() throws Exception {
        graph.chatless("aad-bob"); // installed, but Graph cannot answer for the chat yet
        setUp();
        mention("roster add <at>Bob</at>", "29:user-bob");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> graph.isInstalled("aad-bob"));
        mention("roster add <at>Dana</at>", "29:user-dana");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "true".equals(one(unreachable("29:user-dana"))));

        app.close(); // before the backoff lets it come back for Bob's chat
        graph.chatAgain("aad-bob");
        app = startApp();

        awaitPosted(FakeGraph.chatId("aad-bob"), WELCOME);
        awaitPosted(FakeGraph.chatId("aad-dana"), WELCOME);
        assertThat(graph.installs("aad-bob")).isEqualTo(1);
        assertThat(graph.installs("aad-dana")).isEqualTo(1);
        assertThat(graph.calls())
                .filteredOn(c -> c.method().equals("POST") && "aad-bob".equals(c.user()))
                .as("after the restart Graph was asked, not told again")
                .hasSize(1);
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> welcomes("29:user-bob") == 1 && welcomes("29:user-dana") == 1);
        assertNoMemberIdLogged("29:user-bob", "29:user-dana");
    }

    /** The coordinators' team and channel, Casey its coordinator; Alice has written to TenFour. */
    private void setUp() throws Exception {
        post(withFrom(Activities.botAddedToTeam(microsoft.serviceUrl()), CASEY));
        write(CASEY, "help");
        write(ALICE, "help");
        mention("setup");
        awaitPosted(Activities.CHANNEL, "This is now the coordinator channel");
    }

    private int welcomes(String who) {
        String aad = FakeMicrosoft.aadObjectId(who);
        return (int)
                (postedTo(FakeGraph.chatId(aad)).stream().filter(t -> t.contains(WELCOME)).count()
                        + postedTo(chat(who)).stream().filter(t -> t.contains(WELCOME)).count());
    }

    /** Teams' installationUpdate in the person's new 1:1 chat. */
    private void installedEvent(String who) {
        ObjectNode install =
                withFrom(Activities.base("installationUpdate", microsoft.serviceUrl()), who);
        install.put("action", "add");
        install.putObject("conversation")
                .put("id", chat(who))
                .put("conversationType", "personal")
                .put("tenantId", Activities.TENANT);
        try {
            post(install);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unreachable(String who) {
        return "select unreachable::text from member where platform_user_id = '" + who + "'";
    }

    private void mention(String rest, String... people) throws Exception {
        ObjectNode a = withFrom(Activities.channelMention(microsoft.serviceUrl(), rest), CASEY);
        for (String person : people) {
            String name = person.substring(person.indexOf('-') + 1);
            name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
        ObjectNode a = Activities.personalMessage(microsoft.serviceUrl(), text);
        ((ObjectNode) a.get("conversation")).put("id", chat(who));
        post(withFrom(a, who));
    }

    private static String chat(String who) {
        return "a:1on1-" + who.substring(who.indexOf('-') + 1);
    }

    private ObjectNode withFrom(ObjectNode activity, String who) {
        activity.putObject("from").put("id", who).put("name", who.substring(3));
        // activity ids are remembered across tests (Teams redeliveries are handled once)
        return activity.put("id", run + "-" + ids.incrementAndGet());
    }

    private void post(JsonNode activity) throws Exception {
        HttpResponse<String> r = teamsRequests().signed(activity);
        assertThat(r.statusCode()).isBetween(200, 202);
    }

    /** Everything posted into a conversation. */
    private List<String> postedTo(String conversation) {
        return microsoft.calls("POST").stream()
                .filter(c -> c.path().startsWith("/v3/conversations/" + conversation))
                .map(c -> c.body().toString())
                .toList();
    }

    private void awaitPosted(String conversation, String text) {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> postedTo(conversation).stream().anyMatch(t -> t.contains(text)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "never posted to "
                            + conversation
                            + ": "
                            + text
                            + "\nposted: "
                            + postedTo(conversation),
                    e);
        }
    }

    private String one(String sql) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(String.class).findFirst().orElse(null));
    }

    private TeamsRequests teamsRequests() {
        return new TeamsRequests(
                "http://127.0.0.1:" + app.port(), key, clock, microsoft.serviceUrl());
    }
}

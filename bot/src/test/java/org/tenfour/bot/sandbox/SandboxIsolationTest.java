package org.tenfour.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.FakeSlackApi;
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
 * The sandbox is a sandbox: with Slack and Teams configured and the sandbox on, a year of sandbox
 * fast-forward leaves the real agency exactly where it was — nothing sent early, its queued
 * check-in still due when it was, its tables free of demo data — and Teams tokens minted now still
 * verify, because real agencies stay on the real clock. After the jump and a restart, the real
 * daily purges run and delete only what is due on the real clock, not what a year later would be.
 */
@ExtendWith(PostgresExtension.class)
class SandboxIsolationTest {
    // a Saturday: the real agency's check-in waits for Monday's working hours
    private static final Instant SATURDAY = Instant.parse("2026-11-28T15:00:00Z");
    private final Clock clock =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SATURDAY));
    private static final String PENDING =
            "select string_agg(id || ':' || next_attempt_at::text, ',' order by id) from outbox"
                    + " where state = 'pending'";
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestDatabase db;
    private FakeSlackApi slack;
    private FakeMicrosoft microsoft;
    private RSAKey key;
    private Application app;

    SandboxIsolationTest(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
        microsoft.close();
    }

    private void start(Path dir) {
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
        slack = new FakeSlackApi();
        microsoft = new FakeMicrosoft();
        key = TestTokens.newKey("key-1");
        microsoft.publish(List.of(Map.entry(key, List.of("msteams"))));
        restart(dir);
    }

    private void restart(Path dir) {
        app =
                Application.start(
                        TestEnv.on(db.jdbcUrl(), dir)
                                .slack(slack, "xoxb-real")
                                .teams(microsoft)
                                .with("TENFOUR_SANDBOX", "on")
                                .settings(),
                        clock);
    }

    private HttpResponse<String> slack(String user, String text) {
        String body =
                SlackRequests.command(FakeSlackApi.TEAM, "/tenfour", text)
                        .replace("user_id=U0PAT", "user_id=" + user);
        return new SlackRequests("http://127.0.0.1:" + app.port()).signed(SlackRequests.FORM, body);
    }

    private String one(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private void update(String sql, Object... args) {
        db.jdbi()
                .useHandle(
                        h -> {
                            var u = h.createUpdate(sql);
                            for (int i = 0; i < args.length; i++) {
                                u.bind(i, args[i]);
                            }
                            u.execute();
                        });
    }

    /** A coded log of the real agency dated {@code day}. */
    private void log(String agency, LocalDate day, String type) {
        update(
                "insert into interaction_log (agency_id, log_date, contact_type, duration_band,"
                        + " peer_pseudonym, sealed_at) values (cast(? as uuid), ?, ?, '15_30', 'p',"
                        + " now())",
                agency,
                day,
                type);
    }

    /** An answered check-in of the real agency, due {@code due}. */
    private void answeredCheckIn(String agency, String member, Instant due, String slot) {
        update(
                "insert into check_in (agency_id, member_id, kind, slot_key, due_at, state, answer,"
                        + " sent_at, answered_at) values (cast(? as uuid), cast(? as uuid),"
                        + " 'cadence', ?, ?, 'answered', 'ok', ?, ?)",
                agency,
                member,
                slot,
                Timestamp.from(due),
                Timestamp.from(due),
                Timestamp.from(due));
    }

    /** The sandbox page's fast-forward: a year. */
    private HttpResponse<String> jumpAYear() throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/sandbox/api/time"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"days\":365}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long postsTo(String user) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> user.equals(c.params().get("channel")))
                .count();
    }

    @Test
    void a_year_of_sandbox_fast_forward_leaves_the_real_agency_untouched(@TempDir Path dir)
            throws Exception {
        start(dir);
        assertThat(slack("U0PAT", "setup").body()).contains("This is now the coordinator channel");
        slack("U0PAT", "roster add <@U0ALEX|alex>");
        slack("U0PAT", "peers add <@U0SAM|sam>");
        slack("U0PAT", "cadence weekly");
        // the welcome and the channel echoes go out; the check-in waits for Monday
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                one("select count(*)::text from check_in").equals("1")
                                        && one("select count(*)::text from outbox where state = 'pending'")
                                                .equals("1"));
        String queuedBefore = one(PENDING);
        long toAlexBefore = postsTo("U0ALEX");

        HttpResponse<String> jump = jumpAYear();
        assertThat(jump.statusCode()).isEqualTo(200);
        Instant sandboxNow =
                Instant.parse(jump.body().replaceAll(".*\"now\":\"([^\"]+)\".*", "$1"));
        assertThat(sandboxNow).isAfter(clock.instant().plus(Duration.ofDays(364)));

        // a Teams token minted on the real clock still verifies: Teams checks run on real time
        HttpResponse<String> teams =
                new TeamsRequests(
                                "http://127.0.0.1:" + app.port(),
                                key,
                                clock,
                                microsoft.serviceUrl())
                        .signed(
                                Activities.personalMessage(microsoft.serviceUrl(), "help")
                                        .put("id", "after-the-jump"));
        assertThat(teams.statusCode()).isBetween(200, 202);

        // nothing of the real agency became due: its check-in waits for Monday, as before
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> postsTo("U0ALEX") == toAlexBefore);
        assertThat(one(PENDING)).isEqualTo(queuedBefore);
        assertThat(one("select count(*)::text from agency where platform = 'web'"))
                .as("the demo agencies are not among the real ones")
                .isEqualTo("0");
        assertThat(one("select count(*)::text from sandbox.agency where platform = 'web'"))
                .as("they live in the sandbox's own schema")
                .isEqualTo("2");
    }

    @Test
    void after_a_year_of_sandbox_fast_forward_and_a_restart_the_daily_purges_keep_the_real_clock(
            @TempDir Path dir) throws Exception {
        start(dir);
        assertThat(slack("U0PAT", "setup").body()).contains("This is now the coordinator channel");
        slack("U0PAT", "roster add <@U0ALEX|alex>");
        String agency = one("select id::text from agency where platform = 'slack'");
        String alex = one("select id::text from member where platform_user_id = 'U0ALEX'");
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        // logs keep 7 years and check-ins 90 days: one of each is past that on the real clock,
        // one would be past it only on a clock a year ahead
        log(agency, today.minusYears(7).minusDays(10), "due-on-the-real-clock");
        log(agency, today.minusYears(7).plusDays(100), "due-only-a-year-later");
        answeredCheckIn(agency, alex, now.minus(Duration.ofDays(120)), "due-on-the-real-clock");
        answeredCheckIn(agency, alex, now.minus(Duration.ofDays(30)), "due-only-a-year-later");

        HttpResponse<String> jump = jumpAYear();
        assertThat(jump.statusCode()).isEqualTo(200);

        // a restart (the jump is saved with the sandbox) with the daily purges due at once
        app.close();
        app = null;
        long dueMillis = System.currentTimeMillis();
        update(
                "update qrtz_triggers set next_fire_time = ? where trigger_name in"
                        + " ('retention', 'privacy-retention')",
                dueMillis);
        restart(dir);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                one("select count(*)::text from qrtz_triggers where trigger_name in"
                                                + " ('retention', 'privacy-retention') and prev_fire_time >= "
                                                + dueMillis)
                                        .equals("2"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                one("select count(*)::text from interaction_log where contact_type ="
                                                        + " 'due-on-the-real-clock'")
                                                .equals("0")
                                        && one("select count(*)::text from check_in where slot_key ="
                                                        + " 'due-on-the-real-clock'")
                                                .equals("0"));

        assertThat(one("select string_agg(contact_type, ',') from interaction_log"))
                .as("the daily log purge ran on the real clock")
                .isEqualTo("due-only-a-year-later");
        assertThat(one("select string_agg(slot_key, ',') from check_in where state = 'answered'"))
                .as("the daily check-in purge ran on the real clock")
                .isEqualTo("due-only-a-year-later");
    }
}

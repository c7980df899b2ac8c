package org.tenfour.bot.fault;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.adapters.teams.TestTokens;
import org.tenfour.bot.Application;
import org.tenfour.bot.testing.TestEnv;
import org.tenfour.storage.Database;
import org.tenfour.storage.TestDatabase;

/**
 * The real application in this JVM on port 0, with Slack and Teams both configured against fakes on
 * loopback: what a platform (or an attacker) reaches over HTTP.
 */
final class LiveBot implements AutoCloseable {
    static final String BOT_TOKEN = "xoxb-test-token";

    final FakeSlackApi slack = new FakeSlackApi();
    final FakeMicrosoft microsoft = new FakeMicrosoft();
    final RSAKey teamsKey = TestTokens.newKey("key-1");
    final Application app;
    final Jdbi jdbi;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LiveBot(TestDatabase db, Path dir) {
        this(db, dir, Map.of());
    }

    LiveBot(TestDatabase db, Path dir, Map<String, String> extra) {
        this(db.jdbcUrl(), dir, extra);
    }

    /** The bot on the database at {@code jdbcUrl} (user postgres, no password). */
    LiveBot(String jdbcUrl, Path dir, Map<String, String> extra) {
        microsoft.publish(List.of(Map.entry(teamsKey, List.of("msteams"))));
        app =
                Application.start(
                        TestEnv.on(jdbcUrl, dir)
                                .slack(slack, BOT_TOKEN)
                                .teams(microsoft)
                                .with("TENFOUR_INSTANCE_ID", "live")
                                .with(extra)
                                .settings(),
                        Clock.systemUTC());
        jdbi = Database.configure(Jdbi.create(jdbcUrl, "postgres", ""));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** A validly signed Slack request. */
    HttpResponse<String> slackSigned(String contentType, String body) {
        long now = Instant.now().getEpochSecond();
        return post(
                "/slack/events",
                contentType,
                body,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        String.valueOf(now),
                        "X-Slack-Signature",
                        SlackRequests.sign(SlackRequests.SECRET, now, body)));
    }

    /** {@code /tenfour text} from {@code user} in {@code channel}, validly signed. */
    HttpResponse<String> command(String user, String channel, String text) {
        return slackSigned(SlackRequests.FORM, commandBody("T111", user, channel, text));
    }

    static String commandBody(String team, String user, String channel, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", team);
        form.put("team_domain", "fd7");
        form.put("channel_id", channel);
        form.put("channel_name", "x");
        form.put("user_id", user);
        form.put("user_name", "someone");
        form.put("command", "/tenfour");
        form.put("text", text);
        form.put("api_app_id", "A0APP");
        form.put("response_url", "https://hooks.slack.com/commands/" + team + "/1/2");
        form.put("trigger_id", "1.2.3");
        return SlackRequests.form(form);
    }

    /** A Teams activity with a valid Bot Connector token. */
    HttpResponse<String> teamsSigned(String activityJson) {
        String token =
                TestTokens.sign(
                        teamsKey, TestTokens.claims(Instant.now(), microsoft.serviceUrl()).build());
        return post(
                "/api/messages",
                "application/json",
                activityJson,
                Map.of("Authorization", "Bearer " + token));
    }

    HttpResponse<String> post(
            String path, String contentType, String body, Map<String, String> headers) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> post(
            String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> getResponse(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int get(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Row counts of every table of the public schema (Quartz's excepted: it runs on its own). */
    Map<String, Long> rowCounts() {
        return jdbi.withHandle(
                h -> {
                    Map<String, Long> counts = new TreeMap<>();
                    for (String table :
                            h.createQuery(
                                            """
                    select tablename from pg_tables where schemaname = 'public'
                      and tablename not like 'qrtz%' and tablename <> 'flyway_schema_history'""")
                                    .mapTo(String.class)
                                    .list()) {
                        counts.put(
                                table,
                                h.createQuery("select count(*) from \"" + table + "\"")
                                        .mapTo(Long.class)
                                        .one());
                    }
                    return counts;
                });
    }

    @Override
    public void close() {
        app.close();
        slack.close();
        microsoft.close();
    }
}

package org.tenfour.bot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.bot.fault.FuzzBot;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Garbled but validly signed Slack form bodies and Teams activities against the real application:
 * never a 500 (no uncaught exception), only 2xx or a 4xx; a 200 to a command carries a reply, never
 * the "went wrong on our side" answer.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpPayloadFuzzTest {
    static final int TRIES = 150;
    static final Set<Integer> ACCEPTABLE = Set.of(200, 400, 401, 403, 404, 413, 415);

    @TempDir static Path dir;
    private FuzzBot bot;

    @BeforeAll
    void start(TestDatabase db) {
        bot = FuzzBot.start(db, dir);
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private static Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of(
                        "",
                        "T111",
                        "U0ADMIN",
                        "C0COORD",
                        "/tenfour",
                        "/peer",
                        "/other",
                        "{",
                        "}",
                        "[]",
                        "null",
                        "true",
                        "%",
                        "%zz",
                        "&",
                        "=",
                        "+",
                        "\u0000",
                        "😀"),
                CommandTextArbitraries.text());
    }

    private static Arbitrary<String> slackForm() {
        Arbitrary<String> key =
                Arbitraries.of(
                        "token",
                        "team_id",
                        "channel_id",
                        "user_id",
                        "command",
                        "text",
                        "trigger_id",
                        "response_url",
                        "payload",
                        "api_app_id",
                        "ssl_check",
                        "enterprise_id",
                        "x");
        Arbitrary<String> pair =
                Combinators.combine(key, junk(), Arbitraries.integers().between(0, 3))
                        .as(
                                (k, v, mode) ->
                                        switch (mode) {
                                            case 0 -> k + "=" + v; // raw, possibly broken encoding
                                            case 1 -> k;
                                            default -> SlackRequests.form(Map.of(k, v));
                                        });
        Arbitrary<String> garbledCommand =
                Combinators.combine(
                                Arbitraries.of("T111", "T999", ""),
                                Arbitraries.of("U0ADMIN", "U0X", ""),
                                Arbitraries.of("/tenfour", "/peer", "/x", ""),
                                CommandTextArbitraries.text())
                        .as(
                                (team, user, command, text) -> {
                                    Map<String, String> f = new LinkedHashMap<>();
                                    f.put("team_id", team);
                                    f.put("user_id", user);
                                    f.put("channel_id", "C0COORD");
                                    f.put("command", command);
                                    f.put("text", text);
                                    f.put("trigger_id", "1.2.3");
                                    return SlackRequests.form(f);
                                });
        return Arbitraries.oneOf(
                pair.list().ofMaxSize(8).map(l -> String.join("&", l)),
                garbledCommand,
                Arbitraries.strings()
                        .ofMaxLength(200)
                        .map(s -> "payload=" + URLEncoder.encode(s, StandardCharsets.UTF_8)));
    }

    @Test
    void garbled_signed_slack_bodies_never_get_a_500() {
        List<String> bodies = slackForm().sampleStream().limit(TRIES).collect(Collectors.toList());
        for (String body : bodies) {
            for (String type : List.of(SlackRequests.FORM, SlackRequests.JSON)) {
                HttpResponse<String> r = bot.slackSigned(type, body);
                assertThat(r.statusCode())
                        .as(type + " " + body + " -> " + r.body())
                        .isIn(ACCEPTABLE);
                assertThat(r.body()).as(body).doesNotContain("went wrong on our side");
            }
        }
    }

    private static Arbitrary<String> activityJson() {
        Arbitrary<String> value =
                Arbitraries.oneOf(
                        Arbitraries.strings()
                                .ofMaxLength(20)
                                .map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
                        Arbitraries.of(
                                "null",
                                "1",
                                "-1",
                                "true",
                                "[]",
                                "{}",
                                "\"message\"",
                                "\"invoke\"",
                                "\"conversationUpdate\"",
                                "{\"id\":\"29:x\"}",
                                "{\"id\":\"a:1\",\"tenantId\":\"tenant-1\",\"conversationType\":\"personal\"}",
                                "\"tenant-1\"",
                                "\"msteams\"",
                                "[{\"type\":\"mention\"}]",
                                "{\"tenant\":{\"id\":\"tenant-1\"}}"),
                        CommandTextArbitraries.text()
                                .map(
                                        t ->
                                                "\""
                                                        + t.replace("\\", "")
                                                                .replace("\"", "")
                                                                .replaceAll("[\\x00-\\x1f]", " ")
                                                        + "\""));
        Arbitrary<String> field =
                Combinators.combine(
                                Arbitraries.of(
                                        "type",
                                        "id",
                                        "text",
                                        "from",
                                        "recipient",
                                        "conversation",
                                        "channelId",
                                        "serviceUrl",
                                        "entities",
                                        "channelData",
                                        "value",
                                        "name",
                                        "action",
                                        "membersAdded",
                                        "membersRemoved",
                                        "replyToId",
                                        "locale",
                                        "timestamp"),
                                value)
                        .as((k, v) -> "\"" + k + "\":" + v);
        return field.list().ofMaxSize(14).map(l -> "{" + String.join(",", l) + "}");
    }

    @Test
    void garbled_authentic_teams_activities_never_get_a_500() {
        List<String> activities =
                activityJson().sampleStream().limit(TRIES).collect(Collectors.toList());
        for (String activity : activities) {
            HttpResponse<String> r = bot.teamsSigned(activity);
            assertThat(r.statusCode()).as(activity + " -> " + r.body()).isIn(ACCEPTABLE);
        }
    }

    @Test
    void a_real_activity_shape_with_random_text_and_fields_never_gets_a_500() {
        List<String> texts =
                CommandTextArbitraries.text()
                        .sampleStream()
                        .limit(TRIES)
                        .collect(Collectors.toList());
        for (String text : texts) {
            var a =
                    Activities.personalMessage(bot.teamsServiceUrl(), text)
                            .put("id", UUID.randomUUID().toString());
            HttpResponse<String> r = bot.teamsSigned(a.toString());
            assertThat(r.statusCode()).as(text + " -> " + r.body()).isIn(ACCEPTABLE);
        }
    }
}

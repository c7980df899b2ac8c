package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tenfour.adapters.slack.Payloads;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.adapters.teams.TestTokens;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Bad requests against the real application (Slack and Teams configured against fakes): every one
 * is refused with the right status, or, when authentic but not allowed, answered with a polite
 * refusal; and none changes a single row of any table.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityCorpusTest {
    static final String ADMIN = "U0ADMIN";
    static final String MEMBER = "U0MEMBER";
    static final String COORD_CHANNEL = "C0COORD";
    static final Set<Integer> UNAUTHORIZED = Set.of(401);
    static final Set<Integer> FORBIDDEN = Set.of(401, 403);
    static final Set<Integer> MALFORMED = Set.of(400, 413, 415);
    static final String REFUSAL = "coordinators can";

    @TempDir static Path dir;
    private LiveBot bot;
    private static String otherAgencyCheckIn;
    private static final RSAKey SKYPE_ONLY = TestTokens.newKey("key-skype");
    private static final RSAKey UNKNOWN = TestTokens.newKey("key-unknown");

    /** What a case expects: a status set, and for polite refusals a text in the reply. */
    record Expect(Set<Integer> statuses, String replyContains) {
        static Expect status(Set<Integer> statuses) {
            return new Expect(statuses, null);
        }

        static Expect refusal(String text) {
            return new Expect(Set.of(200), text);
        }
    }

    @BeforeAll
    void start(TestDatabase db) {
        bot = new LiveBot(db, dir);
        bot.microsoft.publish(
                List.of(
                        Map.entry(bot.teamsKey, List.of("msteams")),
                        Map.entry(SKYPE_ONLY, List.of("skype"))));
        bot.slack.notAdmin(MEMBER);
        assertThat(bot.command(ADMIN, COORD_CHANNEL, "setup").body()).doesNotContain("Only");
        assertThat(bot.command(MEMBER, "C0RANDOM", "help").statusCode()).isEqualTo(200);
        // the user of the button payloads: known before the snapshots (first contact enrols a
        // person)
        assertThat(bot.command("U0PAT", "C0RANDOM", "help").statusCode()).isEqualTo(200);
        assertThat(bot.teamsSigned(message(bot, "help").toString()).statusCode()).isEqualTo(200);
        // the Teams channel's conversation reference, known before the snapshots
        assertThat(
                        bot.teamsSigned(
                                        Activities.channelMention(
                                                        bot.microsoft.serviceUrl(), "help")
                                                .put("id", "corpus-channel-help")
                                                .toString())
                                .statusCode())
                .isEqualTo(200);
        var other = Seed.slackAgency(bot.jdbi, "T222", 1);
        otherAgencyCheckIn =
                bot.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                """
                insert into check_in (agency_id, member_id, kind, slot_key, due_at, state)
                select agency_id, id, 'cadence', 'x', now(), 'sent' from member where agency_id = :a returning id::text""")
                                        .bind("a", other)
                                        .mapTo(String.class)
                                        .one());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                Seed.count(
                                                bot.jdbi,
                                                "select count(*) from outbox where state = 'pending'")
                                        == 0);
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    // ---------------------------------------------------------------- Slack

    private static HttpResponse<String> slack(
            LiveBot b, String contentType, String body, long ts, String signature) {
        return b.post(
                "/slack/events",
                contentType,
                body,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        String.valueOf(ts),
                        "X-Slack-Signature",
                        signature));
    }

    private static Function<LiveBot, HttpResponse<String>> slackAt(
            long offsetSeconds, String body) {
        return b -> {
            long ts = Instant.now().getEpochSecond() + offsetSeconds;
            return slack(
                    b,
                    SlackRequests.FORM,
                    body,
                    ts,
                    SlackRequests.sign(SlackRequests.SECRET, ts, body));
        };
    }

    private static Function<LiveBot, HttpResponse<String>> slackSigned(
            String contentType, String body) {
        return b -> b.slackSigned(contentType, body);
    }

    private static Function<LiveBot, HttpResponse<String>> slackRaw(
            String contentType, byte[] body) {
        return b -> {
            long ts = Instant.now().getEpochSecond();
            return b.post(
                    "/slack/events",
                    contentType,
                    body,
                    Map.of(
                            "X-Slack-Request-Timestamp",
                            String.valueOf(ts),
                            "X-Slack-Signature",
                            signBytes(ts, body)));
        };
    }

    /** The v0 signature over raw bytes (the body may not be valid UTF-8). */
    private static String signBytes(long ts, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                    new SecretKeySpec(
                            SlackRequests.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cmd(String user, String channel, String text) {
        return LiveBot.commandBody("T111", user, channel, text);
    }

    static Stream<Arguments> slackCases() {
        String good = cmd(ADMIN, COORD_CHANNEL, "cadence weekly");
        List<Arguments> cases = new ArrayList<>();
        Function<LiveBot, HttpResponse<String>> noHeaders =
                b -> b.post("/slack/events", SlackRequests.FORM, good, Map.of());
        cases.add(
                Arguments.of(
                        "slack: no signature, no timestamp",
                        noHeaders,
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: no signature",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/slack/events",
                                                SlackRequests.FORM,
                                                good,
                                                Map.of(
                                                        "X-Slack-Request-Timestamp",
                                                        String.valueOf(
                                                                Instant.now().getEpochSecond()))),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: no timestamp",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/slack/events",
                                                SlackRequests.FORM,
                                                good,
                                                Map.of(
                                                        "X-Slack-Signature",
                                                        SlackRequests.sign(
                                                                SlackRequests.SECRET,
                                                                Instant.now().getEpochSecond(),
                                                                good))),
                        Expect.status(UNAUTHORIZED)));
        Map<String, UnaryOperator<String>> badSignatures = new LinkedHashMap<>();
        badSignatures.put("empty signature", s -> "");
        badSignatures.put("v1 scheme", s -> s.replace("v0=", "v1="));
        badSignatures.put("no scheme", s -> s.substring(3));
        badSignatures.put(
                "one hex digit changed",
                s -> s.substring(0, s.length() - 1) + (s.endsWith("0") ? "1" : "0"));
        badSignatures.put("truncated signature", s -> s.substring(0, 40));
        badSignatures.put("non-hex garbage", s -> "v0=" + "zz".repeat(32));
        badSignatures.put("signature doubled", s -> s + s.substring(3));
        badSignatures.put("upper-case scheme", s -> "V0=" + s.substring(3));
        badSignatures.forEach(
                (name, mutate) ->
                        cases.add(
                                Arguments.of(
                                        "slack: " + name,
                                        (Function<LiveBot, HttpResponse<String>>)
                                                b -> {
                                                    long ts = Instant.now().getEpochSecond();
                                                    return slack(
                                                            b,
                                                            SlackRequests.FORM,
                                                            good,
                                                            ts,
                                                            mutate.apply(
                                                                    SlackRequests.sign(
                                                                            SlackRequests.SECRET,
                                                                            ts,
                                                                            good)));
                                                },
                                        Expect.status(UNAUTHORIZED))));
        cases.add(
                Arguments.of(
                        "slack: signed with another app's secret",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> {
                                    long ts = Instant.now().getEpochSecond();
                                    return slack(
                                            b,
                                            SlackRequests.FORM,
                                            good,
                                            ts,
                                            SlackRequests.sign(
                                                    "another-apps-signing-secret-000000",
                                                    ts,
                                                    good));
                                },
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: signature of another body",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> {
                                    long ts = Instant.now().getEpochSecond();
                                    return slack(
                                            b,
                                            SlackRequests.FORM,
                                            good,
                                            ts,
                                            SlackRequests.sign(
                                                    SlackRequests.SECRET,
                                                    ts,
                                                    cmd(ADMIN, COORD_CHANNEL, "help")));
                                },
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: body extended after signing",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> {
                                    long ts = Instant.now().getEpochSecond();
                                    return slack(
                                            b,
                                            SlackRequests.FORM,
                                            good + "&text=off",
                                            ts,
                                            SlackRequests.sign(SlackRequests.SECRET, ts, good));
                                },
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: body truncated after signing",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> {
                                    long ts = Instant.now().getEpochSecond();
                                    return slack(
                                            b,
                                            SlackRequests.FORM,
                                            good.substring(0, good.length() - 5),
                                            ts,
                                            SlackRequests.sign(SlackRequests.SECRET, ts, good));
                                },
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: timestamp header differs from the signed one",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> {
                                    long ts = Instant.now().getEpochSecond();
                                    return slack(
                                            b,
                                            SlackRequests.FORM,
                                            good,
                                            ts - 1,
                                            SlackRequests.sign(SlackRequests.SECRET, ts, good));
                                },
                        Expect.status(UNAUTHORIZED)));
        for (long offset :
                new long[] {
                    -301, -360, -3600, -86_400, -10 * 365 * 86_400L, 301, 360, 3600, 86_400
                }) {
            cases.add(
                    Arguments.of(
                            "slack: correctly signed but "
                                    + (offset < 0 ? "expired " : "future-dated ")
                                    + Math.abs(offset)
                                    + " s",
                            slackAt(offset, good),
                            Expect.status(UNAUTHORIZED)));
        }
        for (String ts : new String[] {"abc", "-1", "1.5e9", "99999999999999999999", ""}) {
            cases.add(
                    Arguments.of(
                            "slack: timestamp '" + ts + "'",
                            (Function<LiveBot, HttpResponse<String>>)
                                    b ->
                                            b.post(
                                                    "/slack/events",
                                                    SlackRequests.FORM,
                                                    good,
                                                    Map.of(
                                                            "X-Slack-Request-Timestamp",
                                                            ts,
                                                            "X-Slack-Signature",
                                                            SlackRequests.sign(
                                                                    SlackRequests.SECRET,
                                                                    Instant.now().getEpochSecond(),
                                                                    good))),
                            Expect.status(UNAUTHORIZED)));
        }
        cases.add(
                Arguments.of(
                        "slack: unsigned event callback",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/slack/events",
                                                SlackRequests.JSON,
                                                Payloads.event(
                                                        "T111",
                                                        "EvUNSIGNED",
                                                        Payloads.homeOpened(ADMIN)),
                                                Map.of()),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: unsigned button press",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/slack/events",
                                                SlackRequests.FORM,
                                                SlackRequests.interactive(
                                                        Payloads.blockAction(
                                                                "T111",
                                                                "checkin.ok",
                                                                UUID.randomUUID().toString())),
                                                Map.of()),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "slack: unsigned url_verification",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/slack/events",
                                                SlackRequests.JSON,
                                                Payloads.urlVerification("c"),
                                                Map.of()),
                        Expect.status(UNAUTHORIZED)));
        // authentic but malformed
        cases.add(
                Arguments.of(
                        "slack: truncated JSON event",
                        slackSigned(SlackRequests.JSON, "{\"type\":\"event_callback\",\"event\":{"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: JSON array",
                        slackSigned(SlackRequests.JSON, "[]"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: JSON null",
                        slackSigned(SlackRequests.JSON, "null"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: empty body",
                        slackSigned(SlackRequests.FORM, ""),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: form without command or payload",
                        slackSigned(SlackRequests.FORM, "a=b&c=d"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: truncated interactive payload",
                        slackSigned(SlackRequests.FORM, "payload=%7B%22type%22%3A%22block_act"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: non-JSON interactive payload",
                        slackSigned(SlackRequests.FORM, "payload=hello"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: payload of an unknown type",
                        slackSigned(
                                SlackRequests.FORM,
                                SlackRequests.interactive(
                                        "{\"type\":\"nonsense\",\"team\":{\"id\":\"T111\"}}")),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: command body as text/plain",
                        slackSigned("text/plain", good),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: command body as JSON",
                        slackSigned(SlackRequests.JSON, good),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: deeply nested JSON",
                        slackSigned(SlackRequests.JSON, "[".repeat(100_000)),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: invalid UTF-8",
                        slackRaw(
                                SlackRequests.JSON,
                                new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "slack: oversized body (2 MB)",
                        slackSigned(SlackRequests.FORM, good + "&pad=" + "x".repeat(2_000_000)),
                        Expect.status(Set.of(400, 401, 413))));
        // authentic, wrong workspace
        cases.add(
                Arguments.of(
                        "slack: command from another workspace",
                        slackSigned(
                                SlackRequests.FORM,
                                LiveBot.commandBody(
                                        "T999", ADMIN, COORD_CHANNEL, "cadence weekly")),
                        Expect.status(Set.of(401, 403))));
        cases.add(
                Arguments.of(
                        "slack: event from another workspace",
                        slackSigned(
                                SlackRequests.JSON,
                                Payloads.event("T999", "EvT999", Payloads.homeOpened(ADMIN))),
                        Expect.status(Set.of(401, 403))));
        cases.add(
                Arguments.of(
                        "slack: button from another workspace",
                        slackSigned(
                                SlackRequests.FORM,
                                SlackRequests.interactive(
                                        Payloads.blockAction(
                                                "T999", "checkin.ok", otherAgencyCheckIn))),
                        Expect.status(Set.of(401, 403))));
        // authentic, not allowed: a polite refusal and nothing changed
        for (String text :
                List.of(
                        "cadence weekly",
                        "hours 06:00-22:00",
                        "days mon-sun",
                        "timezone Europe/Paris",
                        "crisis-lines \"call 555\"",
                        "roster add <@U0X>",
                        "roster remove <@" + ADMIN + ">",
                        "peers add <@" + MEMBER + ">",
                        "coordinators add <@" + MEMBER + ">",
                        "incident Engine 7 fire",
                        "report",
                        "export")) {
            cases.add(
                    Arguments.of(
                            "slack: member runs coordinator command '" + text + "'",
                            slackSigned(SlackRequests.FORM, cmd(MEMBER, COORD_CHANNEL, text)),
                            Expect.refusal(REFUSAL)));
        }
        cases.add(
                Arguments.of(
                        "slack: member runs the peer command 'log'",
                        slackSigned(SlackRequests.FORM, cmd(MEMBER, COORD_CHANNEL, "log")),
                        Expect.refusal("trained peer supporters")));
        cases.add(
                Arguments.of(
                        "slack: coordinator command outside the coordinator channel",
                        slackSigned(SlackRequests.FORM, cmd(ADMIN, "C0RANDOM", "cadence off")),
                        Expect.refusal("coordinator channel")));
        cases.add(
                Arguments.of(
                        "slack: non-admin takes over the coordinator channel",
                        slackSigned(SlackRequests.FORM, cmd(MEMBER, "C0MINE", "setup")),
                        Expect.refusal("only a coordinator can move it")));
        // operations and the sandbox are not on the public listener of a Slack/Teams bot
        cases.add(
                Arguments.of(
                        "ops: /metrics on the public port",
                        (Function<LiveBot, HttpResponse<String>>) b -> b.getResponse("/metrics"),
                        Expect.status(Set.of(404))));
        cases.add(
                Arguments.of(
                        "ops: the sandbox's fast-forward on a bot without the sandbox",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/sandbox/api/time",
                                                "application/json",
                                                "{\"days\":365}",
                                                Map.of()),
                        Expect.status(Set.of(404))));
        cases.add(
                Arguments.of(
                        "slack: a workspace admin who is no coordinator takes over setup",
                        slackSigned(SlackRequests.FORM, cmd("U0PAT", "C0MINE", "setup")),
                        Expect.refusal("only a coordinator can move it")));
        for (String action : List.of("checkin.ok", "checkin.talk", "checkin.notnow")) {
            cases.add(
                    Arguments.of(
                            "slack: answers another agency's check-in with " + action,
                            (Function<LiveBot, HttpResponse<String>>)
                                    b ->
                                            b.slackSigned(
                                                    SlackRequests.FORM,
                                                    SlackRequests.interactive(
                                                            Payloads.blockAction(
                                                                    "T111",
                                                                    action,
                                                                    otherAgencyCheckIn))),
                            Expect.status(Set.of(200))));
        }
        return cases.stream();
    }

    // ---------------------------------------------------------------- Teams

    static ObjectNode teamsMessage(String text) {
        return Activities.personalMessage("http://placeholder/", text)
                .put("id", "act-" + UUID.randomUUID());
    }

    private static String serviceUrl(LiveBot b) {
        return b.microsoft.serviceUrl();
    }

    private static ObjectNode message(LiveBot b, String text) {
        return teamsMessage(text).put("serviceUrl", serviceUrl(b));
    }

    private static String sign(RSAKey key, String kid, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            SignedJWT jwt =
                    new SignedJWT(
                            new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                            claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(byte[] secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                            claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Function<LiveBot, HttpResponse<String>> withToken(
            Function<LiveBot, String> token) {
        return b ->
                b.post(
                        "/api/messages",
                        "application/json",
                        message(b, "cadence weekly").toString(),
                        Map.of("Authorization", token.apply(b)));
    }

    private static Function<LiveBot, HttpResponse<String>> withClaims(
            UnaryOperator<JWTClaimsSet.Builder> change) {
        return withToken(
                b ->
                        "Bearer "
                                + TestTokens.sign(
                                        b.teamsKey,
                                        change.apply(
                                                        TestTokens.claims(
                                                                Instant.now(), serviceUrl(b)))
                                                .build()));
    }

    private static Function<LiveBot, HttpResponse<String>> teamsBody(
            String contentType, String body) {
        return b ->
                b.post(
                        "/api/messages",
                        contentType,
                        body,
                        Map.of(
                                "Authorization",
                                "Bearer "
                                        + TestTokens.sign(
                                                b.teamsKey,
                                                TestTokens.claims(Instant.now(), serviceUrl(b))
                                                        .build())));
    }

    private static Function<LiveBot, HttpResponse<String>> teamsActivity(
            UnaryOperator<ObjectNode> change) {
        return b -> b.teamsSigned(change.apply(message(b, "cadence weekly")).toString());
    }

    static Stream<Arguments> teamsCases() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(
                Arguments.of(
                        "teams: an org-wide (personal) install, then setup by that person",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> {
                                    ObjectNode install =
                                            Activities.base(
                                                    "installationUpdate", b.microsoft.serviceUrl());
                                    install.put("action", "add")
                                            .put("id", "corpus-personal-install");
                                    install.putObject("conversation")
                                            .put("id", Activities.PERSONAL_CONVERSATION)
                                            .put("conversationType", "personal")
                                            .put("tenantId", Activities.TENANT);
                                    install.putObject("channelData")
                                            .putObject("tenant")
                                            .put("id", Activities.TENANT);
                                    b.teamsSigned(install.toString());
                                    return b.teamsSigned(
                                            Activities.channelMention(
                                                            b.microsoft.serviceUrl(), "setup")
                                                    .put("id", "corpus-setup-after-install")
                                                    .toString());
                                },
                        Expect.refusal("Only the person who installed")));
        cases.add(
                Arguments.of(
                        "teams: no Authorization header",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/api/messages",
                                                "application/json",
                                                message(b, "cadence weekly").toString(),
                                                Map.of()),
                        Expect.status(UNAUTHORIZED)));
        for (String header :
                List.of(
                        "Bearer",
                        "Bearer ",
                        "Basic dXNlcjpwYXNz",
                        "bearer x.y.z",
                        "Bearer not-a-jwt",
                        "Bearer a.b.c",
                        "Bearer e30.e30.",
                        "Token abc")) {
            cases.add(
                    Arguments.of(
                            "teams: Authorization '" + header + "'",
                            withToken(b -> header),
                            Expect.status(UNAUTHORIZED)));
        }
        cases.add(
                Arguments.of(
                        "teams: expired an hour ago",
                        withClaims(
                                c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: expired beyond the 5-minute skew",
                        withClaims(
                                c -> c.expirationTime(Date.from(Instant.now().minusSeconds(400)))),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: no expiry",
                        withClaims(c -> c.expirationTime(null)),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: not valid for another hour (nbf)",
                        withClaims(
                                c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: wrong audience",
                        withClaims(c -> c.audience("00000000-0000-0000-0000-000000000000")),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: no audience",
                        withClaims(c -> c.audience((String) null)),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: two audiences, ours not first",
                        withClaims(c -> c.audience(List.of("other", "x"))),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: wrong issuer",
                        withClaims(c -> c.issuer("https://evil.example.com")),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: issuer with a trailing slash",
                        withClaims(c -> c.issuer("https://api.botframework.com/")),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: no issuer",
                        withClaims(c -> c.issuer(null)),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: no serviceurl claim",
                        withClaims(c -> c.claim("serviceurl", null)),
                        Expect.status(FORBIDDEN)));
        cases.add(
                Arguments.of(
                        "teams: serviceurl claim for another host",
                        withClaims(c -> c.claim("serviceurl", "https://evil.example.com/")),
                        Expect.status(FORBIDDEN)));
        cases.add(
                Arguments.of(
                        "teams: alg none",
                        withToken(
                                b ->
                                        "Bearer "
                                                + new PlainJWT(
                                                                TestTokens.claims(
                                                                                Instant.now(),
                                                                                serviceUrl(b))
                                                                        .build())
                                                        .serialize()),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: HS256 keyed with the RSA public key (key confusion)",
                        withToken(
                                b -> {
                                    try {
                                        return "Bearer "
                                                + hmac(
                                                        b.teamsKey.toRSAPublicKey().getEncoded(),
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build());
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                }),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: HS256 keyed with the app password",
                        withToken(
                                b ->
                                        "Bearer "
                                                + hmac(
                                                        (FakeMicrosoft.CLIENT_SECRET
                                                                        + "0123456789abcdef0123456789")
                                                                .getBytes(StandardCharsets.UTF_8),
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: RS384 with the right key",
                        withToken(
                                b ->
                                        "Bearer "
                                                + sign(
                                                        b.teamsKey,
                                                        "key-1",
                                                        JWSAlgorithm.RS384,
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: PS256 with the right key",
                        withToken(
                                b ->
                                        "Bearer "
                                                + sign(
                                                        b.teamsKey,
                                                        "key-1",
                                                        JWSAlgorithm.PS256,
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: signed by an unpublished key",
                        withToken(
                                b ->
                                        "Bearer "
                                                + TestTokens.sign(
                                                        UNKNOWN,
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: unpublished key claiming a published kid",
                        withToken(
                                b ->
                                        "Bearer "
                                                + TestTokens.sign(
                                                        UNKNOWN,
                                                        "key-1",
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: no kid",
                        withToken(
                                b ->
                                        "Bearer "
                                                + sign(
                                                        b.teamsKey,
                                                        null,
                                                        JWSAlgorithm.RS256,
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: key endorsed for another channel only",
                        withToken(
                                b ->
                                        "Bearer "
                                                + TestTokens.sign(
                                                        SKYPE_ONLY,
                                                        TestTokens.claims(
                                                                        Instant.now(),
                                                                        serviceUrl(b))
                                                                .build())),
                        Expect.status(FORBIDDEN)));
        cases.add(
                Arguments.of(
                        "teams: signature cut short",
                        withToken(
                                b -> {
                                    String t =
                                            TestTokens.sign(
                                                    b.teamsKey,
                                                    TestTokens.claims(Instant.now(), serviceUrl(b))
                                                            .build());
                                    return "Bearer " + t.substring(0, t.length() - 12);
                                }),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: claims tampered after signing",
                        withToken(
                                b -> {
                                    String[] parts =
                                            TestTokens.sign(
                                                            b.teamsKey,
                                                            TestTokens.claims(
                                                                            Instant.now(),
                                                                            serviceUrl(b))
                                                                    .build())
                                                    .split("\\.");
                                    String forged =
                                            Base64.getUrlEncoder()
                                                    .withoutPadding()
                                                    .encodeToString(
                                                            TestTokens.claims(
                                                                            Instant.now(),
                                                                            serviceUrl(b))
                                                                    .expirationTime(
                                                                            Date.from(
                                                                                    Instant.now()
                                                                                            .plusSeconds(
                                                                                                    86_400
                                                                                                            * 365)))
                                                                    .build()
                                                                    .toString()
                                                                    .getBytes(
                                                                            StandardCharsets
                                                                                    .UTF_8));
                                    return "Bearer " + parts[0] + "." + forged + "." + parts[2];
                                }),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: header swapped to alg none, signature kept",
                        withToken(
                                b -> {
                                    String[] parts =
                                            TestTokens.sign(
                                                            b.teamsKey,
                                                            TestTokens.claims(
                                                                            Instant.now(),
                                                                            serviceUrl(b))
                                                                    .build())
                                                    .split("\\.");
                                    return "Bearer "
                                            + Base64.getUrlEncoder()
                                                    .withoutPadding()
                                                    .encodeToString(
                                                            "{\"alg\":\"none\"}"
                                                                    .getBytes(
                                                                            StandardCharsets.UTF_8))
                                            + "."
                                            + parts[1]
                                            + "."
                                            + parts[2];
                                }),
                        Expect.status(UNAUTHORIZED)));
        cases.add(
                Arguments.of(
                        "teams: activity from another channel (webchat)",
                        teamsActivity(a -> a.put("channelId", "webchat")),
                        Expect.status(FORBIDDEN)));
        cases.add(
                Arguments.of(
                        "teams: activity claims another serviceUrl",
                        teamsActivity(a -> a.put("serviceUrl", "https://evil.example.com/")),
                        Expect.status(FORBIDDEN)));
        // authentic but malformed
        cases.add(
                Arguments.of(
                        "teams: truncated JSON",
                        teamsBody("application/json", "{\"type\":\"message\",\"id\":"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: empty body",
                        teamsBody("application/json", ""),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: JSON array",
                        teamsBody("application/json", "[]"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: JSON null",
                        teamsBody("application/json", "null"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: JSON number",
                        teamsBody("application/json", "42"),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: deeply nested JSON",
                        teamsBody("application/json", "[".repeat(100_000)),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: invalid UTF-8",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/api/messages",
                                                "application/json",
                                                new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'},
                                                Map.of(
                                                        "Authorization",
                                                        "Bearer "
                                                                + TestTokens.sign(
                                                                        b.teamsKey,
                                                                        TestTokens.claims(
                                                                                        Instant
                                                                                                .now(),
                                                                                        serviceUrl(
                                                                                                b))
                                                                                .build()))),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: wrong content type (form)",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/api/messages",
                                                "application/x-www-form-urlencoded",
                                                message(b, "cadence weekly").toString(),
                                                Map.of(
                                                        "Authorization",
                                                        "Bearer "
                                                                + TestTokens.sign(
                                                                        b.teamsKey,
                                                                        TestTokens.claims(
                                                                                        Instant
                                                                                                .now(),
                                                                                        serviceUrl(
                                                                                                b))
                                                                                .build()))),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: wrong content type (text)",
                        (Function<LiveBot, HttpResponse<String>>)
                                b ->
                                        b.post(
                                                "/api/messages",
                                                "text/plain",
                                                message(b, "cadence weekly").toString(),
                                                Map.of(
                                                        "Authorization",
                                                        "Bearer "
                                                                + TestTokens.sign(
                                                                        b.teamsKey,
                                                                        TestTokens.claims(
                                                                                        Instant
                                                                                                .now(),
                                                                                        serviceUrl(
                                                                                                b))
                                                                                .build()))),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: oversized activity (2 MB)",
                        teamsActivity(a -> a.put("text", "x".repeat(2_000_000))),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: no tenant",
                        teamsActivity(
                                a -> {
                                    ((ObjectNode) a.get("conversation")).remove("tenantId");
                                    return a;
                                }),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: 'from' is a string",
                        teamsActivity(a -> a.put("from", "29:x")),
                        Expect.status(MALFORMED)));
        cases.add(
                Arguments.of(
                        "teams: no conversation",
                        teamsActivity(
                                a -> {
                                    a.remove("conversation");
                                    return a;
                                }),
                        Expect.status(MALFORMED)));
        // authentic, wrong tenant
        cases.add(
                Arguments.of(
                        "teams: activity from another tenant",
                        teamsActivity(
                                a -> {
                                    ((ObjectNode) a.get("conversation"))
                                            .put("tenantId", "tenant-evil");
                                    return a;
                                }),
                        Expect.status(Set.of(403))));
        // authentic, not allowed
        for (String text :
                List.of(
                        "cadence weekly",
                        "hours 06:00-22:00",
                        "days mon-sun",
                        "timezone Europe/Paris",
                        "crisis-lines \"call 555\"",
                        "roster add <at>Bob</at>",
                        "peers add <at>Alice</at>",
                        "coordinators add <at>Alice</at>",
                        "incident Engine 7 fire",
                        "report",
                        "export")) {
            cases.add(
                    Arguments.of(
                            "teams: member runs coordinator command '" + text + "'",
                            (Function<LiveBot, HttpResponse<String>>)
                                    b -> b.teamsSigned(message(b, text).toString()),
                            Expect.refusal(REFUSAL)));
        }
        cases.add(
                Arguments.of(
                        "teams: member runs the peer command 'log'",
                        (Function<LiveBot, HttpResponse<String>>)
                                b -> b.teamsSigned(message(b, "log").toString()),
                        Expect.refusal("trained peer supporters")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"slackCases", "teamsCases"})
    void refused_without_any_state_change(
            String name, Function<LiveBot, HttpResponse<String>> request, Expect expect) {
        Map<String, Long> before = bot.rowCounts();
        int teamsPostsBefore = bot.microsoft.calls("POST").size();
        HttpResponse<String> response = request.apply(bot);
        assertThat(response.statusCode()).as(name + ": " + response.body()).isIn(expect.statuses());
        assertThat(response.body())
                .as("no stack trace or internals")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        Map<String, Long> after = bot.rowCounts();
        if (expect.replyContains() != null) {
            String reply =
                    name.startsWith("teams")
                            ? bot.microsoft.calls("POST").stream()
                                    .skip(teamsPostsBefore)
                                    .map(c -> String.valueOf(c.body()))
                                    .reduce("", String::concat)
                            : response.body();
            assertThat(reply).as("polite refusal").contains(expect.replyContains());
            // an authentic activity is remembered in the replay ledger; that is all
            before.remove("processed_event");
            after.remove("processed_event");
        }
        assertThat(after).as(name + ": row counts of every table").isEqualTo(before);
    }
}

package org.tenfour.adapters.teams;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.tenfour.adapters.internal.Jackson;

/**
 * Microsoft on loopback: the Bot Connector's OpenID metadata and JWKS (test keys with their
 * endorsements), the Entra token endpoint, and a Bot Connector that records what it is sent and can
 * be told to fail.
 */
public final class FakeMicrosoft implements AutoCloseable {
    public static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    public static final String CLIENT_SECRET = "s3cret~value&with=chars";
    public static final String APP_TOKEN = "app-token-xyz";

    /** The token the fake Entra endpoint issues for Microsoft Graph's scope. */
    public static final String GRAPH_TOKEN = "graph-token-abc";

    static final String BOT_SCOPE = "https://api.botframework.com/.default";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    /** One request the fake connector received. */
    public record Call(String method, String path, String authorization, JsonNode body) {}

    /** An activity posted to a conversation, and when (the JVM's nano clock). */
    public record Posted(String conversationId, String text, long atNanos) {}

    /** A failure to answer instead of success. */
    public record Failure(int status, String retryAfter, String body) {}

    private final Javalin server;
    final AtomicInteger metadataFetches = new AtomicInteger();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicInteger tokenFetches = new AtomicInteger();
    final List<String> tokenRequestProblems = new CopyOnWriteArrayList<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final Set<String> notInTeam = ConcurrentHashMap.newKeySet();
    final List<String> scopes = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile List<Map.Entry<RSAKey, List<String>>> keys = List.of();
    private volatile List<RSAKey> entraKeys = List.of();

    public FakeMicrosoft() {
        server =
                Javalin.create(
                                config -> {
                                    config.routes.get("/openid", this::metadata);
                                    config.routes.get("/keys", this::jwks);
                                    config.routes.get("/entra/openid", this::entraMetadata);
                                    config.routes.get("/entra/keys", this::entraJwks);
                                    config.routes.post("/tenant/token", this::token);
                                    config.routes.post(
                                            "/v3/conversations", ctx -> connector(ctx, "create"));
                                    config.routes.post(
                                            "/v3/conversations/{conversation}/activities",
                                            ctx -> connector(ctx, "post"));
                                    config.routes.put(
                                            "/v3/conversations/{conversation}/activities/{activity}",
                                            ctx -> connector(ctx, "put"));
                                    config.routes.get(
                                            "/v3/conversations/{conversation}/members/{member}",
                                            ctx -> connector(ctx, "member"));
                                })
                        .start("127.0.0.1", 0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String serviceUrl() {
        return baseUrl() + "/";
    }

    public TeamsSettings settings() {
        return new TeamsSettings(
                CLIENT_ID,
                CLIENT_SECRET,
                "tenant-1",
                baseUrl() + "/openid",
                baseUrl() + "/tenant/token",
                entraMetadataUrl(),
                null,
                null);
    }

    /** The bot's Entra tenant's OpenID configuration ({@code TEAMS_ENTRA_OPENID_METADATA_URL}). */
    public String entraMetadataUrl() {
        return baseUrl() + "/entra/openid";
    }

    /** Publishes these keys as the Entra tenant's (no endorsements, as Entra's JWKS has none). */
    public void publishEntra(List<RSAKey> published) {
        this.entraKeys = List.copyOf(published);
    }

    private void entraMetadata(Context ctx) {
        ctx.contentType("application/json")
                .result(
                        TeamsJson.object()
                                .put("issuer", "https://login.microsoftonline.com/tenant-1/v2.0")
                                .put("jwks_uri", baseUrl() + "/entra/keys")
                                .toString());
    }

    private void entraJwks(Context ctx) throws Exception {
        ObjectNode body = TeamsJson.object();
        ArrayNode array = body.putArray("keys");
        for (RSAKey key : entraKeys) {
            array.add(Jackson.MAPPER.readTree(key.toPublicJWK().toJSONString()));
        }
        ctx.contentType("application/json").result(body.toString());
    }

    /** Publishes these keys, each with its endorsements. */
    public void publish(List<Map.Entry<RSAKey, List<String>>> published) {
        this.keys = List.copyOf(published);
    }

    /** The next connector call answers with this failure. */
    public void failNext(int status, String retryAfter, String body) {
        failures.add(new Failure(status, retryAfter, body));
    }

    /**
     * Every connector call waits {@code latency} before answering (a connector as far away as the
     * real one).
     */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Activities the connector accepted (posted, not updated), in order. */
    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    /**
     * The Microsoft Entra object id the member look-up answers for a Teams user id ({@code
     * 29:user-bob} is {@code aad-bob}).
     */
    public static String aadObjectId(String teamsUserId) {
        String id = teamsUserId.startsWith("29:") ? teamsUserId.substring(3) : teamsUserId;
        return "aad-" + (id.startsWith("user-") ? id.substring(5) : id);
    }

    /** The member look-up answers 404 for this user (not a member of the team). */
    public void notInTeam(String teamsUserId) {
        notInTeam.add(teamsUserId);
    }

    /** The scopes tokens were requested for, in order. */
    public List<String> tokenScopes() {
        return List.copyOf(scopes);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private void metadata(Context ctx) {
        metadataFetches.incrementAndGet();
        ctx.contentType("application/json")
                .result(
                        TeamsJson.object()
                                .put("issuer", "https://api.botframework.com")
                                .put("jwks_uri", baseUrl() + "/keys")
                                .set(
                                        "id_token_signing_alg_values_supported",
                                        Jackson.MAPPER.createArrayNode().add("RS256"))
                                .toString());
    }

    private void jwks(Context ctx) throws Exception {
        jwksFetches.incrementAndGet();
        ObjectNode body = TeamsJson.object();
        ArrayNode array = body.putArray("keys");
        for (Map.Entry<RSAKey, List<String>> key : keys) {
            ObjectNode jwk =
                    (ObjectNode) Jackson.MAPPER.readTree(key.getKey().toPublicJWK().toJSONString());
            ArrayNode endorsements = jwk.putArray("endorsements");
            key.getValue().forEach(endorsements::add);
            array.add(jwk);
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void token(Context ctx) {
        tokenFetches.incrementAndGet();
        Map<String, String> form = new HashMap<>();
        for (String pair : ctx.body().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        expect(form, "grant_type", "client_credentials");
        expect(form, "client_id", CLIENT_ID);
        expect(form, "client_secret", CLIENT_SECRET);
        String scope = form.get("scope");
        scopes.add(String.valueOf(scope));
        if (!BOT_SCOPE.equals(scope) && !GRAPH_SCOPE.equals(scope)) {
            tokenRequestProblems.add("scope=" + scope);
        }
        if (!String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
            tokenRequestProblems.add("content type " + ctx.contentType());
        }
        ctx.contentType("application/json")
                .result(
                        TeamsJson.object()
                                .put("token_type", "Bearer")
                                .put("expires_in", 3600)
                                .put(
                                        "access_token",
                                        GRAPH_SCOPE.equals(scope) ? GRAPH_TOKEN : APP_TOKEN)
                                .toString());
    }

    private void expect(Map<String, String> form, String field, String value) {
        if (!value.equals(form.get(field))) {
            tokenRequestProblems.add(field + "=" + form.get(field));
        }
    }

    private void connector(Context ctx, String kind) throws Exception {
        JsonNode body = ctx.body().isBlank() ? null : Jackson.MAPPER.readTree(ctx.body());
        String path = URLDecoder.decode(ctx.path(), StandardCharsets.UTF_8);
        calls.add(new Call(ctx.method().name(), path, ctx.header("Authorization"), body));
        Duration wait = latency;
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
        Failure failure = failures.poll();
        if (failure != null) {
            if (failure.retryAfter() != null) {
                ctx.header("Retry-After", failure.retryAfter());
            }
            ctx.status(failure.status()).contentType("application/json").result(failure.body());
            return;
        }
        if (kind.equals("member") && notInTeam.contains(member(ctx))) {
            ctx.status(404)
                    .contentType("application/json")
                    .result("{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}");
            return;
        }
        ObjectNode answer =
                switch (kind) {
                    case "create" ->
                            TeamsJson.object().put("id", "a:created-" + ids.incrementAndGet());
                    case "member" ->
                            TeamsJson.object()
                                    .put("id", member(ctx))
                                    .put("name", "Alex Rivera")
                                    .put("aadObjectId", aadObjectId(member(ctx)));
                    default -> TeamsJson.object().put("id", "activity-" + ids.incrementAndGet());
                };
        if (kind.equals("post")) {
            posted.add(
                    new Posted(
                            ctx.pathParam("conversation"),
                            body == null || !body.hasNonNull("text")
                                    ? null
                                    : body.get("text").asText(),
                            System.nanoTime()));
        }
        ctx.contentType("application/json").result(answer.toString());
    }

    private static String member(Context ctx) {
        return URLDecoder.decode(ctx.pathParam("member"), UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}

package org.tenfour.adapters.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A fake Slack Web API on loopback: records every call (method, form parameters, bearer token,
 * time) and answers like Slack, or as told (429 with Retry-After, 500, {@code ok:false}). It keeps
 * the messages it accepted, with their {@code metadata}, and serves them back through {@code
 * conversations.history}; a {@link #delay} slows a method down and a {@link #storm} answers a share
 * of calls with 429 or 5xx for a while.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM = "T111";
    public static final String BOT_USER = "UBOT";

    /** One recorded call. */
    public record Call(String method, Map<String, String> params, String token, long atNanos) {
        public Call(String method, Map<String, String> params, String token) {
            this(method, params, token, System.nanoTime());
        }

        JsonObject json(String param) {
            return JsonParser.parseString(params.get(param)).getAsJsonObject();
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {}

    /**
     * A message the fake accepted: where it was posted, its ts and its outbox key (metadata), if
     * any.
     */
    public record Posted(String channel, String ts, String key, long atNanos, String token) {}

    /** A 429 the fake answered: when, to which token, for how long. */
    public record Limited(String token, long atNanos, int retryAfterSeconds) {}

    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final List<Limited> limited = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Storm storm;

    /**
     * While {@code untilNanos}, a share of calls gets 429 (with Retry-After) and another share 5xx.
     */
    private record Storm(
            double rateLimited, int retryAfterSeconds, double serverErrors, long untilNanos) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Javalin server;
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

    /** Bytes received at the upload URL, by file id. */
    public Map<String, byte[]> uploads() {
        return Map.copyOf(uploads);
    }

    public FakeSlackApi() {
        server =
                Javalin.create(
                                config -> {
                                    config.routes.post("/api/{method}", this::handle);
                                    // where files.getUploadURLExternal sends the bytes
                                    config.routes.post(
                                            "/upload/{file}",
                                            ctx -> {
                                                uploads.put(
                                                        ctx.pathParam("file"), ctx.bodyAsBytes());
                                                ctx.result("OK - " + ctx.bodyAsBytes().length);
                                            });
                                })
                        .start("127.0.0.1", 0);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public void answer(String method, int status, String body, Map<String, String> headers) {
        answers.put(method, new Answer(status, body, headers));
    }

    private final Set<String> notAdmins = ConcurrentHashMap.newKeySet();

    private final Map<String, String> locales = new ConcurrentHashMap<>();

    /**
     * {@code users.info} gives this user's locale ({@code es-LA}) when asked with {@code
     * include_locale}, as Slack does; others have {@code en-US}.
     */
    public void locale(String user, String locale) {
        locales.put(user, locale);
    }

    /** {@code users.info} says this user is neither a workspace admin nor an owner. */
    public void notAdmin(String user) {
        notAdmins.add(user);
    }

    private volatile Limits limits;

    /**
     * Slack-like pacing of {@code chat.postMessage}: per channel per second, and per workspace
     * (token) per minute; each workspace (token) has its own windows.
     */
    private static final class Limits {
        final int perChannelPerSecond;
        final int workspacePerMinute;
        final Map<String, ArrayDeque<Long>> channelPosts = new HashMap<>();
        final Map<String, ArrayDeque<Long>> workspacePosts = new HashMap<>();

        Limits(int perChannelPerSecond, int workspacePerMinute) {
            this.perChannelPerSecond = perChannelPerSecond;
            this.workspacePerMinute = workspacePerMinute;
        }

        /**
         * Seconds to wait, or 0 when the post is allowed (and then counted). Both limits are
         * sliding windows.
         */
        synchronized int admit(String token, String channel, long now) {
            ArrayDeque<Long> workspace =
                    workspacePosts.computeIfAbsent(String.valueOf(token), t -> new ArrayDeque<>());
            while (!workspace.isEmpty() && now - workspace.peekFirst() >= 60_000_000_000L) {
                workspace.pollFirst();
            }
            if (workspace.size() >= workspacePerMinute) {
                return (int)
                        Math.max(
                                1,
                                Math.ceil((workspace.peekFirst() + 60_000_000_000L - now) / 1e9));
            }
            ArrayDeque<Long> recent =
                    channelPosts.computeIfAbsent(token + "\n" + channel, c -> new ArrayDeque<>());
            while (!recent.isEmpty() && now - recent.peekFirst() >= 1_000_000_000L) {
                recent.pollFirst();
            }
            if (recent.size() >= perChannelPerSecond) {
                return 1;
            }
            recent.addLast(now);
            workspace.addLast(now);
            return 0;
        }
    }

    /**
     * Enforces Slack-like limits on {@code chat.postMessage} (429 with Retry-After beyond them).
     */
    public void limits(int perChannelPerSecond, int workspacePerMinute) {
        limits = new Limits(perChannelPerSecond, workspacePerMinute);
    }

    private final Map<String, Function<Call, String>> dynamicAnswers = new ConcurrentHashMap<>();

    /**
     * {@code method} answers 200 with what {@code body} makes of each call (unless a fixed {@link
     * #answer} for it is in force).
     */
    public void answerWith(String method, Function<Call, String> body) {
        dynamicAnswers.put(method, body);
    }

    /** Back to Slack's normal answers for {@code method}. */
    public void normal(String method) {
        answers.remove(method);
    }

    public void rateLimit(String method, int retryAfterSeconds) {
        answer(
                method,
                429,
                "{\"ok\":false,\"error\":\"ratelimited\"}",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    private volatile Duration latency = Duration.ZERO;

    /**
     * Every call waits {@code latency} before answering (a platform as far away as a real one),
     * unless {@link #delay} sets its method's own.
     */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Every call of {@code method} waits {@code delay} before answering (a slow platform). */
    public void delay(String method, Duration delay) {
        delays.put(method, delay);
    }

    /**
     * For {@code duration}: a {@code rateLimited} share of calls is answered 429 with {@code
     * Retry-After: retryAfterSeconds}, a {@code serverErrors} share 503.
     */
    public void storm(
            double rateLimited, int retryAfterSeconds, double serverErrors, Duration duration) {
        storm =
                new Storm(
                        rateLimited,
                        retryAfterSeconds,
                        serverErrors,
                        System.nanoTime() + duration.toNanos());
    }

    /** Messages accepted (answered ok) by {@code chat.postMessage}. */
    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    /** The 429s answered. */
    public List<Limited> limited() {
        return List.copyOf(limited);
    }

    public void serverError(String method) {
        answer(method, 500, "<html>oops</html>", Map.of());
    }

    public void error(String method, String error) {
        answer(method, 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
    }

    private void handle(Context ctx) {
        String method = ctx.pathParam("method");
        Map<String, String> params = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String auth = ctx.header("Authorization");
        String token =
                auth != null && auth.startsWith("Bearer ")
                        ? auth.substring(7)
                        : params.get("token");
        Duration delay = delays.getOrDefault(method, latency);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Call call = new Call(method, params, token);
        calls.add(call);
        Storm s = storm;
        // the storm hits message sends (Slack rate-limits per method; profile reads are another
        // tier)
        if (s != null && method.startsWith("chat.") && System.nanoTime() < s.untilNanos()) {
            double roll = ThreadLocalRandom.current().nextDouble();
            if (roll < s.rateLimited()) {
                limited.add(new Limited(token, System.nanoTime(), s.retryAfterSeconds()));
                ctx.header("Retry-After", String.valueOf(s.retryAfterSeconds()));
                ctx.status(429)
                        .contentType("application/json")
                        .result("{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            if (roll < s.rateLimited() + s.serverErrors()) {
                ctx.status(503).contentType("text/html").result("<html>unavailable</html>");
                return;
            }
        }
        Limits l = limits;
        if (l != null && method.equals("chat.postMessage")) {
            int wait = l.admit(token, dm(params.getOrDefault("channel", "")), System.nanoTime());
            if (wait > 0) {
                limited.add(new Limited(token, System.nanoTime(), wait));
                ctx.header("Retry-After", String.valueOf(wait));
                ctx.status(429)
                        .contentType("application/json")
                        .result("{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
        }
        Answer answer = answers.get(method);
        if (answer != null) {
            answer.headers().forEach(ctx::header);
            ctx.status(answer.status()).contentType("application/json").result(answer.body());
            return;
        }
        Function<Call, String> dynamic = dynamicAnswers.get(method);
        if (dynamic != null) {
            ctx.contentType("application/json; charset=utf-8").result(dynamic.apply(call));
            return;
        }
        if (method.equals("chat.postMessage") && params.containsKey("metadata")) {
            ctx.contentType("application/json; charset=utf-8").result(accept(params, token));
            return;
        }
        if (method.equals("conversations.history")) {
            ctx.contentType("application/json; charset=utf-8")
                    .result(history(params.get("channel")));
            return;
        }
        if (method.equals("conversations.open")
                && params.containsKey("users")
                && !params.get("users").contains(",")) {
            ctx.contentType("application/json; charset=utf-8")
                    .result(
                            "{\"ok\":true,\"channel\":{\"id\":\""
                                    + dm(params.get("users"))
                                    + "\"}}");
            return;
        }
        String body = defaultAnswer(method, params);
        if (method.equals("users.info") && notAdmins.contains(params.get("user"))) {
            body = body.replace("\"is_admin\":true", "\"is_admin\":false");
        }
        if (method.equals("users.info")
                && List.of("1", "true").contains(params.get("include_locale"))) {
            body =
                    body.replace(
                            "\"is_admin\"",
                            "\"locale\":\""
                                    + locales.getOrDefault(params.get("user"), "en-US")
                                    + "\",\"is_admin\"");
        }
        ctx.contentType("application/json; charset=utf-8").result(body);
    }

    private static String dm(String channel) {
        return channel.startsWith("U") ? "D" + channel : channel;
    }

    /**
     * A message with outbox metadata: stored, with a ts of its own, so that history can find it.
     */
    private String accept(Map<String, String> params, String token) {
        String channel = dm(params.getOrDefault("channel", ""));
        String ts = "1700000000." + String.format("%06d", sequence.incrementAndGet());
        String key = null;
        try {
            JsonObject metadata = JsonParser.parseString(params.get("metadata")).getAsJsonObject();
            key = metadata.getAsJsonObject("event_payload").get("key").getAsString();
        } catch (RuntimeException e) {
            // metadata without a key: stored as a plain message
        }
        posted.add(new Posted(channel, ts, key, System.nanoTime(), token));
        return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}";
    }

    private String history(String channel) {
        JsonArray messages = new JsonArray();
        for (int i = posted.size() - 1; i >= 0; i--) {
            Posted p = posted.get(i);
            if (!p.channel().equals(channel)) {
                continue;
            }
            JsonObject m = new JsonObject();
            m.addProperty("type", "message");
            m.addProperty("ts", p.ts());
            if (p.key() != null) {
                JsonObject metadata = new JsonObject();
                metadata.addProperty("event_type", "tenfour_outbox");
                JsonObject payload = new JsonObject();
                payload.addProperty("key", p.key());
                metadata.add("event_payload", payload);
                m.add("metadata", metadata);
            }
            messages.add(m);
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("ok", true);
        answer.add("messages", messages);
        answer.addProperty("has_more", false);
        return answer.toString();
    }

    private String defaultAnswer(String method, Map<String, String> params) {
        return switch (method) {
            case "auth.test" ->
                    """
                    {"ok":true,"url":"https://fd7.slack.com/","team":"Fire District 7","user":"tenfour",
                     "team_id":"%s","user_id":"%s","bot_id":"B0BOT","is_enterprise_install":false}"""
                            .formatted(TEAM, BOT_USER);
            case "chat.postMessage" ->
                    """
                    {"ok":true,"channel":"%s","ts":"1700000000.000100","message":{"type":"message","ts":"1700000000.000100"}}"""
                            .formatted(
                                    params.getOrDefault("channel", "").startsWith("U")
                                            ? "D0DM"
                                            : params.get("channel"));
            case "chat.update" ->
                    "{\"ok\":true,\"channel\":\""
                            + params.get("channel")
                            + "\",\"ts\":\""
                            + params.get("ts")
                            + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000200\"}";
            case "views.open", "views.publish" ->
                    "{\"ok\":true,\"view\":{\"id\":\"V0VIEW\",\"type\":\"modal\"}}";
            case "users.info" ->
                    """
                    {"ok":true,"user":{"id":"%s","team_id":"%s","name":"pat","real_name":"Pat Real","tz":"America/Chicago",
                     "is_admin":true,"is_owner":false,"profile":{"display_name":"Pat","real_name":"Pat Real"}}}"""
                            .formatted(params.get("user"), TEAM);
            case "team.info" ->
                    """
                    {"ok":true,"team":{"id":"%s","name":"Fire District 7","domain":"fd7"}}"""
                            .formatted(TEAM);
            case "conversations.members" ->
                    "page2".equals(params.get("cursor"))
                            ? "{\"ok\":true,\"members\":[\"U3\"],\"response_metadata\":{\"next_cursor\":\"\"}}"
                            : "{\"ok\":true,\"members\":[\"U1\",\"U2\"],\"response_metadata\":{\"next_cursor\":\"page2\"}}";
            case "usergroups.users.list" -> "{\"ok\":true,\"users\":[\"U7\",\"U8\"]}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"G0MPIM\"}}";
            case "files.getUploadURLExternal" ->
                    "{\"ok\":true,\"upload_url\":\""
                            + apiUrl().replace("/api/", "/upload/")
                            + "F0FILE1\",\"file_id\":\"F0FILE1\"}";
            case "files.completeUploadExternal" ->
                    "{\"ok\":true,\"files\":[{\"id\":\"F0FILE1\",\"title\":\""
                            + params.getOrDefault("files", "").replace("\"", "'")
                            + "\"}]}";
            case "oauth.v2.access" ->
                    """
                    {"ok":true,"app_id":"A0APP","authed_user":{"id":"UINSTALLER"},"scope":"commands,chat:write",
                     "token_type":"bot","access_token":"xoxb-installed-token","bot_user_id":"UBOT7",
                     "team":{"id":"T777","name":"Fire District 7"},"enterprise":null,"is_enterprise_install":false}""";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}

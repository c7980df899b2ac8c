package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tenfour.adapters.internal.Jackson;

/**
 * Microsoft Graph's Teams app installation API on loopback: lists, installs (409 when already
 * installed) and the app's chat with a user, for the bearer token {@link FakeMicrosoft} issues for
 * Graph only. It can refuse every call (403: the permission not granted), throttle for real (a
 * budget of calls per window, then 429 with {@code Retry-After}, and a call that comes before that
 * time has passed is recorded as a violation), or fail the next calls.
 */
public final class FakeGraph implements AutoCloseable {
    /** The app's id in the organisation's catalogue. */
    public static final String CATALOG_ID = "cat-0f9d-4c1e-tenfour";

    /** One call Graph received; {@code user} is the directory id in the path, if any. */
    public record Call(String method, String user, String path, long atNanos) {}

    private final Javalin server;
    private final Map<String, String> installed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> installs = new ConcurrentHashMap<>();
    private final Set<String> chatless = ConcurrentHashMap.newKeySet();
    private final Set<String> racing = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean refuse;
    private volatile Consumer<String> onInstall = user -> {};
    // throttling: at most `budget` calls per `window`, then 429 for `retryAfter`
    private int budget = Integer.MAX_VALUE;
    private Duration window = Duration.ofSeconds(1);
    private Duration retryAfter = Duration.ofSeconds(1);
    private Instant windowStart = Instant.EPOCH;
    private int used;
    private Instant blockedUntil = Instant.EPOCH;
    private int throttled;

    public FakeGraph() {
        server =
                Javalin.create(
                                config -> {
                                    String apps = "/v1.0/users/{user}/teamwork/installedApps";
                                    config.routes.get(apps, this::list);
                                    config.routes.post(apps, this::install);
                                    config.routes.get(apps + "/{installation}/chat", this::chat);
                                })
                        .start("127.0.0.1", 0);
    }

    /** {@code TEAMS_GRAPH_URL}: the fake's {@code …/v1.0}. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/v1.0";
    }

    /** Every call answers 403, as Graph does before an admin grants the permission. */
    public void refuse(boolean refuse) {
        this.refuse = refuse;
    }

    /** At most {@code budget} calls per {@code window}; then 429s for {@code retryAfter}. */
    public synchronized void throttle(int budget, Duration window, Duration retryAfter) {
        this.budget = budget;
        this.window = window;
        this.retryAfter = retryAfter;
    }

    /** The next calls answer these statuses, one each. */
    public void failNext(int... statuses) {
        for (int status : statuses) {
            failures.add(status);
        }
    }

    /** The app is installed for this directory id already (by an admin, say). */
    public void preinstalled(String user) {
        installed.put(user, "installation-" + ids.incrementAndGet());
    }

    /** Someone else installs the app for the user just before our next post (which gets 409). */
    public void raceNextInstall(String user) {
        racing.add(user);
    }

    /** The chat of this user's installation answers 503 (until {@link #chatAgain}). */
    public void chatless(String user) {
        chatless.add(user);
    }

    public void chatAgain(String user) {
        chatless.remove(user);
    }

    /** Called with the directory id after each install (Teams then tells the bot). */
    public void onInstall(Consumer<String> hook) {
        this.onInstall = hook;
    }

    /** How many times the app was installed for the user (201s, not 409s). */
    public int installs(String user) {
        AtomicInteger n = installs.get(user);
        return n == null ? 0 : n.get();
    }

    public boolean isInstalled(String user) {
        return installed.containsKey(user);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Requests that were malformed (a wrong filter, binding or token). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Calls that came while a {@code Retry-After} this fake announced had not passed. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many 429s were answered. */
    public synchronized int throttled() {
        return throttled;
    }

    /** The chat id of the app's 1:1 chat with the user. */
    public static String chatId(String user) {
        return "19:" + user + "_" + FakeMicrosoft.CLIENT_ID + "@unq.gbl.spaces";
    }

    private void list(Context ctx) {
        if (!admitted(ctx)) {
            return;
        }
        String filter = ctx.queryParam("$filter");
        if (!("teamsApp/id eq '" + CATALOG_ID + "'").equals(filter)
                || !"teamsApp".equals(ctx.queryParam("$expand"))) {
            problems.add("list with $filter=" + filter + " $expand=" + ctx.queryParam("$expand"));
            error(ctx, 400, "BadRequest");
            return;
        }
        ObjectNode body = TeamsJson.object();
        var value = body.putArray("value");
        String installation = installed.get(ctx.pathParam("user"));
        if (installation != null) {
            value.addObject()
                    .put("id", installation)
                    .putObject("teamsApp")
                    .put("id", CATALOG_ID)
                    .put("displayName", "TenFour");
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void install(Context ctx) throws Exception {
        if (!admitted(ctx)) {
            return;
        }
        JsonNode body = Jackson.MAPPER.readTree(ctx.body());
        String bind = body.path("teamsApp@odata.bind").asText();
        if (!bind.equals(url() + "/appCatalogs/teamsApps/" + CATALOG_ID)) {
            problems.add("install binding " + bind);
            error(ctx, 404, "NotFound");
            return;
        }
        String user = ctx.pathParam("user");
        if (racing.remove(user)) {
            preinstalled(user);
        }
        if (installed.putIfAbsent(user, "installation-" + ids.incrementAndGet()) != null) {
            error(ctx, 409, "Conflict");
            return;
        }
        installs.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
        ctx.status(201);
        onInstall.accept(user);
    }

    private void chat(Context ctx) {
        if (!admitted(ctx)) {
            return;
        }
        String user = ctx.pathParam("user");
        if (!ctx.pathParam("installation").equals(installed.get(user))) {
            error(ctx, 404, "NotFound");
            return;
        }
        if (chatless.contains(user)) {
            error(ctx, 503, "ServiceUnavailable");
            return;
        }
        ctx.contentType("application/json")
                .result(TeamsJson.object().put("id", chatId(user)).toString());
    }

    /** Authenticates, refuses, throttles and fails as told; false when it answered already. */
    private boolean admitted(Context ctx) {
        String user = ctx.pathParamMap().get("user");
        calls.add(new Call(ctx.method().name(), user, ctx.path(), System.nanoTime()));
        if (!("Bearer " + FakeMicrosoft.GRAPH_TOKEN).equals(ctx.header("Authorization"))) {
            problems.add("authorization " + ctx.header("Authorization"));
            error(ctx, 401, "InvalidAuthenticationToken");
            return false;
        }
        Duration wait = throttle();
        if (wait != null) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            error(ctx, 429, "TooManyRequests");
            return false;
        }
        if (refuse) {
            error(ctx, 403, "Forbidden");
            return false;
        }
        Integer failure = failures.poll();
        if (failure != null) {
            error(ctx, failure, "Failure");
            return false;
        }
        return true;
    }

    /** How long to answer 429 for, or null when the call is within the budget. */
    private synchronized Duration throttle() {
        Instant now = Instant.now();
        if (now.isBefore(blockedUntil)) {
            violations.add("call " + Duration.between(now, blockedUntil).toMillis() + " ms early");
            throttled++;
            return Duration.between(now, blockedUntil);
        }
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        if (++used > budget) {
            blockedUntil = now.plus(retryAfter);
            throttled++;
            return retryAfter;
        }
        return null;
    }

    private static void error(Context ctx, int status, String code) {
        ctx.status(status)
                .contentType("application/json")
                .result(
                        "{\"error\":{\"code\":\""
                                + code
                                + "\",\"message\":\"fake graph\",\"innerError\":{}}}");
    }

    @Override
    public void close() {
        server.stop();
    }
}

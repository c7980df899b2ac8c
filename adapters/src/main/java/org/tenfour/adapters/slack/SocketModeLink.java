package org.tenfour.adapters.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode link: one WebSocket from this replica to Slack, opened with the app-level token,
 * carrying the same requests as {@code POST /slack/events} into the same {@link
 * SlackAdapter#dispatch} and answering each envelope with its acknowledgement. It is opened again
 * at once when Slack asks ({@code disconnect}) and, when the link drops or a ping goes unanswered,
 * with exponential backoff (jittered, capped, at least Slack's {@code Retry-After}).
 *
 * <p>All connection work runs on one thread of its own, so attempts never overlap; envelopes are
 * handled on Bolt's message processors.
 */
final class SocketModeLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeLink.class);

    /** Envelope types that carry a request; {@code hello} and {@code disconnect} do not. */
    private static final Set<String> ENVELOPES =
            Set.of("events_api", "interactive", "slash_commands");

    /** Slack's answers to {@code apps.connections.open} that no retry can fix. */
    private static final Set<String> BAD_TOKEN =
            Set.of(
                    "invalid_auth",
                    "not_authed",
                    "not_allowed_token_type",
                    "missing_scope",
                    "account_inactive",
                    "token_revoked");

    /** Threads taking envelopes off the link (Bolt polls its queue with each). */
    static final int PROCESSORS = 4;

    /**
     * How often the link is checked (a ping answered within 3 s) and how retries back off.
     *
     * @param check between two checks of an open link
     * @param firstRetry the delay after the first failed attempt; doubled after each further one
     * @param maxRetry the longest delay between attempts
     */
    record Timing(Duration check, Duration firstRetry, Duration maxRetry) {
        /** Slack's own SDKs ping every 5 s; apps.connections.open is a Tier 1 method. */
        static final Timing PRODUCTION =
                new Timing(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(2));

        Timing {
            if (check.isNegative() || check.isZero()) {
                throw new IllegalArgumentException("check interval must be positive: " + check);
            }
            if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException(
                        "retries need 0 <= first <= max: " + firstRetry + ", " + maxRetry);
            }
        }

        /** The delay after {@code failures} failed attempts in a row, with ±25 % jitter. */
        Duration retryAfter(int failures, double random) {
            long first = Math.max(1, firstRetry.toMillis());
            long millis = first << Math.min(Math.max(failures - 1, 0), 20);
            millis = Math.min(millis, maxRetry.toMillis());
            return Duration.ofMillis(Math.round(millis * (0.75 + random / 2)));
        }
    }

    /** Slack refused the app-level token: a configuration error, not a network one. */
    static final class TokenRefused extends IllegalArgumentException {
        TokenRefused(String error) {
            super(
                    SlackSettings.APP_TOKEN
                            + ": Slack refused the app-level token ("
                            + error
                            + "); create one with the connections:write scope under Basic Information");
        }
    }

    private final Slack slack;
    private final String appToken;
    private final SocketModeRequestParser parser;
    private final Function<Request<?>, Response> dispatch;
    private final Timing timing;
    private final ScheduledExecutorService connector =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "slack-socket-link");
                        t.setDaemon(true);
                        return t;
                    });
    private final Object sending = new Object();
    private volatile LinkClient client;
    private volatile boolean open;
    private volatile boolean closed;
    private volatile long nextAttemptNanos;
    private int failures; // touched only on the connector thread

    SocketModeLink(
            Slack slack,
            String appToken,
            AppConfig config,
            Function<Request<?>, Response> dispatch,
            Timing timing) {
        this.slack = slack;
        this.appToken = appToken;
        this.parser = new SocketModeRequestParser(config);
        this.dispatch = dispatch;
        this.timing = timing;
    }

    /**
     * Opens the link. A token Slack refuses stops the start ({@link TokenRefused}); Slack being
     * unreachable does not: the link keeps trying in the background.
     */
    void start() {
        String url = null;
        try {
            url = openUrl();
        } catch (TokenRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "slack socket mode: Slack unreachable at start ({}); retrying in the background",
                    e.getClass().getSimpleName());
        }
        try {
            client =
                    new LinkClient(
                            slack, appToken, url == null ? "wss://slack.invalid/" : url, this);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Slack answered an unusable socket URL", e);
        }
        client.addWebSocketMessageListener(this::onMessage);
        client.addWebSocketCloseListener(
                (code, reason) -> {
                    // possibly an old session Bolt closed after a reconnect: the check tells
                    if (!closed) {
                        log.info("slack socket mode: link closed (code {}); checking it", code);
                        connector.execute(this::check);
                    }
                });
        if (url != null) {
            String first = url;
            connector.execute(() -> connect(first));
        } else {
            connector.execute(this::attempt);
        }
        long every = timing.check().toMillis();
        // check() catches everything: a periodic task that threw would never run again
        var unused =
                connector.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether Slack has greeted the current WebSocket ({@code hello}) and it has not closed. */
    boolean connected() {
        return open;
    }

    /** Slack asked for a new connection ({@code disconnect}): open one now. */
    void reconnectRequested(String reason) {
        log.info("slack socket mode: Slack asked to reconnect (reason {})", reason);
        connector.execute(this::attempt);
    }

    void greeted() {
        open = true;
    }

    @Override
    public void close() {
        closed = true;
        open = false;
        connector.shutdown(); // not shutdownNow: a ping under way ends within 3 s on its own
        LinkClient c = client;
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                log.info("slack socket mode: closing the link: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void check() {
        if (closed || System.nanoTime() < nextAttemptNanos) {
            return;
        }
        try {
            if (!client.verifyConnection()) {
                open = false;
                attempt();
            }
        } catch (RuntimeException e) {
            log.warn("slack socket mode: link check failed ({})", e.getClass().getSimpleName());
        }
    }

    private void attempt() {
        if (closed) {
            return;
        }
        try {
            connect(openUrl());
        } catch (IOException | RuntimeException e) {
            failed(e.getClass().getSimpleName(), retryAfter(e));
        }
    }

    private void connect(String url) {
        if (closed) {
            return;
        }
        client.setWssUri(URI.create(url));
        client.connect(); // Bolt logs and swallows a failed handshake: the ping tells
        if (client.verifyConnection()) {
            if (failures > 0) {
                log.info("slack socket mode: link open again after {} failed attempts", failures);
            } else {
                log.info("slack socket mode: link open");
            }
            failures = 0;
            nextAttemptNanos = 0;
            if (closed) {
                client.setAutoReconnectEnabled(false);
            }
        } else {
            failed("handshake failed", Duration.ZERO);
        }
    }

    private void failed(String why, Duration atLeast) {
        if (closed) {
            return;
        }
        failures++;
        Duration wait = timing.retryAfter(failures, ThreadLocalRandom.current().nextDouble());
        if (wait.compareTo(atLeast) < 0) {
            wait = atLeast;
        }
        nextAttemptNanos = System.nanoTime() + wait.toNanos();
        log.warn(
                "slack socket mode: connecting failed ({}), attempt {}; next in {} ms",
                why,
                failures,
                wait.toMillis());
        if (!closed) {
            var unused = connector.schedule(this::check, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A fresh single-use WebSocket URL from {@code apps.connections.open}. */
    private String openUrl() throws IOException {
        AppsConnectionsOpenResponse r;
        try {
            r = slack.methods().appsConnectionsOpen(req -> req.token(appToken));
        } catch (SlackApiException e) {
            throw new IOException("apps.connections.open answered " + e.getResponse().code(), e);
        }
        if (r.isOk() && r.getUrl() != null) {
            return r.getUrl();
        }
        if (BAD_TOKEN.contains(r.getError())) {
            throw new TokenRefused(r.getError());
        }
        throw new IOException("apps.connections.open: " + r.getError());
    }

    private static Duration retryAfter(Throwable e) {
        if (e.getCause() instanceof SlackApiException s && s.getResponse().code() == 429) {
            String header = s.getResponse().header("Retry-After");
            try {
                return Duration.ofSeconds(Long.parseLong(header == null ? "" : header.trim()));
            } catch (NumberFormatException notANumber) {
                return Duration.ofSeconds(60);
            }
        }
        return Duration.ZERO;
    }

    /** One envelope: dispatched like an HTTP request, then acknowledged with Bolt's answer. */
    void onMessage(String message) {
        JsonObject envelope;
        try {
            envelope = JsonParser.parseString(message).getAsJsonObject();
        } catch (RuntimeException e) {
            log.info("slack socket mode: unreadable message ignored");
            return;
        }
        String type = string(envelope, "type");
        String envelopeId = string(envelope, "envelope_id");
        if (envelopeId == null || !ENVELOPES.contains(type)) {
            return;
        }
        Request<?> request;
        try {
            SocketModeRequest parsed = parser.parse(message);
            request = parsed == null ? null : parsed.getBoltRequest();
        } catch (RuntimeException e) {
            log.info("slack socket mode: malformed {} envelope acknowledged and dropped", type);
            acknowledge(envelopeId, null);
            return;
        }
        Response response = dispatch.apply(request);
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status >= 500) {
            if ("slash_commands".equals(type)) {
                JsonObject sorry = new JsonObject();
                sorry.addProperty("response_type", "ephemeral");
                sorry.addProperty("text", SlackReplies.TRY_AGAIN);
                acknowledge(envelopeId, sorry);
            } else {
                // unacknowledged, Slack sends it again (as it does after an HTTP 5xx)
                log.warn(
                        "slack socket mode: {} envelope left for Slack to retry ({})",
                        type,
                        status);
            }
            return;
        }
        acknowledge(envelopeId, status == 200 ? payload(response) : null);
    }

    private void acknowledge(String envelopeId, JsonElement payload) {
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        if (payload != null) {
            ack.add("payload", payload);
        }
        synchronized (sending) {
            client.sendSocketModeResponse(ack.toString());
        }
    }

    /** Bolt's response body as an acknowledgement payload: its JSON, or plain text as text. */
    private static JsonElement payload(Response response) {
        String body = response.getBody();
        if (body == null || body.isBlank()) {
            return null;
        }
        String type = response.getContentType();
        if (type != null && type.startsWith("application/json")) {
            return JsonParser.parseString(body);
        }
        JsonObject text = new JsonObject();
        text.addProperty("text", body);
        return text;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}

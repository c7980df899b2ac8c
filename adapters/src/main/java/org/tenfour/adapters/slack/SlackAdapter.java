package org.tenfour.adapters.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.InboundUnavailableException;

/**
 * TenFour's Slack adapter: Bolt for Java behind Javalin handlers, and the Slack {@link
 * ChatPlatform}.
 *
 * <pre>{@code
 * SlackAdapter slack = new SlackAdapter(settings, handler, installations, ledger);
 * config.routes.post("/slack/events", slack.events());           // commands, interactivity, events
 * config.routes.get("/slack/install", slack.install());          // OAuth mode only
 * config.routes.get("/slack/oauth_redirect", slack.oauthRedirect());
 * }</pre>
 *
 * <p>Every request to {@link #events()} is signature-checked on its raw bytes before it is parsed;
 * events are acknowledged at once and handled on a small executor, each {@code event_id} once. With
 * an app-level token, {@link #start()} opens a Socket Mode link whose envelopes go through the same
 * {@link #dispatch} as HTTP requests.
 */
public final class SlackAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

    private final SlackSettings settings;
    private final SlackInstallations installations;
    private final SignatureCheck signatures;
    private final App app;
    private final SlackRequestParser parser;
    private final SlackPlatform platform;
    private final ExecutorService workers;
    private final SlackWebApi api;
    private final SocketModeLink socket;
    private final AtomicReference<String> ownTeam = new AtomicReference<>();

    /** An adapter with two event workers of its own and the system clock. */
    public SlackAdapter(
            SlackSettings settings,
            InboundHandler handler,
            SlackInstallations installations,
            EventLedger ledger) {
        this(
                settings,
                handler,
                installations,
                ledger,
                Executors.newFixedThreadPool(2, daemonThreads()),
                Clock.systemUTC());
    }

    /**
     * An adapter whose Events API work runs on {@code eventWorkers} (shut down by {@link #close()})
     * and whose signature and OAuth-state checks read {@code clock}.
     */
    public SlackAdapter(
            SlackSettings settings,
            InboundHandler handler,
            SlackInstallations installations,
            EventLedger ledger,
            ExecutorService eventWorkers,
            Clock clock) {
        this(
                settings,
                handler,
                installations,
                ledger,
                eventWorkers,
                clock,
                SocketModeLink.Timing.PRODUCTION);
    }

    /** As above, with the Socket Mode link's checks and retries timed by {@code timing}. */
    SlackAdapter(
            SlackSettings settings,
            InboundHandler handler,
            SlackInstallations installations,
            EventLedger ledger,
            ExecutorService eventWorkers,
            Clock clock,
            SocketModeLink.Timing timing) {
        this.settings = Objects.requireNonNull(settings, "null settings");
        Objects.requireNonNull(handler, "null handler");
        this.installations = Objects.requireNonNull(installations, "null installations");
        Objects.requireNonNull(ledger, "null ledger");
        this.workers = Objects.requireNonNull(eventWorkers, "null eventWorkers");
        Objects.requireNonNull(clock, "null clock");
        this.signatures =
                settings.signingSecret() == null
                        ? null
                        : new SignatureCheck(settings.signingSecret(), clock);
        Slack slack = BoltApps.slack(settings);
        SlackWebApi api = new SlackWebApi(slack);
        this.api = api;
        this.platform = new SlackPlatform(api, new Tokens(settings, installations));
        this.app =
                BoltApps.create(
                        settings,
                        slack,
                        installations,
                        clock,
                        installed -> installed(handler, installed));
        new InteractionListeners(handler, api).register(app);
        new EventListeners(handler, api, installations, ledger, workers).register(app);
        this.parser = new SlackRequestParser(app.config());
        this.socket =
                settings.socketMode()
                        ? new SocketModeLink(
                                slack, settings.appToken(), app.config(), this::dispatch, timing)
                        : null;
    }

    /**
     * With {@code SLACK_APP_TOKEN}, opens the Socket Mode link (and keeps it open, reconnecting
     * with backoff); without, does nothing. Call once the handler is ready for events.
     */
    public void start() {
        if (socket != null) {
            socket.start();
        }
    }

    /**
     * Whether Slack's requests reach this adapter: always over HTTP, over Socket Mode when open.
     */
    public boolean connected() {
        return socket == null || socket.connected();
    }

    /** {@code POST /slack/events}: slash commands, interactivity and the Events API. */
    public Handler events() {
        return this::handleEvents;
    }

    /** {@code GET /slack/install}: redirects to Slack's OAuth consent page (OAuth mode). */
    public Handler install() {
        return ctx -> handleOAuth(ctx, BoltApps.INSTALL_PATH);
    }

    /** {@code GET /slack/oauth_redirect}: where Slack sends the installer back (OAuth mode). */
    public Handler oauthRedirect() {
        return ctx -> handleOAuth(ctx, BoltApps.REDIRECT_PATH);
    }

    /** The outbound Slack platform. */
    public ChatPlatform platform() {
        return platform;
    }

    /**
     * Stops the event workers; events not yet handled are dropped (Slack does not resend
     * acknowledged ones).
     */
    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
        workers.shutdown();
        app.stop();
    }

    private void handleEvents(Context ctx) {
        if (signatures == null) {
            // Socket Mode without a signing secret: nothing arriving over HTTP can be Slack's
            BoltHttp.reply(ctx, 404, "this TenFour receives Slack over Socket Mode");
            return;
        }
        byte[] raw = ctx.bodyAsBytes();
        SignatureCheck.Verdict verdict =
                signatures.check(
                        ctx.header(SignatureCheck.TIMESTAMP_HEADER),
                        ctx.header(SignatureCheck.SIGNATURE_HEADER),
                        raw);
        if (verdict != SignatureCheck.Verdict.VALID) {
            log.info("slack request refused: {} from {}", verdict, ctx.ip());
            BoltHttp.reply(ctx, 401, "invalid request signature");
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        if (!form && !type.startsWith("application/json")) {
            BoltHttp.reply(ctx, 415, "unsupported content type");
            return;
        }
        if (form == body.stripLeading().startsWith("{")) {
            // Slack posts commands and interactivity as forms, events as JSON; anything else is not
            // Slack's
            BoltHttp.reply(ctx, 400, "body does not match its content type");
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(BoltHttp.request(ctx, ctx.path(), body));
        } catch (RuntimeException e) {
            log.info("slack request malformed: {}", e.getClass().getSimpleName());
            BoltHttp.reply(ctx, 400, "malformed payload");
            return;
        }
        BoltHttp.write(dispatch(request), ctx);
    }

    /**
     * Everything after the transport's own check (the HTTP signature, or the Socket Mode link
     * TenFour opened itself): the workspace check, the not-installed answer, Bolt's listeners with
     * their failures mapped to a status. Never throws.
     */
    Response dispatch(Request<?> request) {
        if (request == null || request.getContext() == null || isOAuth(request)) {
            return refusal(400, "unrecognised payload");
        }
        Optional<Boolean> ours = forThisWorkspace(request);
        if (ours.isEmpty()) {
            // fail closed: without knowing our workspace we cannot tell whose request this is
            return refusal(503, "workspace identity unknown; retry shortly");
        }
        if (!ours.get()) {
            log.info(
                    "slack {} for team={} refused: this TenFour serves one other workspace",
                    request.getRequestType(),
                    request.getContext().getTeamId());
            return refusal(403, "request for another workspace");
        }
        return notInstalled(request).orElseGet(() -> run(request));
    }

    private static Response refusal(int status, String shortReason) {
        return Response.builder()
                .statusCode(status)
                .contentType("application/json; charset=utf-8")
                .body("{\"error\":\"" + shortReason + "\"}")
                .build();
    }

    /**
     * In single-workspace mode, whether the request names the bot token's own workspace (learnt
     * once from {@code auth.test}); a request without a team id (url_verification, ssl_check)
     * passes. Empty when the own workspace is unknown ({@code auth.test} failing): the caller
     * refuses rather than guess.
     */
    private Optional<Boolean> forThisWorkspace(Request<?> request) {
        String team = request.getContext().getTeamId();
        if (settings.oauth() || team == null || team.isBlank()) {
            return Optional.of(true);
        }
        String own = ownTeam.get();
        if (own == null) {
            try {
                own = api.authTestTeam(settings.botToken());
            } catch (RuntimeException e) {
                log.warn(
                        "slack auth.test failed; request refused until it answers: {}",
                        e.getClass().getSimpleName());
                return Optional.empty();
            }
            if (own == null || own.isBlank()) {
                log.warn("slack auth.test named no workspace; request refused");
                return Optional.empty();
            }
            ownTeam.compareAndSet(null, own);
        }
        return Optional.of(own.equals(team));
    }

    private void handleOAuth(Context ctx, String requestUri) {
        if (!settings.oauth()) {
            ctx.status(404)
                    .contentType("text/plain; charset=utf-8")
                    .result(
                            "This TenFour serves one Slack workspace with a bot token; there is no install link.");
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(BoltHttp.request(ctx, requestUri, ""));
        } catch (RuntimeException e) {
            request = null;
        }
        if (request == null || request.getContext() == null || !isOAuth(request)) {
            ctx.status(400)
                    .contentType("text/plain; charset=utf-8")
                    .result("Invalid install request.");
            return;
        }
        BoltHttp.write(run(request), ctx);
    }

    private Response run(Request<?> request) {
        try {
            return app.run(request);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InboundUnavailableException unavailable) {
                    // the product cannot take it now: a clean 503 makes Slack retry events, and
                    // tells a person to retry
                    log.warn(
                            "slack {} request refused: {}",
                            request.getRequestType(),
                            unavailable.getMessage());
                    return Response.builder()
                            .statusCode(503)
                            .contentType("application/json; charset=utf-8")
                            .body("{\"error\":\"temporarily unavailable, retry shortly\"}")
                            .build();
                }
            }
            if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
                // a signed payload missing what a neutral event needs (no user, no workspace)
                log.info(
                        "slack {} request malformed: {}",
                        request.getRequestType(),
                        e.getClass().getSimpleName());
                return Response.builder()
                        .statusCode(400)
                        .contentType("application/json; charset=utf-8")
                        .body("{\"error\":\"malformed payload\"}")
                        .build();
            }
            log.warn(
                    "slack {} request failed: {}",
                    request.getRequestType(),
                    e.getClass().getSimpleName());
            return Response.builder()
                    .statusCode(500)
                    .contentType("application/json; charset=utf-8")
                    .body("{\"error\":\"internal error\"}")
                    .build();
        }
    }

    /**
     * In OAuth mode, a workspace without an installation gets a polite word instead of Bolt's 401.
     */
    private Optional<Response> notInstalled(Request<?> request) {
        RequestType type = request.getRequestType();
        if (!settings.oauth()
                || type == RequestType.UrlVerification
                || type == RequestType.SSLCheck
                || MiddlewareOps.isNoTokenRequiredRequest(request)) {
            return Optional.empty();
        }
        String team = request.getContext().getTeamId();
        if (team == null || installations.find(team).isPresent()) {
            return Optional.empty();
        }
        log.info("slack {} from team={} without an installation", type, team);
        if (type == RequestType.Command) {
            JsonObject body = new JsonObject();
            body.addProperty("response_type", "ephemeral");
            body.addProperty("text", SlackReplies.NOT_INSTALLED);
            return Optional.of(
                    Response.builder()
                            .statusCode(200)
                            .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                            .body(body.toString())
                            .build());
        }
        return Optional.of(Response.ok());
    }

    private static boolean isOAuth(Request<?> request) {
        return request.getRequestType() == RequestType.OAuthStart
                || request.getRequestType() == RequestType.OAuthCallback;
    }

    private void installed(InboundHandler handler, SlackInstallation installation) {
        log.info("slack app installed in team={}", installation.teamId());
        String installer =
                installation.installerUserId() == null
                        ? PayloadTranslator.SLACKBOT
                        : installation.installerUserId();
        try {
            handler.handle(
                    new InboundEvent.MembershipChanged(
                            PayloadTranslator.actor(installation.teamId(), installer),
                            InboundEvent.MembershipChanged.Change.BOT_INSTALLED,
                            PayloadTranslator.channel(
                                    installation.teamId(), installation.teamId())));
        } catch (RuntimeException e) {
            log.warn(
                    "handling the install of team={} failed: {}",
                    installation.teamId(),
                    e.getClass().getSimpleName());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "slack-events-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

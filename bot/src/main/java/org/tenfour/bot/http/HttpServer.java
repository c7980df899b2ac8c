package org.tenfour.bot.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.InboundUnavailableException;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.storage.Database;
import org.tenfour.storage.Failures;

/**
 * The public Javalin server: {@code /healthz}, {@code /readyz}, whatever the platforms mount, JSON
 * errors (404, 400 with a reason, 503 while stopping, 500 without details), one log line per
 * request, and a graceful stop that lets requests in flight finish.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String STARTED_AT = "tenfour.startedAt";
    private static final String ENTERED = "tenfour.entered";

    private final Javalin app;
    private final InFlight inFlight = new InFlight();

    /**
     * Builds the server.
     *
     * @param host the interface to listen on ({@code 0.0.0.0}: every one)
     * @param port the port, 0 for any free one
     * @param readiness what {@code /readyz} asks
     * @param metrics the registry every request is counted in (served by {@link ManagementServer},
     *     not here)
     * @param mounts routes the platforms add ({@code POST /slack/events}, {@code POST
     *     /api/messages})
     */
    public HttpServer(
            String host,
            int port,
            Readiness readiness,
            PrometheusMeterRegistry metrics,
            List<Consumer<RoutesConfig>> mounts) {
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            config.jetty.port = port;
                            config.jetty.host = "0.0.0.0".equals(host) ? null : host;
                            // Jetty's own graceful stop lets responses already produced reach the
                            // client.
                            config.jetty.modifyServer(
                                    server -> {
                                        server.setHandler(
                                                new org.eclipse.jetty.server.handler
                                                        .GracefulHandler());
                                        server.setStopTimeout(5_000);
                                    });
                            config.jsonMapper(new JavalinJackson(Jackson.MAPPER, false));
                            config.http.maxRequestSize = 1_000_000L;
                            config.routes.before(this::enter);
                            config.routes.after(ctx -> after(ctx, metrics));
                            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
                            // browsers ask for it on every page: an answer, not a 404 in the log
                            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
                            config.routes.get("/readyz", ctx -> ready(ctx, readiness));
                            mounts.forEach(m -> m.accept(config.routes));
                            config.routes.error(
                                    404,
                                    ctx -> {
                                        if (ctx.result() == null
                                                || ctx.result().isEmpty()
                                                || !isJson(ctx)) {
                                            ctx.json(
                                                    error(
                                                            "not found",
                                                            "no route for "
                                                                    + ctx.method()
                                                                    + " "
                                                                    + ctx.path()));
                                        }
                                    });
                            config.routes.exception(
                                    BadRequestException.class,
                                    (e, ctx) ->
                                            ctx.status(HttpStatus.BAD_REQUEST)
                                                    .json(error("bad request", e.getMessage())));
                            config.routes.exception(
                                    ServiceUnavailableException.class,
                                    (e, ctx) ->
                                            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                                                    .header("Retry-After", "5")
                                                    .json(error("unavailable", e.getMessage())));
                            config.routes.exception(
                                    InboundUnavailableException.class,
                                    (e, ctx) ->
                                            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                                                    .header("Retry-After", "5")
                                                    .json(error("unavailable", e.getMessage())));
                            config.routes.exception(
                                    HttpResponseException.class,
                                    (e, ctx) ->
                                            ctx.status(e.getStatus())
                                                    .json(
                                                            error(
                                                                    HttpStatus.forStatus(
                                                                                    e.getStatus())
                                                                            .getMessage(),
                                                                    e.getMessage())));
                            config.routes.exception(
                                    Exception.class,
                                    (e, ctx) -> {
                                        if (Database.isUnavailable(e)) {
                                            log.warn(
                                                    "request {} refused: database unreachable",
                                                    (Object) ctx.attribute(REQUEST_ID));
                                            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                                                    .header("Retry-After", "5")
                                                    .json(
                                                            error(
                                                                    "unavailable",
                                                                    "database unreachable; retry shortly"));
                                            return;
                                        }
                                        log.error(
                                                "request {} failed: {}",
                                                ctx.attribute(REQUEST_ID),
                                                Failures.describe(e));
                                        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                                                .json(
                                                        error(
                                                                "internal error",
                                                                "request "
                                                                        + ctx.attribute(REQUEST_ID)
                                                                        + " failed; it is logged"));
                                    });
                        });
    }

    /** A live-update stream (server-sent events) lasts as long as its page: long, not slow. */
    private static boolean isStream(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/event-stream");
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private void enter(Context ctx) {
        String id = UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID, id);
        ctx.attribute(STARTED_AT, System.nanoTime());
        ctx.header(REQUEST_ID, id);
        if (!inFlight.enter()) {
            throw new ServiceUnavailableException("the service is stopping; retry shortly");
        }
        ctx.attribute(ENTERED, true);
    }

    /** Answers at least this slow are logged at INFO (Slack gives up after 3 s). */
    static final long SLOW_MILLIS = 1_000;

    private void after(Context ctx, PrometheusMeterRegistry metrics) {
        if (Boolean.TRUE.equals(ctx.attribute(ENTERED))) {
            ctx.attribute(ENTERED, false);
            inFlight.exit();
        }
        Long started = ctx.attribute(STARTED_AT);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        String route = route(ctx);
        Timer.builder("tenfour.http.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics)
                .record(Duration.ofNanos(nanos));
        // never the query string: OAuth codes and states travel there. Every request is counted in
        // the
        // metrics above; the log gets refusals, failures and slow answers (the rest at DEBUG)
        long millis = nanos / 1_000_000;
        if (ctx.statusCode() >= 400 || (millis >= SLOW_MILLIS && !isStream(ctx))) {
            log.info(
                    "http {} {} {} {}ms request={}",
                    ctx.method(),
                    ctx.path(),
                    ctx.statusCode(),
                    millis,
                    ctx.attribute(REQUEST_ID));
        } else if (log.isDebugEnabled()) {
            log.debug(
                    "http {} {} {} {}ms request={}",
                    ctx.method(),
                    ctx.path(),
                    ctx.statusCode(),
                    millis,
                    ctx.attribute(REQUEST_ID));
        }
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private static void ready(Context ctx, Readiness readiness) {
        List<String> problems = readiness.problems();
        if (problems.isEmpty()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", "not ready", "reasons", problems));
        }
    }

    private static Map<String, String> error(String error, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("reason", reason);
        return body;
    }

    /** Starts listening. */
    public HttpServer start() {
        app.start();
        return this;
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Refuses new requests, waits up to {@code grace} for running ones, then stops the server. */
    public void stop(Duration grace) {
        try {
            if (!inFlight.drain(grace)) {
                log.warn("stopping with requests still running after {}", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }
}

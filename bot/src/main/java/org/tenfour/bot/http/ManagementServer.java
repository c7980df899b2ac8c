package org.tenfour.bot.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations listener ({@code GET /metrics}, Prometheus text) on the {@linkplain
 * ManagementSettings management address}, never on the public one. With a token, every request
 * needs {@code Authorization: Bearer <token>}; the comparison takes the same time whatever the
 * guess.
 */
public final class ManagementServer {
    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private final Javalin app;
    private final ManagementSettings settings;

    public ManagementServer(ManagementSettings settings, PrometheusMeterRegistry metrics) {
        this.settings = settings;
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            config.jetty.host = settings.host();
                            config.jetty.port = settings.port();
                            // a scrape every few seconds needs no more
                            config.jetty.threadPool = new QueuedThreadPool(4, 1);
                            config.routes.before(this::authorise);
                            config.routes.get(
                                    "/metrics",
                                    ctx ->
                                            ctx.contentType(
                                                            "text/plain; version=0.0.4; charset=utf-8")
                                                    .result(metrics.scrape()));
                            config.routes.error(
                                    404,
                                    ctx ->
                                            ctx.json(
                                                    Map.of(
                                                            "error",
                                                            "not found",
                                                            "reason",
                                                            "the management address serves /metrics only")));
                        });
    }

    private void authorise(Context ctx) {
        if (settings.token() == null) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
        if (!MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8))) {
            log.info("management request refused: no valid bearer token");
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a bearer token is required");
        }
    }

    /** Starts listening; a taken port stops the start (the address is configured, not guessed). */
    public ManagementServer start() {
        app.start();
        log.info("management endpoints on {}:{}", settings.host(), app.port());
        return this;
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}

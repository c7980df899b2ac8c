package org.tenfour.bot.sandbox;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.web.WebSandbox;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.outbox.OutboxSender;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Database;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Store;

/**
 * The sandbox is a sandbox: the whole product, run a second time on its own schema ({@value
 * #SCHEMA}, a separate copy of every table), its own {@link SandboxClock}, its own outbox sender
 * and its own demo agencies. Nothing it does — fast-forward included — can read, plan, send or
 * purge anything of a real agency, whose services keep running on the real clock.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    /** The schema the sandbox's copy of the tables lives in. */
    public static final String SCHEMA = "sandbox";

    private static final Duration TICK = Duration.ofMinutes(5);

    /** The sandbox's conversations, kept in the data directory like the sandbox clock. */
    static final String CONVERSATIONS = "sandbox-conversations.json";

    /** What the product gives the sandbox: its services, wired on the sandbox's own parts. */
    public record Services(
            InboundHandler inbound,
            OutboxSender sender,
            Runnable planAndNudge,
            Runnable periodic) {}

    /**
     * Builds the product's services on a database, a clock and platforms (the product's wiring).
     */
    @FunctionalInterface
    public interface Wiring {
        Services wire(Store store, Clock clock, Platforms platforms, Consumer<Agency> planNow);
    }

    private final Database database;
    private final WebSandbox web;
    private final Services services;
    private final ScheduledExecutorService ticker;
    private final boolean loopbackOnly;

    private Sandbox(
            Database database,
            WebSandbox web,
            Services services,
            ScheduledExecutorService ticker,
            boolean loopbackOnly) {
        this.database = database;
        this.web = web;
        this.services = services;
        this.ticker = ticker;
        this.loopbackOnly = loopbackOnly;
    }

    /**
     * Creates (or reopens) the sandbox schema next to {@code main}, wires the product on it with
     * the sandbox clock over {@code base}, seeds the demo agencies and starts its sender and jobs.
     *
     * @param loopbackOnly answer only this machine (Slack or Teams is configured too)
     */
    public static Sandbox start(
            Database main, Path dataDir, Clock base, boolean loopbackOnly, Wiring wiring) {
        Database database = main.schema(SCHEMA, 3);
        ScheduledExecutorService ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "sandbox-jobs");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            FastForward fastForward = FastForward.resume(base, dataDir);
            AtomicReference<Services> services = new AtomicReference<>();
            WebSandbox web =
                    new WebSandbox(
                            DemoData.WORKSPACES,
                            DemoData.PEOPLE,
                            DemoData.CHANNELS,
                            event -> services.get().inbound().handle(event),
                            fastForward.clock(),
                            fastForward,
                            Subcommand.vocabulary(),
                            dataDir.resolve(CONVERSATIONS));
            DemoData.FIRST_MESSAGES.forEach((person, text) -> web.guide(person.userId(), text));
            Services wired =
                    wiring.wire(
                            database.store(),
                            fastForward.clock(),
                            new Platforms(Map.of(Platform.WEB, web.platform())),
                            agency -> ticker.execute(() -> run(services.get().planAndNudge())));
            services.set(wired);
            wired.sender().start(Duration.ofMillis(500));
            fastForward.bind(wired.planAndNudge(), wired.sender()::runOnce);
            DemoSeed.seed(database.store(), wired.inbound());
            // names and time zones of the demo people, from the sandbox's directory
            wired.planAndNudge().run();
            // run() catches everything: a periodic task that threw would never run again
            var unused =
                    ticker.scheduleWithFixedDelay(
                            () -> run(wired.periodic()),
                            TICK.toSeconds(),
                            TICK.toSeconds(),
                            TimeUnit.SECONDS);
            log.warn(
                    "SANDBOX ON: /sandbox serves made-up demo agencies in their own schema '{}' on their own clock; "
                            + "{}",
                    SCHEMA,
                    loopbackOnly
                            ? "next to Slack/Teams it answers only this machine (loopback)"
                            : "anyone who can reach this port can act as any demo person");
            return new Sandbox(database, web, wired, ticker, loopbackOnly);
        } catch (RuntimeException e) {
            ticker.shutdownNow();
            database.close();
            throw e;
        }
    }

    private static void run(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("sandbox job failed: {}", Failures.describe(e));
        }
    }

    /** The page and its API, behind the sandbox's guard. */
    public Consumer<RoutesConfig> routes() {
        return web.routes(loopbackOnly);
    }

    /** Ends the live streams (before the HTTP server drains its requests on stop). */
    public void disconnect() {
        web.disconnect();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        services.sender().close();
        web.close();
        database.close();
    }
}

package org.tenfour.bot;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.adapters.teams.AppInstaller;
import org.tenfour.adapters.teams.TeamsSettings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.background.BackgroundPriority;
import org.tenfour.bot.checkin.CheckInJobs;
import org.tenfour.bot.http.HttpServer;
import org.tenfour.bot.http.ManagementServer;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.outbox.OutboxSender;
import org.tenfour.bot.platform.PlatformWiring;
import org.tenfour.bot.reach.TeamsReach;
import org.tenfour.bot.sandbox.Sandbox;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Database;
import org.tenfour.storage.KeyDerivation;
import org.tenfour.storage.Store;

/**
 * The running product: database (migrated), scheduler, HTTP server; started in that order and
 * stopped in the reverse one.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    /** Contacts in a week after which a peer is offered a debrief. */
    static final int WELLNESS_THRESHOLD = 8;

    private final Database database;
    private final Scheduling scheduling;
    private final HttpServer http;
    private final ManagementServer management;
    private final OutboxSender sender;
    private final PlatformWiring wiring;
    private final Sandbox sandbox;
    private final ExecutorService relaySender;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Application(
            Database database,
            Scheduling scheduling,
            HttpServer http,
            ManagementServer management,
            OutboxSender sender,
            PlatformWiring wiring,
            Sandbox sandbox,
            ExecutorService relaySender) {
        this.relaySender = relaySender;
        this.database = database;
        this.scheduling = scheduling;
        this.http = http;
        this.management = management;
        this.sender = sender;
        this.wiring = wiring;
        this.sandbox = sandbox;
    }

    /**
     * Starts everything; on failure, stops what was started and rethrows. Real agencies always run
     * on {@code baseClock}; the sandbox, when on, is a second copy of the product on its own schema
     * and its own clock ({@link Sandbox}).
     */
    public static Application start(Settings settings, Clock baseClock) {
        BackgroundPriority.configure(settings.backgroundNice());
        Database database = Database.open(settings.database());
        database.useJsonMapper(Jackson.MAPPER);
        Scheduling scheduling = null;
        PlatformWiring wiring = null;
        OutboxSender sender = null;
        ExecutorService relaySender = null;
        ManagementServer management = null;
        Sandbox sandbox = null;
        try {
            database.migrate();
            Store store = database.store();
            Store background = database.backgroundStore();
            AtomicReference<InboundHandler> inbound = new AtomicReference<>();
            MasterKey key = MasterKey.resolve(settings);
            wiring =
                    new PlatformWiring(
                            settings,
                            key.cipher(),
                            store,
                            baseClock,
                            event -> inbound.get().handle(event));
            relaySender = Executors.newFixedThreadPool(2, r -> new Thread(r, "relay-sender"));
            AtomicReference<Scheduling> started = new AtomicReference<>();
            Program real =
                    program(
                            store,
                            background,
                            baseClock,
                            new Platforms(wiring.platforms()),
                            key,
                            agency -> planSoon(started.get()),
                            relaySender,
                            database.listenForDirectoryChanges()::listening,
                            settings.instanceId(),
                            settings);
            inbound.set(real.inbound());
            List<Scheduling.Task> tasks = new ArrayList<>(real.tasks());
            Optional<AppInstaller> installer = wiring.teamsInstaller();
            if (installer.isPresent()) {
                TeamsSettings teams = settings.teams().orElseThrow();
                tasks.addAll(
                        new TeamsReach(
                                        store,
                                        baseClock,
                                        installer.get(),
                                        teams.proactiveInstall(),
                                        teams.tenantId())
                                .tasks());
            }
            scheduling =
                    Scheduling.start(
                            database.backgroundDataSource(),
                            settings.instanceId(),
                            tasks,
                            // turned off: no replica runs it, nothing calls Graph
                            installer.isEmpty() ? List.of(TeamsReach.JOB) : List.of());
            started.set(scheduling);
            sender = real.sender();
            sender.start(Duration.ofMillis(500));
            List<Consumer<RoutesConfig>> mounts = new ArrayList<>(wiring.mounts());
            if (settings.sandbox()) {
                ExecutorService relays = relaySender;
                sandbox =
                        Sandbox.start(
                                database,
                                settings.dataDir(),
                                baseClock,
                                settings.slack().isPresent() || settings.teams().isPresent(),
                                (sandboxJdbi, sandboxClock, platforms, planNow) ->
                                        sandboxServices(
                                                program(
                                                        sandboxJdbi,
                                                        sandboxJdbi,
                                                        sandboxClock,
                                                        platforms,
                                                        key,
                                                        planNow,
                                                        relays,
                                                        () -> false,
                                                        settings.instanceId() + "-sandbox",
                                                        settings)));
                mounts.add(sandbox.routes());
            }
            PrometheusMeterRegistry metrics = metrics();
            database.trackPools(new MicrometerMetricsTrackerFactory(metrics));
            management = new ManagementServer(settings.management(), metrics).start();
            HttpServer http =
                    new HttpServer(
                            settings.bind(),
                            settings.port(),
                            new ServiceReadiness(database, scheduling::running),
                            metrics,
                            mounts);
            http.start();
            PlatformWiring platformsUp = wiring;
            Gauge.builder("tenfour_slack_connected", () -> platformsUp.slackConnected() ? 1 : 0)
                    .description(
                            "1 while Slack's requests can reach this replica (Socket Mode link open, or HTTP)")
                    .register(metrics);
            FunctionCounter.builder("tenfour_outbox_paced", sender, OutboxSender::pacedDeferrals)
                    .description(
                            "Times a message was put back to wait for its conversation's next slot (one message per conversation per interval)")
                    .register(metrics);
            wiring.start();
            log.info("TenFour ready on port {} (instance {})", http.port(), settings.instanceId());
            return new Application(
                    database, scheduling, http, management, sender, wiring, sandbox, relaySender);
        } catch (RuntimeException e) {
            if (management != null) {
                management.stop();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            if (relaySender != null) {
                relaySender.shutdownNow();
            }
            if (sender != null) {
                sender.close();
            }
            if (scheduling != null) {
                scheduling.close();
            }
            if (wiring != null) {
                wiring.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * One copy of the product on one database and one clock: the real agencies', and the sandbox's
     * on its own schema. Requests use {@code store}, background work {@code background}.
     */
    private static Program program(
            Store store,
            Store background,
            Clock clock,
            Platforms platforms,
            MasterKey key,
            Consumer<Agency> planNow,
            ExecutorService relaySender,
            BooleanSupplier directoryWatched,
            String worker,
            Settings settings) {
        // outbox keys and reminder tags are keyed hashes: no row names a person to a DBA
        store.keyedHashes().useKey(key.subkey(KeyDerivation.KEYED_HASHES));
        background.keyedHashes().useKey(key.subkey(KeyDerivation.KEYED_HASHES));
        return new Program(
                store,
                background,
                new Program.Options(
                        clock,
                        platforms,
                        key.pseudonymKeys(),
                        RetentionPolicy.fixed(RetentionPolicy.DEFAULT),
                        WELLNESS_THRESHOLD,
                        relaySender,
                        directoryWatched,
                        worker,
                        true,
                        new CommandRate(settings.commandRate(), clock),
                        settings.sending()),
                planNow);
    }

    /** The sandbox's view: its jobs run in-process (no Quartz), all of them on each tick. */
    private static Sandbox.Services sandboxServices(Program program) {
        return new Sandbox.Services(
                program.inbound(),
                program.sender(),
                () -> {
                    program.checkIns().planAll();
                    program.checkIns().nudgeAll();
                },
                () -> program.tasks().forEach(t -> t.work().run()));
    }

    /**
     * Asks the scheduler for a planning pass soon, off the request's thread; it also runs on its
     * schedule.
     */
    private static void planSoon(Scheduling scheduling) {
        if (scheduling == null) {
            return; // an event before the scheduler started: the first scheduled pass plans it
        }
        scheduling.triggerSoon(CheckInJobs.PLAN_JOBS);
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Whether the browser sandbox runs (at {@code /sandbox}). */
    public boolean sandbox() {
        return sandbox != null;
    }

    /** The HTTP port. */
    public int port() {
        return http.port();
    }

    /** The management port ({@code /metrics}). */
    public int managementPort() {
        return management.port();
    }

    /** Stops: HTTP (letting requests finish), scheduler, pool, embedded database. Idempotent. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("stopping");
        if (sandbox != null) {
            sandbox.disconnect();
        }
        http.stop(GRACE);
        management.stop();
        if (sandbox != null) {
            sandbox.close();
        }
        relaySender.shutdown();
        sender.close();
        scheduling.close();
        wiring.close();
        database.close();
        log.info("stopped cleanly");
    }
}

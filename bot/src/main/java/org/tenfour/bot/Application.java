package org.tenfour.bot;

import io.javalin.config.RoutesConfig;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.checkin.CheckInAnswers;
import org.tenfour.bot.checkin.CheckInJobs;
import org.tenfour.bot.checkin.CheckInPlanner;
import org.tenfour.bot.checkin.IncidentCommands;
import org.tenfour.bot.checkin.MemberCommands;
import org.tenfour.bot.checkin.ProgramCommands;
import org.tenfour.bot.checkin.RosterCommands;
import org.tenfour.bot.connect.Connect;
import org.tenfour.bot.connect.ConnectJobs;
import org.tenfour.bot.http.HttpServer;
import org.tenfour.bot.http.ManagementServer;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Inbound;
import org.tenfour.bot.install.InstallGrants;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.log.LogCommands;
import org.tenfour.bot.log.LogJobs;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.oncall.IncidentCallOut;
import org.tenfour.bot.oncall.OnCallCommands;
import org.tenfour.bot.oncall.OnCallJobs;
import org.tenfour.bot.outbox.OutboxSender;
import org.tenfour.bot.platform.PlatformWiring;
import org.tenfour.bot.privacy.MemberData;
import org.tenfour.bot.privacy.PrivacyRetention;
import org.tenfour.bot.report.ReportCommands;
import org.tenfour.bot.sandbox.Sandbox;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Database;
import org.tenfour.storage.Failures;
import org.tenfour.storage.KeyDerivation;
import org.tenfour.storage.KeyedHashes;
import org.tenfour.storage.Migrations;

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
        Database database = Database.open(settings.database());
        Scheduling scheduling = null;
        PlatformWiring wiring = null;
        OutboxSender sender = null;
        ExecutorService relaySender = null;
        ManagementServer management = null;
        Sandbox sandbox = null;
        try {
            database.migrate();
            Jdbi jdbi = database.jdbi();
            AtomicReference<InboundHandler> inbound = new AtomicReference<>();
            MasterKey key = MasterKey.resolve(settings);
            wiring =
                    new PlatformWiring(
                            settings,
                            key.cipher(),
                            jdbi,
                            baseClock,
                            event -> inbound.get().handle(event));
            relaySender = Executors.newFixedThreadPool(2, r -> new Thread(r, "relay-sender"));
            AtomicReference<Scheduling> started = new AtomicReference<>();
            World real =
                    World.wire(
                            jdbi,
                            baseClock,
                            new Platforms(wiring.platforms()),
                            key,
                            agency -> triggerer(started.get(), CheckInJobs.PLAN).accept(agency),
                            relaySender,
                            database.listenForDirectoryChanges()::listening,
                            settings.instanceId(),
                            settings.commandRate());
            inbound.set(real.inbound());
            scheduling =
                    Scheduling.start(database.dataSource(), settings.instanceId(), real.tasks());
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
                                        World.wire(
                                                        sandboxJdbi,
                                                        sandboxClock,
                                                        platforms,
                                                        key,
                                                        planNow,
                                                        relays,
                                                        () -> false,
                                                        settings.instanceId() + "-sandbox",
                                                        settings.commandRate())
                                                .forSandbox());
                mounts.add(sandbox.routes());
            }
            PrometheusMeterRegistry metrics = metrics();
            Scheduling sched = scheduling;
            management = new ManagementServer(settings.management(), metrics).start();
            HttpServer http =
                    new HttpServer(
                            settings.bind(),
                            settings.port(),
                            () -> problems(database, sched),
                            metrics,
                            mounts);
            http.start();
            PlatformWiring platformsUp = wiring;
            Gauge.builder("tenfour_slack_connected", () -> platformsUp.slackConnected() ? 1 : 0)
                    .description(
                            "1 while Slack's requests can reach this replica (Socket Mode link open, or HTTP)")
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

    /** One copy of the product's services on one database and one clock. */
    private record World(
            Inbound inbound, OutboxSender sender, CheckInJobs jobs, List<Scheduling.Task> tasks) {

        static World wire(
                Jdbi jdbi,
                Clock clock,
                Platforms platforms,
                MasterKey key,
                Consumer<Agency> planNow,
                ExecutorService relaySender,
                BooleanSupplier directoryWatched,
                String worker,
                int commandRate) {
            // outbox keys and reminder tags are keyed hashes: no row names a person to a DBA
            jdbi.getConfig(KeyedHashes.class).useKey(key.subkey(KeyDerivation.KEYED_HASHES));
            CheckInJobs jobs = new CheckInJobs(jdbi, clock, platforms);
            LogJobs logJobs =
                    new LogJobs(
                            jdbi,
                            clock,
                            key.pseudonymKeys(),
                            RetentionPolicy.fixed(RetentionPolicy.DEFAULT));
            ConnectJobs connectJobs = new ConnectJobs(jdbi, clock);
            List<Scheduling.Task> tasks = new ArrayList<>(jobs.tasks());
            tasks.addAll(logJobs.tasks());
            tasks.addAll(connectJobs.tasks());
            tasks.addAll(new PrivacyRetention(jdbi, clock).tasks());
            tasks.addAll(new OnCallJobs(jdbi, clock).tasks());
            IncidentCallOut callOuts = new IncidentCallOut(jdbi, clock);
            tasks.addAll(callOuts.tasks());
            Connect connect = new Connect(jdbi, clock, platforms, relaySender);
            List<Feature> features =
                    new ArrayList<>(
                            List.of(
                                    new ProgramCommands(jdbi, clock, platforms, planNow),
                                    new RosterCommands(jdbi, clock, planNow, connect.directory()),
                                    new MemberCommands(jdbi, clock),
                                    new IncidentCommands(
                                            jdbi,
                                            clock,
                                            platforms,
                                            new CheckInPlanner(jdbi, clock)),
                                    new CheckInAnswers(jdbi, clock, connect.checkInTalk()),
                                    new LogCommands(
                                            jdbi, clock, key.pseudonymKeys(), WELLNESS_THRESHOLD),
                                    new ReportCommands(jdbi, clock, key.pseudonymKeys())));
            features.add(new MemberData(jdbi, clock));
            features.add(new InstallGrants(jdbi, clock));
            features.add(new OnCallCommands(jdbi, clock));
            features.add(callOuts);
            features.addAll(connect.features());
            Inbound inbound =
                    new Inbound(
                            jdbi,
                            features,
                            clock,
                            directoryWatched,
                            new CommandRate(commandRate, clock));
            OutboxSender sender =
                    new OutboxSender(
                            jdbi,
                            platforms.all(),
                            List.of(CheckInPlanner::onDelivered),
                            List.of(CheckInPlanner::stillWanted, IncidentCallOut::stillWanted),
                            clock,
                            worker,
                            true);
            return new World(inbound, sender, jobs, tasks);
        }

        /** The sandbox's view: its jobs run in-process (no Quartz), all of them on each tick. */
        Sandbox.Services forSandbox() {
            return new Sandbox.Services(
                    inbound,
                    sender,
                    () -> {
                        jobs.planAll();
                        jobs.nudgeAll();
                    },
                    () -> tasks.forEach(t -> t.work().run()));
        }
    }

    private static Consumer<Agency> triggerer(Scheduling scheduling, JobKey job) {
        return agency -> {
            try {
                scheduling.scheduler().triggerJob(job);
            } catch (SchedulerException e) {
                log.warn(
                        "could not trigger {} now; it runs on its schedule: {}",
                        job,
                        Failures.describe(e));
            }
        };
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

    private static List<String> problems(Database database, Scheduling scheduling) {
        List<String> problems = new ArrayList<>();
        if (!database.reachable()) {
            problems.add("database unreachable");
        } else if (!Migrations.upToDate(database.dataSource())) {
            problems.add("database migrations pending");
        }
        if (!scheduling.running()) {
            problems.add("scheduler not running");
        }
        return problems;
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

package org.tenfour.bot;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.http.HttpServer;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Database;
import org.tenfour.storage.Migrations;

/**
 * The running product: database (migrated), scheduler, HTTP server; started in that order and
 * stopped in the reverse one.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Database database;
    private final Scheduling scheduling;
    private final HttpServer http;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Application(Database database, Scheduling scheduling, HttpServer http) {
        this.database = database;
        this.scheduling = scheduling;
        this.http = http;
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    public static Application start(Settings settings, Clock clock) {
        Database database = Database.open(settings.database());
        Scheduling scheduling = null;
        try {
            database.migrate();
            scheduling = Scheduling.start(database.dataSource(), settings.instanceId(), Map.of());
            PrometheusMeterRegistry metrics = metrics();
            Scheduling sched = scheduling;
            HttpServer http = new HttpServer(settings.port(), () -> problems(database, sched), metrics, List.of());
            http.start();
            log.info("TenFour ready on port {} (instance {})", http.port(), settings.instanceId());
            return new Application(database, scheduling, http);
        } catch (RuntimeException e) {
            if (scheduling != null) {
                scheduling.close();
            }
            database.close();
            throw e;
        }
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

    /** The HTTP port. */
    public int port() {
        return http.port();
    }

    /** Stops: HTTP (letting requests finish), scheduler, pool, embedded database. Idempotent. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("stopping");
        http.stop(GRACE);
        scheduling.close();
        database.close();
        log.info("stopped cleanly");
    }
}

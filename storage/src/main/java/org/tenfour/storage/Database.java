package org.tenfour.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running database: an external PostgreSQL or the embedded one, and HikariCP pools, each with a
 * configured {@link Jdbi}: one for requests, one for background work (the scheduler's jobs and the
 * outbox sender), and one connection for readiness checks. Background work, however busy (a
 * statewide planning pass), can only ever hold its own pool's connections, so a request never waits
 * behind it for one, and {@code /readyz} never waits behind either.
 *
 * <pre>{@code
 * try (Database db = Database.open(settings)) {
 *     db.migrate();
 *     Agencies agencies = db.jdbi().onDemand(Agencies.class);
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Connections kept for readiness checks (Flyway's look at pending migrations takes two). */
    private static final int HEALTH_CONNECTIONS = 2;

    private static final long REQUEST_WAIT_MILLIS = 3_000;

    /**
     * Request connections kept open while idle: a burst opens more (up to the pool's size), given
     * back after a minute. Each open connection is a PostgreSQL process of 3–5 MB (PSS), so keeping
     * all ten open idle was a third of the embedded database's idle memory (bench/run.sh delivery).
     */
    private static final int REQUEST_IDLE = 2;

    private static final long BACKGROUND_WAIT_MILLIS = 30_000;

    private final EmbeddedDatabase embedded;
    private final HikariDataSource pool;
    private final HikariDataSource background;
    private final HikariDataSource health;
    private final Jdbi jdbi;
    private final Jdbi backgroundJdbi;
    private final String user;
    private final String password;
    private DirectoryListener listener;

    private Database(
            EmbeddedDatabase embedded,
            HikariDataSource pool,
            HikariDataSource background,
            HikariDataSource health,
            String user,
            String password) {
        this.embedded = embedded;
        this.pool = pool;
        this.background = background;
        this.health = health;
        this.user = user;
        this.password = password;
        this.jdbi = configure(Jdbi.create(pool));
        this.backgroundJdbi = background == pool ? jdbi : configure(Jdbi.create(background));
    }

    /** Starts the embedded server if needed and opens a pool; does not migrate. */
    public static Database open(DatabaseSettings settings) {
        EmbeddedDatabase embedded = null;
        String url = settings.jdbcUrl();
        String user = settings.user();
        String password = settings.password();
        if (settings.embedded()) {
            embedded = EmbeddedDatabase.start(settings.dataDir());
            url = embedded.jdbcUrl();
            user = "postgres";
            password = null;
        }
        HikariDataSource requests = null;
        HikariDataSource background = null;
        HikariDataSource health = null;
        try {
            // requests fail fast while the database is down: callers answer 503, not hang
            requests =
                    pool(
                            url,
                            user,
                            password,
                            "tenfour",
                            settings.poolSize(),
                            Math.min(REQUEST_IDLE, settings.poolSize()),
                            REQUEST_WAIT_MILLIS,
                            null);
            // background work has no one waiting for its answer: it waits its turn (a delivery
            // being recorded must not give up because planning holds the other connections)
            background =
                    settings.backgroundPoolSize() == 0
                            ? requests
                            : pool(
                                    url,
                                    user,
                                    password,
                                    "tenfour-background",
                                    settings.backgroundPoolSize(),
                                    1,
                                    BACKGROUND_WAIT_MILLIS,
                                    null);
            health =
                    pool(
                            url,
                            user,
                            password,
                            "tenfour-health",
                            HEALTH_CONNECTIONS,
                            1,
                            REQUEST_WAIT_MILLIS,
                            null);
            return new Database(embedded, requests, background, health, user, password);
        } catch (RuntimeException e) {
            for (HikariDataSource p :
                    new LinkedHashSet<>(Arrays.asList(health, background, requests))) {
                if (p != null) {
                    p.close();
                }
            }
            if (embedded != null) {
                embedded.close();
            }
            throw new StorageException(
                    "could not connect to " + settings + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies JDBI's plugins the repositories need, and watches for writes to the directory. A
     * failed statement's exception carries neither the statement's bound values nor its SQL: values
     * can be names or text, and exception messages end up in logs.
     */
    public static Jdbi configure(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setSqlLogger(new DirectoryChanges.WriteWatcher());
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.NONE);
        StoredWords words = new StoredWords();
        return jdbi.installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin())
                .installPlugin(new Jackson2Plugin())
                .registerArgument(words)
                .registerColumnMapper(words);
    }

    /**
     * Starts hearing committed directory changes on a connection of its own (see {@link
     * DirectoryListener}); stopped by {@link #close()}.
     */
    public synchronized DirectoryListener listenForDirectoryChanges() {
        if (listener == null) {
            listener = DirectoryListener.start(pool.getJdbcUrl(), user, password);
        }
        return listener;
    }

    /**
     * A separate copy of the whole schema in {@code schema} on the same server (created and
     * migrated here), with a small pool of its own whose statements see only that schema: what runs
     * there cannot read or change a row of this database's own tables. Closing it leaves the server
     * running.
     */
    public Database schema(String schema, int poolSize) {
        if (!schema.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        HikariDataSource separate =
                pool(
                        pool.getJdbcUrl(),
                        user,
                        password,
                        "tenfour-" + schema,
                        poolSize,
                        poolSize,
                        REQUEST_WAIT_MILLIS,
                        schema);
        try {
            int applied = Migrations.apply(separate, schema);
            log.info("schema {} ready ({} migrations applied)", schema, applied);
            Database database = new Database(null, separate, separate, separate, user, password);
            database.useJsonMapper(jdbi.getConfig(Jackson2Config.class).getMapper());
            return database;
        } catch (RuntimeException e) {
            separate.close();
            throw new StorageException(
                    "could not create or migrate schema " + schema + ": " + Failures.describe(e),
                    e);
        }
    }

    /**
     * A pool named {@code name} of at most {@code size} connections, keeping {@code idle} open,
     * whose callers wait up to {@code waitMillis} for one; with a {@code schema}, its statements
     * see only that schema.
     */
    private static HikariDataSource pool(
            String url,
            String user,
            String password,
            String name,
            int size,
            int idle,
            long waitMillis,
            String schema) {
        HikariConfig config = new HikariConfig();
        if (schema != null) {
            config.addDataSourceProperty("currentSchema", schema);
        }
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        if (idle < size) {
            // a pool that is mostly idle gives back what a burst opened, after a minute
            config.setMinimumIdle(idle);
            config.setIdleTimeout(60_000);
        }
        // The driver would put a failed statement's values in its messages ("Key (x)=(…)").
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.setConnectionTimeout(waitMillis);
        config.setValidationTimeout(2_000);
        // Start even if the database is momentarily unreachable; readiness reports it.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Applies pending migrations. */
    public int migrate() {
        int applied = Migrations.apply(pool);
        log.info("database migrations applied: {}", applied);
        return applied;
    }

    /**
     * Whether a trivial query answers within two seconds, on the readiness connection (never one a
     * request or background work is using).
     */
    public boolean reachable() {
        try (Connection c = health.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether {@code failure} means the database cannot be reached right now (the pool's connection
     * timeout, a refused or broken connection, a server shutting down) rather than a bad statement:
     * callers answer such failures with 503 and a retry, not 500.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every migration this build knows has been applied (asked on the readiness pool). */
    public boolean migrationsUpToDate() {
        return Migrations.upToDate(health);
    }

    /**
     * JSON columns are read and written with {@code mapper}: the product's one configured {@link
     * ObjectMapper} rather than the plugin's own (for requests and background work alike).
     */
    public void useJsonMapper(ObjectMapper mapper) {
        jdbi.getConfig(Jackson2Config.class).setMapper(mapper);
        if (backgroundJdbi != jdbi) {
            backgroundJdbi.getConfig(Jackson2Config.class).setMapper(mapper);
        }
    }

    /** The configured JDBI requests use (storage's own use, and tests). */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The configured JDBI of background work (storage's own use, and tests). */
    public Jdbi backgroundJdbi() {
        return backgroundJdbi;
    }

    /** The repositories and units of work requests use. */
    public Store store() {
        return Store.of(jdbi);
    }

    /**
     * The repositories and units of work of background work: the scheduled jobs and the outbox
     * sender.
     */
    public Store backgroundStore() {
        return Store.of(backgroundJdbi);
    }

    /** The requests' connection pool. */
    public DataSource dataSource() {
        return pool;
    }

    /** The background work's connection pool (the scheduler's job store uses it too). */
    public DataSource backgroundDataSource() {
        return background;
    }

    /**
     * Reports every pool's connection use (in use, waiting, time to get one) through {@code
     * factory}, each under its pool's name ({@code tenfour}, {@code tenfour-background}, {@code
     * tenfour-health}). Call once.
     */
    public void trackPools(MetricsTrackerFactory factory) {
        for (HikariDataSource p : new LinkedHashSet<>(List.of(pool, background, health))) {
            p.setMetricsTrackerFactory(factory);
        }
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        synchronized (this) {
            if (listener != null) {
                listener.close();
            }
        }
        if (health != pool) {
            health.close();
        }
        if (background != pool) {
            background.close();
        }
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}

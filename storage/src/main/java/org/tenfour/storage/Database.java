package org.tenfour.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
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
 * The running database: an external PostgreSQL or the embedded one, a HikariCP pool and a
 * configured {@link Jdbi}.
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

    private final EmbeddedDatabase embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String user;
    private final String password;
    private DirectoryListener listener;

    private Database(
            EmbeddedDatabase embedded, HikariDataSource pool, String user, String password) {
        this.embedded = embedded;
        this.pool = pool;
        this.user = user;
        this.password = password;
        this.jdbi = configure(Jdbi.create(pool));
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
        try {
            return new Database(
                    embedded, pool(url, user, password, settings.poolSize()), user, password);
        } catch (RuntimeException e) {
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
        HikariDataSource separate = pool(pool.getJdbcUrl(), user, password, poolSize, schema);
        try {
            int applied = Migrations.apply(separate, schema);
            log.info("schema {} ready ({} migrations applied)", schema, applied);
            Database database = new Database(null, separate, user, password);
            database.useJsonMapper(jdbi.getConfig(Jackson2Config.class).getMapper());
            return database;
        } catch (RuntimeException e) {
            separate.close();
            throw new StorageException(
                    "could not create or migrate schema " + schema + ": " + Failures.describe(e),
                    e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        return pool(url, user, password, size, null);
    }

    private static HikariDataSource pool(
            String url, String user, String password, int size, String schema) {
        HikariConfig config = new HikariConfig();
        if (schema != null) {
            config.addDataSourceProperty("currentSchema", schema);
            config.setPoolName("tenfour-" + schema);
        }
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        if (schema == null) {
            config.setPoolName("tenfour");
        }
        // The driver would put a failed statement's values in its messages ("Key (x)=(…)").
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // Fail fast while the database is down: callers answer 503 instead of hanging.
        config.setConnectionTimeout(3_000);
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

    /** Whether a trivial query answers within two seconds. */
    public boolean reachable() {
        try (Connection c = pool.getConnection();
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

    /**
     * JSON columns are read and written with {@code mapper}: the product's one configured {@link
     * ObjectMapper} rather than the plugin's own.
     */
    public void useJsonMapper(ObjectMapper mapper) {
        jdbi.getConfig(Jackson2Config.class).setMapper(mapper);
    }

    /** The configured JDBI (storage's own use, and tests). */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The repositories and units of work the domain uses. */
    public Store store() {
        return Store.of(jdbi);
    }

    /** The connection pool (Quartz uses it too). */
    public DataSource dataSource() {
        return pool;
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        synchronized (this) {
            if (listener != null) {
                listener.close();
            }
        }
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}

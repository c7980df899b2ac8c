package org.tenfour.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL per test run; each test class gets a fresh database cloned from a
 * template that the production Flyway migrations built. Inject {@link TestDatabase} into a
 * constructor, a {@code @BeforeAll} or a test method.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MembersTest {
 *     MembersTest(TestDatabase db) { this.jdbi = db.jdbi(); }
 * }
 * }</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final String TEMPLATE = "tenfour_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext
                .getStore(NS)
                .getOrComputeIfAbsent(
                        "db", k -> createDatabase(server(context)), TestDatabase.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent("server", k -> Server.start(), Server.class);
    }

    private static TestDatabase createDatabase(Server server) {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        server.execute("create database " + name + " template " + TEMPLATE);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.embedded.jdbcUrl(name));
        ds.setUser("postgres");
        return new TestDatabase(
                name, server.embedded.jdbcUrl(name), ds, Database.configure(Jdbi.create(ds)));
    }

    /** The one server of this run, closed when the run ends. */
    static final class Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final EmbeddedDatabase embedded;
        private final Path dir;

        private Server(EmbeddedDatabase embedded, Path dir) {
            this.embedded = embedded;
            this.dir = dir;
        }

        static Server start() {
            try {
                Path dir = Files.createTempDirectory("tenfour-test-pg");
                // throw-away databases: commits need not wait for the disk
                EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, false);
                Server server = new Server(embedded, dir);
                server.execute("create database " + TEMPLATE);
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(embedded.jdbcUrl(TEMPLATE));
                ds.setUser("postgres");
                Migrations.apply(ds);
                return server;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test PostgreSQL", e);
            }
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(embedded.jdbcUrl(), "postgres", null);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            embedded.close();
            // inline rather than TestFiles: this runs as the test JVM shuts down
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}

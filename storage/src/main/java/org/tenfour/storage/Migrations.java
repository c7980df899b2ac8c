package org.tenfour.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations in {@code db/migration}; the same ones in production and in tests.
 */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations; returns how many were applied. */
    public static int apply(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        return result.migrationsExecuted;
    }

    /**
     * Applies the same migrations inside {@code schema} (created if missing), with its own history:
     * a second, separate copy of the whole schema on the same server.
     */
    public static int apply(DataSource dataSource, String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** Whether every known migration has been applied. */
    public static boolean upToDate(DataSource dataSource) {
        return flyway(dataSource).info().pending().length == 0;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }
}

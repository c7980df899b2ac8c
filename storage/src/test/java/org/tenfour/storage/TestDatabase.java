package org.tenfour.storage;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, fully migrated database of the test run's embedded PostgreSQL, owned by one test class.
 *
 * @param name the database's name
 * @param jdbcUrl its JDBC URL (user {@code postgres}, no password)
 */
public record TestDatabase(String name, String jdbcUrl, DataSource dataSource, Jdbi jdbi) {

    /** The store the domain's code uses, over this database. */
    public Store store() {
        return Store.of(jdbi);
    }

    /** Settings that point the production code at this database. */
    public DatabaseSettings settings(Path dataDir) {
        return new DatabaseSettings(jdbcUrl, "postgres", null, dataDir, 4);
    }
}

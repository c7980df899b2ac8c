package org.tenfour.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL of an external server, or null for the embedded one
 * @param user user for the external server (may be null when the URL carries it)
 * @param password password for the external server (may be null)
 * @param dataDir directory under which the embedded server keeps its data ({@code <dataDir>/pg})
 * @param poolSize maximum connections in the pool requests use
 * @param backgroundPoolSize maximum connections of background work (scheduled jobs, the outbox
 *     sender) in a pool of its own; 0: background work shares the requests' pool
 */
public record DatabaseSettings(
        String jdbcUrl,
        String user,
        String password,
        Path dataDir,
        int poolSize,
        int backgroundPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(dataDir, "null dataDir");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a jdbc:postgresql: URL: " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        if (backgroundPoolSize < 0) {
            throw new IllegalArgumentException(
                    "backgroundPoolSize must not be negative: " + backgroundPoolSize);
        }
    }

    /** One pool of {@code poolSize} for requests and background work alike. */
    public DatabaseSettings(
            String jdbcUrl, String user, String password, Path dataDir, int poolSize) {
        this(jdbcUrl, user, password, dataDir, poolSize, 0);
    }

    /** Whether the embedded PostgreSQL is used. */
    public boolean embedded() {
        return jdbcUrl == null;
    }

    @Override
    public String toString() {
        // never print the password
        return "DatabaseSettings[" + (embedded() ? "embedded at " + dataDir : jdbcUrl) + "]";
    }
}

package org.tenfour.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A generation number that moves whenever the directory ({@code agency}, {@code member}, {@code
 * peer}) may have changed, so a cache of who is who can tell that it must forget.
 *
 * <p>Two sources move it: every statement run in this JVM through a {@link Database#configure
 * configured} JDBI that writes one of those tables (seen at once, before the next request of the
 * same flow), and {@link DirectoryListener}, which hears the database's notification of every
 * committed change, including those made by other replicas or by hand. The generation is per JVM on
 * purpose: test fixtures and the product may use different JDBI instances on one database.
 */
public final class DirectoryChanges {
    private static final AtomicLong GENERATION = new AtomicLong();
    private static final Pattern WRITE =
            Pattern.compile(
                    "(?is).*\\b(insert\\s+into|update|delete\\s+from|truncate(\\s+table)?)\\s+(only\\s+)?(agency|member|peer)\\b.*");
    // statements with inlined values would otherwise grow it without bound
    private static final Cache<String, Boolean> VERDICTS =
            Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .expireAfterAccess(Duration.ofHours(1))
                    .executor(Runnable::run)
                    .build();

    private DirectoryChanges() {}

    /** The current generation; a different value later means the directory may have changed. */
    public static long generation() {
        return GENERATION.get();
    }

    /** Records that the directory may have changed. */
    public static void changed() {
        GENERATION.incrementAndGet();
    }

    /** Whether {@code sql} writes a directory table (decided once per distinct statement text). */
    static boolean writesDirectory(String sql) {
        if (sql == null) {
            return false;
        }
        return VERDICTS.get(sql, s -> WRITE.matcher(s).matches());
    }

    /**
     * The JDBI hook: moves the generation after (and also when failing) a statement that writes the
     * directory.
     */
    static final class WriteWatcher implements SqlLogger {
        @Override
        public void logAfterExecution(StatementContext context) {
            if (writesDirectory(context.getRawSql())) {
                changed();
            }
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            logAfterExecution(context);
        }
    }
}

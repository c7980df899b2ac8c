package org.tenfour.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What in the directory ({@code agency}, {@code member}, {@code peer}) changed since a moment, so a
 * cache of who is who forgets only what changed: a member's rows (their {@code member} and {@code
 * peer} rows), a whole agency, or everything.
 *
 * <p>A reader takes {@link #now()} before reading and keeps the entry while {@link #unchangedSince}
 * says so. Changes are heard twice: at once, from the database itself, after every statement run in
 * this JVM through a {@link Database#configure configured} JDBI that writes one of those tables
 * (before the next request of the same flow); and at commit through {@link DirectoryListener}, for
 * every change, also those of other replicas or made by hand. Both carry the words of migration V77
 * (internal ids only). Per JVM on purpose: test fixtures and the product may use different JDBI
 * instances on one database.
 *
 * <pre>{@code
 * long at = DirectoryChanges.now();
 * Known known = read();
 * // later
 * if (DirectoryChanges.unchangedSince(at, known.agencyId(), known.memberId())) { use(known); }
 * }</pre>
 */
public final class DirectoryChanges {
    /** Stamps kept per generation (two generations): a few megabytes at most. */
    static final int REMEMBERED = 10_000;

    private static final ChangeStamps STAMPS = new ChangeStamps(REMEMBERED);
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

    /** The moment to compare with later: take it before reading. */
    public static long now() {
        return STAMPS.now();
    }

    /**
     * Whether nothing that {@code memberId}'s entry in {@code agencyId} depends on changed after
     * {@code at} (neither everything, nor the agency, nor the member's rows).
     */
    public static boolean unchangedSince(long at, UUID agencyId, UUID memberId) {
        return STAMPS.unchangedSince(at, agencyId, memberId);
    }

    /** Records that anything in the directory may have changed. */
    public static void changed() {
        STAMPS.everything();
    }

    /**
     * Records what {@code words} (as the database says them, {@code ;}-separated) changed; anything
     * it cannot read counts as everything.
     */
    static void heard(String words) {
        if (words == null) {
            changed();
            return;
        }
        for (String word : words.split(";")) {
            if (!word.isBlank() && !record(word.strip())) {
                changed();
                return;
            }
        }
    }

    private static boolean record(String word) {
        String[] parts = word.split(" ");
        try {
            if (parts.length == 2 && parts[0].equals("a")) {
                STAMPS.changed(List.of(UUID.fromString(parts[1])));
                return true;
            }
            if (parts.length >= 3 && parts[0].equals("m")) {
                UUID.fromString(parts[1]); // the agency: named for readers of the words
                List<UUID> members = new ArrayList<>(parts.length - 2);
                for (int i = 2; i < parts.length; i++) {
                    members.add(UUID.fromString(parts[i]));
                }
                STAMPS.changed(members);
                return true;
            }
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
        return false; // '*', V9's table names, anything newer than this code
    }

    /** Whether {@code sql} writes a directory table (decided once per distinct statement text). */
    static boolean writesDirectory(String sql) {
        if (sql == null) {
            return false;
        }
        return VERDICTS.get(sql, s -> WRITE.matcher(s).matches());
    }

    /**
     * The JDBI hook: after a statement that may write the directory, asks the same connection what
     * that statement changed (the triggers kept it for this session) and records it at once. A
     * failed statement changed nothing that can commit: its transaction, or its savepoint, rolls
     * back, and with it what the triggers kept.
     */
    static final class WriteWatcher implements SqlLogger {
        @Override
        public void logAfterExecution(StatementContext context) {
            if (writesDirectory(context.getRawSql())) {
                take(context.getConnection());
            }
        }

        private static void take(Connection connection) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("select tenfour_directory_take()")) {
                heard(rs.next() ? rs.getString(1) : null);
            } catch (SQLException e) {
                changed();
            }
        }
    }
}

package org.tenfour.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.tenfour.bot.http.Readiness;
import org.tenfour.storage.Database;

/**
 * What {@code /readyz} answers: the database reachable (on its readiness connection, never one
 * requests or background work hold), its migrations applied, the scheduler running. One check
 * answers every probe for {@link #FRESH}, so a load balancer probing often costs the database one
 * query a second; the migrations are asked again after {@link #MIGRATIONS_FRESH}, or at once when
 * the database comes back (it may have been restored from an older backup).
 */
final class ServiceReadiness implements Readiness {
    static final Duration FRESH = Duration.ofSeconds(1);
    static final Duration MIGRATIONS_FRESH = Duration.ofMinutes(1);

    private final BooleanSupplier reachable;
    private final BooleanSupplier migrationsUpToDate;
    private final BooleanSupplier schedulerRunning;
    private final LongSupplier nanoTime;
    private List<String> last;
    private long checkedAt;
    private boolean migrated;
    private long migrationsCheckedAt;

    ServiceReadiness(Database database, BooleanSupplier schedulerRunning) {
        this(database::reachable, database::migrationsUpToDate, schedulerRunning, System::nanoTime);
    }

    ServiceReadiness(
            BooleanSupplier reachable,
            BooleanSupplier migrationsUpToDate,
            BooleanSupplier schedulerRunning,
            LongSupplier nanoTime) {
        this.reachable = reachable;
        this.migrationsUpToDate = migrationsUpToDate;
        this.schedulerRunning = schedulerRunning;
        this.nanoTime = nanoTime;
    }

    // synchronized: probes arriving together wait for the one check instead of each making one
    @Override
    public synchronized List<String> problems() {
        long now = nanoTime.getAsLong();
        if (last != null && now - checkedAt < FRESH.toNanos()) {
            return last;
        }
        List<String> problems = new ArrayList<>();
        if (!reachable.getAsBoolean()) {
            problems.add("database unreachable");
            migrated = false; // asked again as soon as it is back
        } else {
            if (!migrated || now - migrationsCheckedAt >= MIGRATIONS_FRESH.toNanos()) {
                migrated = migrationsUpToDate.getAsBoolean();
                migrationsCheckedAt = now;
            }
            if (!migrated) {
                problems.add("database migrations pending");
            }
        }
        if (!schedulerRunning.getAsBoolean()) {
            problems.add("scheduler not running");
        }
        last = List.copyOf(problems);
        checkedAt = nanoTime.getAsLong();
        return last;
    }
}

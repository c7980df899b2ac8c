package org.tenfour.bot.log;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.tenfour.storage.FollowUpReminders;
import org.tenfour.storage.InteractionLogs;
import org.tenfour.storage.Store;

/**
 * Deletes what is no longer needed: coded logs older than their agency's retention period,
 * follow-up reminders that expired unsent, and the time of day of logs past their correction
 * window. Run it daily (a Quartz job); it is idempotent.
 */
public final class Retention {
    /** Unsent reminders are dropped this long after their due day. */
    public static final Period REMINDER_GRACE = Period.ofDays(14);

    /** What one run removed. */
    public record Purged(int logs, int reminders, int coarsened) {}

    private final Store store;
    private final RetentionPolicy policy;

    public Retention(Store store, RetentionPolicy policy) {
        this.store = Objects.requireNonNull(store, "null store");
        this.policy = Objects.requireNonNull(policy, "null policy");
    }

    /** Purges as of {@code now}. */
    public Purged purge(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        InteractionLogs logs = store.repo(InteractionLogs.class);
        int deleted = 0;
        int coarsened = 0;
        for (UUID agency : logs.agencies()) {
            Period keep = policy.retentionFor(agency);
            if (keep == null || keep.isNegative() || keep.isZero()) {
                throw new IllegalArgumentException(
                        "retention of agency " + agency + " must be positive: " + keep);
            }
            deleted += logs.purgeBefore(agency, today.minus(keep));
            coarsened += logs.coarsenSealed(agency, now);
        }
        int reminders =
                store.repo(FollowUpReminders.class).purgeExpired(today.minus(REMINDER_GRACE));
        return new Purged(deleted, reminders, coarsened);
    }
}

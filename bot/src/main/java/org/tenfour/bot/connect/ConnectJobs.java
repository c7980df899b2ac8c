package org.tenfour.bot.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The connection-request jobs on the clustered Quartz scheduler, both {@link
 * org.tenfour.bot.schedule.Scheduling.Task}s: offer timeouts every minute (an unanswered offer
 * moves to the next peer, then to the coordinators), and the nightly retention purge. Both read the
 * injected clock.
 */
public final class ConnectJobs {
    private static final Logger log = LoggerFactory.getLogger(ConnectJobs.class);
    public static final JobKey TIMEOUTS = JobKey.jobKey("offer-timeouts", "connect");
    public static final JobKey RETENTION = JobKey.jobKey("retention-purge", "connect");

    private final Store store;
    private final Clock clock;

    public ConnectJobs(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Offer timeouts every minute; the retention purge nightly at 03:17. */
    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        TIMEOUTS, Scheduling.every(Duration.ofMinutes(1)), this::expireOffers),
                new Scheduling.Task(
                        RETENTION,
                        CronScheduleBuilder.dailyAtHourAndMinute(3, 17)
                                .withMisfireHandlingInstructionFireAndProceed(),
                        this::purge));
    }

    /**
     * Moves every offer whose time ran out to the next peer (or the coordinators); returns how
     * many.
     */
    public int expireOffers() {
        Instant now = clock.instant();
        int moved = 0;
        for (ConnectionRequest r : store.repo(ConnectionRequests.class).expiredOffers(now, 200)) {
            try {
                boolean released =
                        store.inTransaction(
                                (Tx h) ->
                                        Offers.release(
                                                h,
                                                r,
                                                r.currentPeerId(),
                                                "No answer in time, so it went to another peer. No problem — thank you.",
                                                now));
                moved += released ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("connect: timeout of request {} failed: {}", r.id(), Failures.describe(e));
            }
        }
        return moved;
    }

    /**
     * Purges who was involved in requests closed longer ago than each agency's retention; returns
     * how many.
     */
    public int purge() {
        Instant now = clock.instant();
        int purged = 0;
        for (Agency agency : store.repo(Agencies.class).all()) {
            AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
            purged +=
                    store.repo(ConnectionRequests.class)
                            .purgeBefore(agency.id(), now.minus(settings.connect().retention()));
        }
        if (purged > 0) {
            log.info("connect: purged identifying fields of {} closed request(s)", purged);
        }
        return purged;
    }
}

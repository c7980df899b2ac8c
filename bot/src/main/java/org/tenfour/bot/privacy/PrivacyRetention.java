package org.tenfour.bot.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.oncall.IncidentFollowUps;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CallOuts;
import org.tenfour.storage.ContinuumCounts;
import org.tenfour.storage.Expiry;
import org.tenfour.storage.IncidentMeasures;
import org.tenfour.storage.Outbox;
import org.tenfour.storage.Store;

/**
 * Daily expiry of what links people to the program, beyond the coded log's own retention: delivered
 * outbox rows after {@link #OUTBOX_DAYS} days; check-ins (answers, member and peer) after the
 * agency's retention (default 90 days, the same as requests), kept as daily counts; peer
 * assignments of members without check-ins; incident labels after the last follow-up, and with them
 * the incident's call-out (who led it, who was paged); the marks that kept stress-continuum counts
 * from doubling, once their check-ins can no longer be answered.
 */
public final class PrivacyRetention {
    /** The daily job. */
    public static final JobKey JOB = JobKey.jobKey("privacy-retention", "privacy");

    /** How long a delivered or abandoned outbox row (already without text or addressee) stays. */
    public static final int OUTBOX_DAYS = 30;

    private static final Logger log = LoggerFactory.getLogger(PrivacyRetention.class);

    /** What one run removed. */
    public record Purged(
            int outboxRows,
            int checkIns,
            int assignments,
            int incidentLabels,
            int callOuts,
            int continuumMarks,
            int incidentContactMarks) {}

    /**
     * How long past the check-in retention a continuum mark stays: its week may begin six days
     * before the answer, and the week is a day in the agency's zone.
     */
    private static final Duration CONTINUUM_MARGIN = Duration.ofDays(8);

    private final Store store;

    /** An incident keeps its label at least this long, unless it was cancelled. */
    static final Duration INCIDENT_LABEL_GRACE = Duration.ofHours(1);

    private final Clock clock;

    public PrivacyRetention(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "null store");
        this.clock = Objects.requireNonNull(clock, "null clock");
    }

    /** The daily task. */
    public List<Scheduling.Task> tasks() {
        return List.of(new Scheduling.Task(JOB, Scheduling.every(Duration.ofDays(1)), this::run));
    }

    /** Runs the purges as of now and logs the counts. */
    public Purged run() {
        Purged p = purge(clock.instant());
        log.info(
                "privacy retention: {} outbox rows, {} check-ins, {} peer assignments, {} incident"
                        + " labels, {} call-outs, {} continuum marks, {} incident contact marks",
                p.outboxRows(),
                p.checkIns(),
                p.assignments(),
                p.incidentLabels(),
                p.callOuts(),
                p.continuumMarks(),
                p.incidentContactMarks());
        return p;
    }

    /** Purges as of {@code now}; idempotent. */
    public Purged purge(Instant now) {
        int outbox = store.repo(Outbox.class).purgeDone(now.minus(Duration.ofDays(OUTBOX_DAYS)));
        int checkIns = 0;
        int assignments = 0;
        int labels = 0;
        int callOuts = 0;
        int marks = 0;
        int contactMarks = 0;
        for (Agency agency : store.repo(Agencies.class).all()) {
            Duration keep = AgencySettings.fromJson(agency.settingsJson()).connect().retention();
            Expiry expiry = store.repo(Expiry.class);
            checkIns += expiry.expireCheckIns(agency.id(), now.minus(keep));
            assignments += expiry.clearStaleAssignments(agency.id());
            // an incident of the last hour may be between its creation and its follow-ups and
            // call-out (separate steps): its page still needs the label
            labels +=
                    expiry.clearFinishedIncidentLabels(
                            agency.id(), now.minus(INCIDENT_LABEL_GRACE));
            callOuts += store.repo(CallOuts.class).forgetFinished(agency.id());
            marks +=
                    store.repo(ContinuumCounts.class)
                            .forgetCountedBefore(
                                    agency.id(),
                                    LocalDate.ofInstant(
                                            now.minus(keep).minus(CONTINUUM_MARGIN),
                                            ZoneOffset.UTC));
            // a contact after the 7-day window is not counted, so its marks have done their work
            contactMarks +=
                    store.repo(IncidentMeasures.class)
                            .forgetMarks(
                                    agency.id(),
                                    now.minus(IncidentFollowUps.WITHIN_7D)
                                            .minus(Duration.ofDays(1)));
        }
        return new Purged(outbox, checkIns, assignments, labels, callOuts, marks, contactMarks);
    }
}

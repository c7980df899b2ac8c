package org.tenfour.bot.log;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Message;
import org.tenfour.bot.TenFourException;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.FollowUpDue;
import org.tenfour.storage.Members;
import org.tenfour.storage.ProcessedEvents;

/**
 * Hourly: follow-up reminders due today go to the peer (never the member). Nightly: retention
 * purges of coded logs past the agency's period, spent reminders, and old inbound event ids.
 */
public final class LogJobs {
    private static final Logger log = LoggerFactory.getLogger(LogJobs.class);
    public static final JobKey FOLLOW_UPS = JobKey.jobKey("follow-up-reminders", "log");
    public static final JobKey RETENTION = JobKey.jobKey("retention", "log");

    private final Jdbi jdbi;
    private final Clock clock;
    private final InteractionLogService service;
    private final Retention retention;

    public LogJobs(Jdbi jdbi, Clock clock, PseudonymKeys keys, RetentionPolicy policy) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.service = new InteractionLogService(jdbi, clock, keys);
        this.retention = new Retention(jdbi, policy);
    }

    public Map<Class<? extends Job>, Supplier<? extends Job>> factories() {
        return Map.of(FollowUpJob.class, () -> (FollowUpJob) ctx -> remindAll(),
                RetentionJob.class, () -> (RetentionJob) ctx -> purge());
    }

    /** Registers both jobs (idempotent across replicas and restarts). */
    public static void schedule(Scheduler scheduler) {
        try {
            register(scheduler, FollowUpJob.class, FOLLOW_UPS, 60);
            register(scheduler, RetentionJob.class, RETENTION, 24 * 60);
        } catch (SchedulerException e) {
            throw new TenFourException("could not schedule the log jobs: " + e.getMessage(), e);
        }
    }

    private static void register(Scheduler scheduler, Class<? extends Job> type, JobKey key, int minutes)
            throws SchedulerException {
        Scheduling.register(scheduler, JobBuilder.newJob(type).withIdentity(key).storeDurably().build(),
                Scheduling.every(java.time.Duration.ofMinutes(minutes)));
    }

    /** Sends today's follow-up reminders to their peers; returns how many. */
    public int remindAll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int sent = 0;
        for (FollowUpDue due : service.dueFollowUps(today)) {
            boolean done = jdbi.inTransaction(h -> {
                var agency = h.attach(Agencies.class).find(due.agencyId()).orElse(null);
                var peer = agency == null ? null : h.attach(Members.class).find(due.agencyId(), due.peerMemberId()).orElse(null);
                if (peer != null) {
                    Outgoing.on(h, agency.id()).send("follow-up:" + due.id(), AddressBook.member(h, agency, peer),
                            Message.text("Reminder: a follow-up you planned is due today. Reach out when you can, and log it with `/tenfour log`."),
                            clock.instant());
                }
                return service.followUpSent(due.agencyId(), due.id());
            });
            sent += done ? 1 : 0;
        }
        return sent;
    }

    /** Runs the retention purges. */
    public void purge() {
        Retention.Purged purged = retention.purge(clock.instant());
        int events = jdbi.onDemand(ProcessedEvents.class).purgeBefore(clock.instant().minus(java.time.Duration.ofDays(2)));
        log.info("retention: {} logs, {} reminders removed, {} coarsened, {} event ids", purged.logs(),
                purged.reminders(), purged.coarsened(), events);
    }

    /** Quartz job: follow-up reminders. */
    @DisallowConcurrentExecution
    public interface FollowUpJob extends Job {
        @Override
        void execute(JobExecutionContext context);
    }

    /** Quartz job: retention. */
    @DisallowConcurrentExecution
    public interface RetentionJob extends Job {
        @Override
        void execute(JobExecutionContext context);
    }
}

package org.tenfour.bot.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.TenFourException;
import org.tenfour.bot.background.BackgroundPriority;
import org.tenfour.storage.Failures;

/**
 * Builds the clustered Quartz scheduler on the product's connection pool and registers the
 * features' {@link Task}s: each is a durable job with its trigger, run by one replica at a time.
 *
 * <pre>{@code
 * Scheduling scheduling = Scheduling.start(dataSource, "replica-1",
 *         List.of(new Scheduling.Task(PLAN, Scheduling.every(Duration.ofMinutes(5)), jobs::planAll)));
 * }</pre>
 */
public final class Scheduling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    private static final String DATA_SOURCE = "tenfour";

    private final Scheduler scheduler;
    private final SoonTrigger soon;

    private Scheduling(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.soon = new SoonTrigger(scheduler);
    }

    /**
     * Asks for {@code jobs} to run soon (within about a second), returning at once: asks made
     * together are one, and a job with a run already waiting gets no second one (see {@link
     * SoonTrigger}).
     */
    public void triggerSoon(List<JobKey> jobs) {
        soon.request(jobs);
    }

    /**
     * Periodic work of a feature.
     *
     * @param key the job's name in the cluster (also used to trigger it now)
     * @param schedule when it runs
     * @param work what it does
     */
    public record Task(JobKey key, ScheduleBuilder<? extends Trigger> schedule, Runnable work) {
        public Task {
            Objects.requireNonNull(key, "null key");
            Objects.requireNonNull(schedule, "null schedule");
            Objects.requireNonNull(work, "null work");
        }
    }

    /**
     * The one job class: it runs its task's work. Concurrency is prevented per job (per task)
     * across the cluster, not per class.
     */
    @DisallowConcurrentExecution
    private record TaskJob(Runnable work) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            // Quartz's worker threads are background threads too
            BackgroundPriority.lowerThisThread();
            work.run();
        }
    }

    /**
     * Creates and starts the scheduler, and registers the tasks (idempotent across replicas and
     * restarts).
     */
    public static Scheduling start(DataSource dataSource, String instanceId, List<Task> tasks) {
        return start(dataSource, instanceId, tasks, List.of());
    }

    /**
     * The same, first removing the jobs in {@code retired} (features this configuration turns off),
     * with their triggers, so that no replica is asked to run them.
     */
    public static Scheduling start(
            DataSource dataSource, String instanceId, List<Task> tasks, List<JobKey> retired) {
        DBConnectionManager.getInstance()
                .addConnectionProvider(DATA_SOURCE, new PoolProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "tenfour");
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty(
                "org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            Scheduler scheduler = factory.getScheduler();
            scheduler.setJobFactory(jobFactory(tasks));
            for (JobKey key : retired) {
                scheduler.deleteJob(key);
            }
            for (Task task : tasks) {
                register(
                        scheduler,
                        JobBuilder.newJob(TaskJob.class)
                                .withIdentity(task.key())
                                .storeDurably()
                                .build(),
                        task.schedule());
            }
            scheduler.start();
            log.info("scheduler started (clustered, instance {})", instanceId);
            return new Scheduling(scheduler);
        } catch (SchedulerException e) {
            throw new TenFourException("could not start the scheduler: " + e.getMessage(), e);
        }
    }

    private static JobFactory jobFactory(List<Task> tasks) {
        Map<JobKey, Runnable> work = new HashMap<>();
        tasks.forEach(t -> work.put(t.key(), t.work()));
        return (bundle, scheduler) -> {
            Runnable w = work.get(bundle.getJobDetail().getKey());
            if (w == null) {
                throw new SchedulerException(
                        "this replica has no work for job " + bundle.getJobDetail().getKey());
            }
            return new TaskJob(w);
        };
    }

    /**
     * Stores a durable job and its repeating trigger, unless the trigger already exists: idempotent
     * across restarts and across replicas registering at the same moment.
     */
    private static void register(
            Scheduler scheduler, JobDetail job, ScheduleBuilder<? extends Trigger> schedule)
            throws SchedulerException {
        Trigger trigger =
                TriggerBuilder.newTrigger()
                        .withIdentity(job.getKey().getName(), job.getKey().getGroup())
                        .forJob(job)
                        .startNow()
                        .withSchedule(schedule)
                        .build();
        scheduler.addJob(job, true);
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        if (existing == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException raced) {
                // another replica registered it first
            }
        } else if (existing instanceof SimpleTrigger before
                && trigger instanceof SimpleTrigger after
                && before.getRepeatInterval() != after.getRepeatInterval()) {
            // a configured interval changed: it takes effect now
            scheduler.rescheduleJob(existing.getKey(), trigger);
        }
    }

    /** A repeat-forever schedule that skips missed runs instead of replaying them. */
    public static SimpleScheduleBuilder every(Duration interval) {
        return SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(interval.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount();
    }

    /** The Quartz scheduler, for scheduling jobs. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Whether the scheduler runs. */
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops the scheduler, letting running jobs finish. */
    @Override
    public void close() {
        soon.close();
        try {
            scheduler.shutdown(true);
            log.info("scheduler stopped");
        } catch (SchedulerException e) {
            log.warn("scheduler did not stop cleanly: {}", Failures.describe(e));
        }
    }

    /** Hands Quartz connections from the product's pool. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the application, which closes it after the scheduler
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}

package org.tenfour.bot.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.TenFourException;

/**
 * Builds the clustered Quartz scheduler on the product's connection pool. Jobs are created by the
 * given factories (so they get their collaborators), not by reflection.
 *
 * <pre>{@code
 * Scheduling scheduling = Scheduling.start(dataSource, "replica-1", Map.of(PlanJob.class, () -> new PlanJob(...)));
 * scheduling.scheduler().scheduleJob(job, trigger);
 * }</pre>
 */
public final class Scheduling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    private static final String DATA_SOURCE = "tenfour";

    private final Scheduler scheduler;

    private Scheduling(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Creates and starts the scheduler. */
    public static Scheduling start(DataSource dataSource, String instanceId,
                                   Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new PoolProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "tenfour");
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            Scheduler scheduler = factory.getScheduler();
            scheduler.setJobFactory(jobFactory(jobs));
            scheduler.start();
            log.info("scheduler started (clustered, instance {})", instanceId);
            return new Scheduling(scheduler);
        } catch (SchedulerException e) {
            throw new TenFourException("could not start the scheduler: " + e.getMessage(), e);
        }
    }

    private static JobFactory jobFactory(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
        Map<Class<? extends Job>, Supplier<? extends Job>> copy = Map.copyOf(jobs);
        return (bundle, scheduler) -> {
            Supplier<? extends Job> supplier = copy.get(bundle.getJobDetail().getJobClass());
            if (supplier == null) {
                throw new SchedulerException("no factory for job " + bundle.getJobDetail().getJobClass());
            }
            return supplier.get();
        };
    }

    /**
     * Stores a durable job and its repeating trigger, unless the trigger already exists: idempotent
     * across restarts and across replicas registering at the same moment.
     */
    public static void register(Scheduler scheduler, org.quartz.JobDetail job,
                                org.quartz.ScheduleBuilder<? extends org.quartz.Trigger> schedule) throws SchedulerException {
        org.quartz.Trigger trigger = org.quartz.TriggerBuilder.newTrigger()
                .withIdentity(job.getKey().getName(), job.getKey().getGroup())
                .forJob(job).startNow().withSchedule(schedule).build();
        scheduler.addJob(job, true);
        if (scheduler.getTrigger(trigger.getKey()) == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (org.quartz.ObjectAlreadyExistsException raced) {
                // another replica registered it first
            }
        }
    }

    /** A repeat-forever schedule that skips missed runs instead of replaying them. */
    public static org.quartz.SimpleScheduleBuilder every(java.time.Duration interval) {
        return org.quartz.SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount();
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
        try {
            scheduler.shutdown(true);
            log.info("scheduler stopped");
        } catch (SchedulerException e) {
            log.warn("scheduler did not stop cleanly: {}", e.toString());
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

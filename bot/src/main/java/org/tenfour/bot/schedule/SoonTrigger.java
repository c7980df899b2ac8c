package org.tenfour.bot.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.storage.Failures;

/**
 * Runs jobs soon, on request, off the requester's thread. Triggering a job is a write to the
 * clustered job store under its cluster-wide lock, so a request (a coordinator's {@code roster
 * add}) must not do it itself: asks within {@link #COALESCE} become one, and a job that already has
 * a run asked for and not yet started gets no second one (a planning pass already waiting plans
 * every change made before it starts).
 */
final class SoonTrigger implements AutoCloseable {
    static final Duration COALESCE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SoonTrigger.class);

    private final Scheduler scheduler;
    private final Set<JobKey> wanted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "trigger-soon");
                        t.setDaemon(true);
                        return t;
                    });

    SoonTrigger(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Asks for {@code jobs} to run soon; returns at once. */
    void request(List<JobKey> jobs) {
        wanted.addAll(jobs);
        if (pending.compareAndSet(false, true)) {
            // the task catches its own failures
            var unused =
                    thread.schedule(
                            this::triggerWanted, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void triggerWanted() {
        pending.set(false);
        for (JobKey job : List.copyOf(wanted)) {
            wanted.remove(job);
            try {
                if (!alreadyAsked(job)) {
                    scheduler.triggerJob(job);
                }
            } catch (SchedulerException | RuntimeException e) {
                log.warn(
                        "could not trigger {} now; it runs on its schedule: {}",
                        job,
                        Failures.describe(e));
            }
        }
    }

    /**
     * Whether a run of {@code job} was asked for (any trigger but its schedule's, which has the
     * job's own name) and has not fired yet (waiting, or blocked behind the job's run in progress).
     */
    private boolean alreadyAsked(JobKey job) throws SchedulerException {
        TriggerKey schedule = TriggerKey.triggerKey(job.getName(), job.getGroup());
        for (Trigger t : scheduler.getTriggersOfJob(job)) {
            if (t.getKey().equals(schedule)) {
                continue;
            }
            Trigger.TriggerState state = scheduler.getTriggerState(t.getKey());
            if (state == Trigger.TriggerState.NORMAL || state == Trigger.TriggerState.BLOCKED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package org.tenfour.bot.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.background.BackgroundPriority;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Members;
import org.tenfour.storage.Outbox;
import org.tenfour.storage.OutboxEntry;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * Delivers the outbox: claims due rows with {@code FOR UPDATE SKIP LOCKED} under a lease, sends
 * each through its platform, and records the outcome. Several calls are in flight at once, bounded
 * in all and per workspace ({@link Concurrency}); a claim never takes more of a workspace's rows
 * than may be sent at once ({@link InFlight}), so a claimed row starts at once and its lease is
 * never spent waiting. Messages to one conversation are spaced by the platform's per-conversation
 * limit ({@link Pacer}): a row that must wait is booked its conversation's next free slot and put
 * back until then, so a burst to one conversation is put back about once per message ({@link
 * #pacedDeferrals}); a rate limit pauses the whole workspace until the platform's {@code
 * Retry-After}; transient failures back off exponentially and are retried without end; an
 * unreachable person is marked so (coordinators see a count) and not retried.
 *
 * <p>A crash between the platform's answer and the "sent" record leaves the row claimed; once its
 * lease expires (at once when the replica restarts under the same instance id) the row is marked
 * {@code outcome_unknown}, and before sending it again the sender asks the platform whether a
 * message with the row's idempotency key is already there ({@link ChatPlatform#findSent}; Slack
 * message metadata). Where the platform can say (Slack), delivery is effectively once; where it
 * cannot (Teams), at least once, with the window limited to the messages in flight for that
 * workspace when the process died ({@link Concurrency#perWorkspace()}). A row whose lease is nearly
 * over is not started: another replica may take it once the lease ends.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;
    // a call is not started with less lease than this left (platform calls time out well before)
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(20);
    // how many of the oldest due rows a spread claim looks at
    private static final int SCAN = 2_000;
    // rows one lane sends one after the other (one call in flight): a claim per few rows, not one
    private static final int LANE = 5;

    private final Store store;
    private final Map<Platform, ChatPlatform> platforms;
    private final List<DeliveryListener> listeners;
    private final List<SendGuard> guards;
    private final Clock clock;
    private final String worker;
    private final Map<String, Instant> pausedWorkspaces = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> pausedAgencies = new ConcurrentHashMap<>();
    private final Pacer pacer;
    private final LongAdder paced = new LongAdder();
    private final Concurrency concurrency;
    private final InFlight inFlight;
    private final ReentrantLock claiming = new ReentrantLock();
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService loop;
    private ExecutorService calls;
    private Thread dispatcher;

    /** A sender without per-conversation pacing (domain tests drive it with a fixed clock). */
    public OutboxSender(
            Store store,
            Map<Platform, ChatPlatform> platforms,
            List<DeliveryListener> listeners,
            List<SendGuard> guards,
            Clock clock,
            String worker) {
        this(store, platforms, listeners, guards, clock, worker, false);
    }

    /**
     * A sender that, when {@code paced}, spaces messages to one conversation ({@link Pacer}) and
     * has as many calls in flight as the machine suits ({@link Concurrency#forMachine()});
     * production paces. Unpaced, it makes one call at a time.
     */
    public OutboxSender(
            Store store,
            Map<Platform, ChatPlatform> platforms,
            List<DeliveryListener> listeners,
            List<SendGuard> guards,
            Clock clock,
            String worker,
            boolean paced) {
        this(
                store,
                platforms,
                listeners,
                guards,
                clock,
                worker,
                paced,
                paced ? Concurrency.forMachine() : Concurrency.ONE_AT_A_TIME);
    }

    /** A sender with {@code concurrency} calls in flight at most. */
    public OutboxSender(
            Store store,
            Map<Platform, ChatPlatform> platforms,
            List<DeliveryListener> listeners,
            List<SendGuard> guards,
            Clock clock,
            String worker,
            boolean paced,
            Concurrency concurrency) {
        this.concurrency = concurrency;
        this.inFlight = new InFlight(concurrency);
        if (concurrency.concurrent()) {
            // daemon: a call cut short by the JVM's exit is looked up on restart
            this.calls =
                    Executors.newFixedThreadPool(
                            concurrency.overall(), BackgroundPriority.threads("outbox-call", true));
        }
        this.pacer = paced ? new Pacer() : null;
        this.store = store;
        this.platforms = Map.copyOf(platforms);
        this.listeners = List.copyOf(listeners);
        this.guards = List.copyOf(guards);
        this.clock = clock;
        this.worker = worker;
    }

    /** Starts polling every {@code interval} on a background thread. */
    public void start(Duration interval) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        int released = store.repo(Outbox.class).releaseLeases(worker);
        if (released > 0) {
            log.info(
                    "outbox: took back {} rows leased by this instance before a restart", released);
        }
        if (concurrency.concurrent()) {
            dispatcher =
                    new Thread(
                            () -> {
                                BackgroundPriority.lowerThisThread();
                                dispatch(interval);
                            },
                            "outbox-sender");
            dispatcher.start();
            return;
        }
        loop =
                Executors.newSingleThreadScheduledExecutor(
                        r ->
                                new Thread(
                                        () -> {
                                            BackgroundPriority.lowerThisThread();
                                            r.run();
                                        },
                                        "outbox-sender"));
        // drainSafely() catches everything: a periodic task that threw would never run again
        var unused =
                loop.scheduleWithFixedDelay(
                        this::drainSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps the calls in flight: claims what is free, then waits for a call to end (or {@code
     * interval}, for rows coming due) and claims again.
     */
    private void dispatch(Duration interval) {
        while (running.get()) {
            long seen = inFlight.endings();
            try {
                claimAndStart(null);
            } catch (RuntimeException e) {
                log.warn("outbox pass failed (will retry): {}", Failures.describe(e));
            }
            try {
                inFlight.awaitEnding(seen, interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Claims as many due rows as the free lanes will send and starts the lanes: each takes up to
     * {@value #LANE} rows of one agency, one after the other. {@code done}, when given, counts the
     * lanes down as they end. Returns how many rows were claimed.
     */
    private int claimAndStart(List<CountDownLatch> done) {
        claiming.lock();
        try {
            Instant now = clock.instant();
            pausedAgencies.values().removeIf(until -> !until.isAfter(now));
            InFlight.Free free = inFlight.free(List.copyOf(pausedAgencies.keySet()));
            if (free.overall() <= 0) {
                return 0;
            }
            Integer[] rowsFree = new Integer[free.busyFree().length];
            for (int i = 0; i < rowsFree.length; i++) {
                rowsFree[i] = free.busyFree()[i] * LANE;
            }
            Instant leaseUntil = now.plus(LEASE);
            List<OutboxEntry> batch =
                    store.repo(Outbox.class)
                            .claimSpread(
                                    worker,
                                    now,
                                    leaseUntil,
                                    free.overall() * LANE,
                                    free.unknown() * LANE,
                                    SCAN,
                                    free.full(),
                                    free.busy(),
                                    rowsFree);
            List<List<OutboxEntry>> lanes = lanes(batch);
            CountDownLatch latch = new CountDownLatch(lanes.size());
            if (done != null) {
                done.add(latch);
            }
            for (List<OutboxEntry> lane : lanes) {
                UUID agency = lane.get(0).agencyId();
                inFlight.started(agency);
                try {
                    calls.execute(
                            () -> {
                                try {
                                    for (OutboxEntry entry : lane) {
                                        send(entry, leaseUntil);
                                    }
                                } finally {
                                    inFlight.ended(agency);
                                    latch.countDown();
                                }
                            });
                } catch (RejectedExecutionException e) {
                    // closing: the rows' lease ends and they are taken again (outcome unknown:
                    // looked up first)
                    inFlight.ended(agency);
                    latch.countDown();
                }
            }
            return batch.size();
        } finally {
            claiming.unlock();
        }
    }

    /**
     * Splits a claim into lanes: each agency's rows over as many lanes as it has free, at most
     * {@value #LANE} rows each, oldest first.
     */
    private static List<List<OutboxEntry>> lanes(List<OutboxEntry> batch) {
        Map<UUID, List<OutboxEntry>> byAgency = new LinkedHashMap<>();
        for (OutboxEntry e : batch) {
            byAgency.computeIfAbsent(e.agencyId(), a -> new ArrayList<>()).add(e);
        }
        List<List<OutboxEntry>> lanes = new ArrayList<>();
        byAgency.forEach(
                (agency, rows) -> {
                    int n = Math.max(1, (rows.size() + LANE - 1) / LANE);
                    for (int k = 0; k < n; k++) {
                        lanes.add(new ArrayList<>());
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        lanes.get(lanes.size() - n + r % n).add(rows.get(r));
                    }
                });
        return lanes;
    }

    private void send(OutboxEntry entry, Instant leaseUntil) {
        try {
            long started = System.nanoTime();
            long callNanos = deliver(entry, leaseUntil);
            if (callNanos >= 0) {
                inFlight.observed(entry.agencyId(), callNanos, System.nanoTime() - started);
            }
        } catch (RuntimeException e) {
            log.warn("outbox: row {} failed: {}", entry.id(), Failures.describe(e));
        }
    }

    private void drainSafely() {
        try {
            while (running.get() && runOnce() == BATCH) {
                // a full batch: more may be due right now
            }
        } catch (RuntimeException e) {
            log.warn("outbox pass failed (will retry): {}", Failures.describe(e));
        }
    }

    /**
     * /** Claims and handles one batch, and returns when it is handled; returns how many rows were
     * claimed.
     */
    public int runOnce() {
        if (concurrency.concurrent()) {
            List<CountDownLatch> done = new ArrayList<>();
            int claimed = claimAndStart(done);
            try {
                for (CountDownLatch latch : done) {
                    latch.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return claimed;
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(LEASE);
        List<OutboxEntry> batch = store.repo(Outbox.class).claim(worker, now, leaseUntil, BATCH);
        for (OutboxEntry entry : batch) {
            deliver(entry, leaseUntil);
        }
        return batch.size();
    }

    /**
     * Handles one claimed row; returns how long the platform took (nanoseconds), or -1 when no call
     * was made.
     */
    private long deliver(OutboxEntry entry, Instant leaseUntil) {
        Outbox outbox = store.repo(Outbox.class);
        Address to;
        OutboundItem item;
        try {
            to = Jackson.MAPPER.readValue(entry.targetJson(), Address.class);
            item = Jackson.MAPPER.readValue(entry.messageJson(), OutboundItem.class);
        } catch (IOException | RuntimeException e) {
            outbox.markDead(entry.id(), worker, "unreadable row: " + e.getClass().getSimpleName());
            log.error("outbox row {} unreadable, set aside", entry.id());
            return -1;
        }
        Instant now = clock.instant();
        if (now.isAfter(leaseUntil.minus(LEASE_MARGIN))) {
            // another replica may take the row when the lease ends: do not race it
            outbox.retryLater(entry.id(), worker, now, "lease nearly over");
            return -1;
        }
        for (SendGuard guard : guards) {
            SendGuard.Decision d;
            try {
                d = guard.check(store, entry.agencyId(), entry.kind(), entry.ref(), now);
            } catch (RuntimeException e) {
                // the row is not lost, and the rest of the batch goes on
                Duration wait = Backoff.after(entry.attempts());
                outbox.retryLater(
                        entry.id(),
                        worker,
                        now.plus(wait),
                        "guard failed: " + e.getClass().getSimpleName());
                log.warn("outbox: row {} guard failed, retry in {}", entry.id(), wait);
                return -1;
            }
            if (!d.wanted()) {
                outbox.markDead(entry.id(), worker, "no longer wanted");
                return -1;
            }
            if (d.notBefore() != null && d.notBefore().isAfter(now)) {
                outbox.retryLater(entry.id(), worker, d.notBefore(), "waiting for its time");
                return -1;
            }
        }
        Instant pausedUntil = pausedWorkspaces.get(workspaceKey(to));
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            outbox.retryLater(entry.id(), worker, pausedUntil, "workspace paused by rate limit");
            return -1;
        }
        ChatPlatform platform = platforms.get(to.platform());
        if (platform == null) {
            outbox.retryLater(
                    entry.id(),
                    worker,
                    now.plus(Duration.ofMinutes(5)),
                    "platform not configured: " + to.platform());
            return -1;
        }
        Instant slot = pacer == null ? now : pacer.reserve(to, entry.id(), now);
        if (slot.isAfter(now)) {
            paced.increment();
            outbox.retryLater(
                    entry.id(), worker, slot, "paced: one message per conversation per interval");
            return -1;
        }
        long started = System.nanoTime();
        long callNanos = -1;
        try {
            Delivery delivery;
            Optional<Delivery> earlier =
                    entry.outcomeUnknown() && item.file() == null && item.replaces() == null
                            ? platform.findSent(to, entry.idempotencyKey())
                            : Optional.empty();
            if (earlier.isPresent()) {
                delivery = earlier.get();
                log.info(
                        "outbox: row {} was already delivered before a crash; not sent again",
                        entry.id());
            } else if (item.file() != null) {
                delivery = platform.upload(to, item.file());
            } else if (item.replaces() == null) {
                delivery = platform.send(to, item.message(), entry.idempotencyKey());
            } else {
                platform.update(to, item.replaces(), item.message());
                delivery = item.replaces();
            }
            callNanos = System.nanoTime() - started;
            Instant at = clock.instant();
            store.useTransaction(
                    h -> {
                        if (h.attach(Outbox.class)
                                .markSent(
                                        entry.id(),
                                        worker,
                                        at,
                                        delivery.conversationId(),
                                        delivery.messageId())) {
                            healed(h, entry, to);
                            for (DeliveryListener l : listeners) {
                                l.delivered(
                                        h,
                                        entry.agencyId(),
                                        entry.kind(),
                                        entry.ref(),
                                        delivery,
                                        at);
                            }
                        }
                    });
        } catch (ChatPlatformException.RateLimited e) {
            callNanos = System.nanoTime() - started;
            Instant until = clock.instant().plus(e.retryAfter());
            pausedWorkspaces.merge(workspaceKey(to), until, (a, b) -> a.isAfter(b) ? a : b);
            pausedAgencies.merge(entry.agencyId(), until, (a, b) -> a.isAfter(b) ? a : b);
            outbox.retryLater(entry.id(), worker, until, "rate limited for " + e.retryAfter());
            log.info(
                    "outbox: {} rate limited agency={} for {}",
                    to.platform().id(),
                    entry.agencyId(),
                    e.retryAfter());
        } catch (ChatPlatformException.Transient e) {
            callNanos = System.nanoTime() - started;
            Duration wait = Backoff.after(entry.attempts());
            outbox.retryLater(
                    entry.id(), worker, clock.instant().plus(wait), "transient: " + e.getMessage());
            log.info("outbox: row {} transient failure, retry in {}", entry.id(), wait);
        } catch (ChatPlatformException.Unreachable e) {
            callNanos = System.nanoTime() - started;
            store.useTransaction(
                    h -> {
                        h.attach(Outbox.class)
                                .markDead(entry.id(), worker, "unreachable: " + e.getMessage());
                        if (to.kind() == Address.Kind.USER) {
                            h.attach(Members.class)
                                    .markUnreachableByPlatformUser(entry.agencyId(), to.targetId());
                        }
                    });
            log.info("outbox: row {} unreachable target, member marked unreachable", entry.id());
        } catch (ChatPlatformException e) {
            callNanos = System.nanoTime() - started;
            outbox.markDead(entry.id(), worker, "rejected: " + e.getMessage());
            log.warn(
                    "outbox: row {} rejected by {}: {}",
                    entry.id(),
                    to.platform().id(),
                    e.getMessage());
        } catch (RuntimeException e) {
            callNanos = System.nanoTime() - started;
            Duration wait = Backoff.after(entry.attempts());
            outbox.retryLater(
                    entry.id(),
                    worker,
                    clock.instant().plus(wait),
                    "error: " + e.getClass().getSimpleName());
            log.warn(
                    "outbox: row {} failed unexpectedly, retry in {}: {}",
                    entry.id(),
                    wait,
                    e.toString());
        }
        return callNanos;
    }

    /**
     * How many times a row was put back to wait for its conversation's next slot, since start (the
     * {@code tenfour_outbox_paced_total} metric): about once for each message that found its
     * conversation busy.
     */
    public long pacedDeferrals() {
        return paced.sum();
    }

    /** A message reached a person marked unreachable: they are reachable again. */
    private static void healed(Tx h, OutboxEntry entry, Address to) {
        Members members = h.attach(Members.class);
        if (to.kind() == Address.Kind.USER
                && members.isUnreachableByPlatformUser(entry.agencyId(), to.targetId())
                && members.markReachableByPlatformUser(entry.agencyId(), to.targetId()) > 0) {
            log.info("outbox: row {} delivered, member reachable again", entry.id());
        }
    }

    private static String workspaceKey(Address to) {
        return to.platform().id() + ":" + to.workspaceId();
    }

    /** Stops polling, letting the calls in flight finish. */
    @Override
    public void close() {
        running.set(false);
        if (dispatcher != null) {
            dispatcher.interrupt();
            try {
                dispatcher.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (calls != null) {
            calls.shutdown();
            try {
                calls.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (loop != null) {
            loop.shutdown();
            try {
                loop.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

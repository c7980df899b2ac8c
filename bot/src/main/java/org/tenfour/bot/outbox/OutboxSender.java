package org.tenfour.bot.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Members;
import org.tenfour.storage.Outbox;
import org.tenfour.storage.OutboxEntry;

/**
 * Delivers the outbox: claims due rows with {@code FOR UPDATE SKIP LOCKED} under a lease, sends
 * each through its platform, and records the outcome. Messages to one conversation are spaced by
 * the platform's per-conversation limit ({@link Pacer}); a rate limit pauses the whole workspace
 * until the platform's {@code Retry-After}; transient failures back off exponentially and are
 * retried without end; an unreachable person is marked so (coordinators see a count) and not
 * retried.
 *
 * <p>A crash between the platform's answer and the "sent" record leaves the row claimed; once its
 * lease expires (at once when the replica restarts under the same instance id) the row is marked
 * {@code outcome_unknown}, and before sending it again the sender asks the platform whether a
 * message with the row's idempotency key is already there ({@link ChatPlatform#findSent}; Slack
 * message metadata). Where the platform can say (Slack), delivery is effectively once; where it
 * cannot (Teams), at least once, with the window limited to the one message in flight.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    private final Jdbi jdbi;
    private final Map<Platform, ChatPlatform> platforms;
    private final List<DeliveryListener> listeners;
    private final List<SendGuard> guards;
    private final Clock clock;
    private final String worker;
    private final Map<String, Instant> pausedWorkspaces = new ConcurrentHashMap<>();
    private final Pacer pacer;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService loop;

    /** A sender without per-conversation pacing (domain tests drive it with a fixed clock). */
    public OutboxSender(
            Jdbi jdbi,
            Map<Platform, ChatPlatform> platforms,
            List<DeliveryListener> listeners,
            List<SendGuard> guards,
            Clock clock,
            String worker) {
        this(jdbi, platforms, listeners, guards, clock, worker, false);
    }

    /**
     * A sender that, when {@code paced}, spaces messages to one conversation ({@link Pacer});
     * production paces.
     */
    public OutboxSender(
            Jdbi jdbi,
            Map<Platform, ChatPlatform> platforms,
            List<DeliveryListener> listeners,
            List<SendGuard> guards,
            Clock clock,
            String worker,
            boolean paced) {
        this.pacer = paced ? new Pacer() : null;
        this.jdbi = jdbi;
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
        int released = jdbi.onDemand(Outbox.class).releaseLeases(worker);
        if (released > 0) {
            log.info(
                    "outbox: took back {} rows leased by this instance before a restart", released);
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-sender"));
        loop.scheduleWithFixedDelay(
                this::drainSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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

    /** Claims and handles one batch; returns how many rows were claimed. */
    public int runOnce() {
        Instant now = clock.instant();
        List<OutboxEntry> batch =
                jdbi.onDemand(Outbox.class).claim(worker, now, now.plus(LEASE), BATCH);
        for (OutboxEntry entry : batch) {
            deliver(entry);
        }
        return batch.size();
    }

    private void deliver(OutboxEntry entry) {
        Outbox outbox = jdbi.onDemand(Outbox.class);
        Address to;
        OutboundItem item;
        try {
            to = Jackson.MAPPER.readValue(entry.targetJson(), Address.class);
            item = Jackson.MAPPER.readValue(entry.messageJson(), OutboundItem.class);
        } catch (IOException | RuntimeException e) {
            outbox.markDead(entry.id(), worker, "unreadable row: " + e.getClass().getSimpleName());
            log.error("outbox row {} unreadable, set aside", entry.id());
            return;
        }
        Instant now = clock.instant();
        for (SendGuard guard : guards) {
            SendGuard.Decision d;
            try {
                d = guard.check(jdbi, entry.agencyId(), entry.kind(), entry.ref(), now);
            } catch (RuntimeException e) {
                // the row is not lost, and the rest of the batch goes on
                Duration wait = Backoff.after(entry.attempts());
                outbox.retryLater(
                        entry.id(),
                        worker,
                        now.plus(wait),
                        "guard failed: " + e.getClass().getSimpleName());
                log.warn("outbox: row {} guard failed, retry in {}", entry.id(), wait);
                return;
            }
            if (!d.wanted()) {
                outbox.markDead(entry.id(), worker, "no longer wanted");
                return;
            }
            if (d.notBefore() != null && d.notBefore().isAfter(now)) {
                outbox.retryLater(entry.id(), worker, d.notBefore(), "waiting for its time");
                return;
            }
        }
        Instant pausedUntil = pausedWorkspaces.get(workspaceKey(to));
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            outbox.retryLater(entry.id(), worker, pausedUntil, "workspace paused by rate limit");
            return;
        }
        ChatPlatform platform = platforms.get(to.platform());
        if (platform == null) {
            outbox.retryLater(
                    entry.id(),
                    worker,
                    now.plus(Duration.ofMinutes(5)),
                    "platform not configured: " + to.platform());
            return;
        }
        Instant slot = pacer == null ? now : pacer.reserve(to, now);
        if (slot.isAfter(now)) {
            outbox.retryLater(
                    entry.id(), worker, slot, "paced: one message per conversation per interval");
            return;
        }
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
            Instant at = clock.instant();
            jdbi.useTransaction(
                    h -> {
                        if (h.attach(Outbox.class)
                                .markSent(
                                        entry.id(),
                                        worker,
                                        at,
                                        delivery.conversationId(),
                                        delivery.messageId())) {
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
            Instant until = clock.instant().plus(e.retryAfter());
            pausedWorkspaces.merge(workspaceKey(to), until, (a, b) -> a.isAfter(b) ? a : b);
            outbox.retryLater(entry.id(), worker, until, "rate limited for " + e.retryAfter());
            log.info(
                    "outbox: {} rate limited agency={} for {}",
                    to.platform().id(),
                    entry.agencyId(),
                    e.retryAfter());
        } catch (ChatPlatformException.Transient e) {
            Duration wait = Backoff.after(entry.attempts());
            outbox.retryLater(
                    entry.id(), worker, clock.instant().plus(wait), "transient: " + e.getMessage());
            log.info("outbox: row {} transient failure, retry in {}", entry.id(), wait);
        } catch (ChatPlatformException.Unreachable e) {
            jdbi.useTransaction(
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
            outbox.markDead(entry.id(), worker, "rejected: " + e.getMessage());
            log.warn(
                    "outbox: row {} rejected by {}: {}",
                    entry.id(),
                    to.platform().id(),
                    e.getMessage());
        } catch (RuntimeException e) {
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
    }

    private static String workspaceKey(Address to) {
        return to.platform().id() + ":" + to.workspaceId();
    }

    /** Stops polling, letting the current batch finish. */
    @Override
    public void close() {
        running.set(false);
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

package org.tenfour.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.storage.Agency;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

/** Several calls in flight, bounded in all and per workspace, each message still sent once. */
@ExtendWith(PostgresExtension.class)
class ConcurrentSenderTest {
    private static final int ROWS = 12;
    private final Jdbi jdbi;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T15:00:00Z"));
    private final HeldPlatform slack = new HeldPlatform();
    private final Agency first;
    private final Agency second;
    private OutboxSender sender;

    ConcurrentSenderTest(TestDatabase db) {
        jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("delete from agency"));
        first = TestData.agency(jdbi);
        second = TestData.agency(jdbi);
    }

    @AfterEach
    void stop() {
        slack.release.countDown();
        if (sender != null) {
            sender.close();
        }
    }

    /** A platform whose calls wait until released, counting how many are in flight. */
    static final class HeldPlatform implements ChatPlatform {
        final CountDownLatch release = new CountDownLatch(1);
        final Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
        final Map<String, Integer> most = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final Map<String, AtomicInteger> sentPerTarget = new ConcurrentHashMap<>();
        final Set<String> rateLimitOnce = ConcurrentHashMap.newKeySet();

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public Delivery send(Address to, Message message) {
            int all = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(all, Math::max);
            int mine =
                    now.computeIfAbsent(to.workspaceId(), w -> new AtomicInteger())
                            .incrementAndGet();
            most.merge(to.workspaceId(), mine, Math::max);
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                if (rateLimitOnce.remove(to.targetId())) {
                    throw new ChatPlatformException.RateLimited("429", Duration.ofSeconds(30));
                }
                sentPerTarget
                        .computeIfAbsent(to.targetId(), t -> new AtomicInteger())
                        .incrementAndGet();
                return new Delivery("D" + to.targetId(), "m-" + to.targetId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                now.get(to.workspaceId()).decrementAndGet();
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void update(Address to, Delivery sent, Message message) {}

        @Override
        public void openForm(Address user, String triggerId, Form form) {}
    }

    private void enqueue(Agency agency, String user) {
        Store.of(jdbi)
                .useTransaction(
                        h ->
                                Outgoing.on(h, agency.id())
                                        .send(
                                                OutboxKey.of(
                                                        OutboxKind.CONNECT_OFFER,
                                                        UUID.nameUUIDFromBytes(
                                                                user.getBytes(
                                                                        StandardCharsets.UTF_8)),
                                                        user),
                                                Address.user(
                                                        Platform.SLACK, agency.workspaceId(), user),
                                                Message.text("hello"),
                                                clock.instant()));
    }

    private OutboxSender sender(Concurrency concurrency) {
        return new OutboxSender(
                Store.of(jdbi),
                Map.of(Platform.SLACK, slack),
                List.of(),
                List.of(),
                clock,
                "w-" + UUID.randomUUID(),
                false,
                concurrency);
    }

    private int pending() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("select count(*) from outbox where state = 'pending'")
                                .mapTo(Integer.class)
                                .one());
    }

    @Test
    void calls_overlap_up_to_the_bounds_and_every_message_is_sent_once() {
        for (int i = 0; i < ROWS; i++) {
            enqueue(first, "UA" + i);
            enqueue(second, "UB" + i);
        }
        sender = sender(new Concurrency(6, 4, 0));
        sender.start(Duration.ofMillis(50));

        Awaitility.await("as many calls in flight as allowed")
                .atMost(Duration.ofSeconds(30))
                .until(() -> slack.inFlight.get() == 6);
        assertThat(slack.most.values())
                .as("per workspace")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        slack.release.countDown();
        Awaitility.await("everything delivered")
                .atMost(Duration.ofSeconds(30))
                .until(() -> pending() == 0);

        assertThat(slack.sentPerTarget).hasSize(2 * ROWS);
        assertThat(slack.sentPerTarget.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(slack.mostInFlight.get()).as("in all").isEqualTo(6);
        assertThat(slack.most.values())
                .as("per workspace, all along")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
    }

    @Test
    void one_call_at_a_time_when_asked() {
        for (int i = 0; i < 3; i++) {
            enqueue(first, "UA" + i);
        }
        slack.release.countDown();
        sender = sender(Concurrency.ONE_AT_A_TIME);
        while (sender.runOnce() > 0) {
            // until nothing is due
        }
        assertThat(slack.sentPerTarget).hasSize(3);
        assertThat(slack.mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void a_rate_limit_pauses_only_its_workspace_while_the_other_goes_on() {
        for (int i = 0; i < ROWS; i++) {
            enqueue(first, "UA" + i);
            enqueue(second, "UB" + i);
        }
        slack.rateLimitOnce.add("UA0");
        slack.release.countDown();
        sender = sender(new Concurrency(4, 2, 0));
        while (sender.runOnce() > 0) {
            // until nothing is due now
        }
        assertThat(slack.sentPerTarget.keySet())
                .as("the second workspace is all delivered")
                .contains(IntStream.range(0, ROWS).mapToObj(i -> "UB" + i).toArray(String[]::new));
        assertThat(slack.sentPerTarget.keySet().stream().filter(t -> t.startsWith("UA")).count())
                .as(
                        "the first is paused after its 429 (at most the calls already in flight went out)")
                .isLessThan(ROWS);
        clock.advance(Duration.ofSeconds(30));
        while (sender.runOnce() > 0) {
            // the pause is over
        }
        assertThat(slack.sentPerTarget).hasSize(2 * ROWS);
        assertThat(slack.sentPerTarget.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
}

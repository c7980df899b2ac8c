package org.tenfour.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
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

/**
 * A backlog to one conversation (a coordinator channel getting an audit echo per {@code roster
 * add}) through the paced, concurrent sender: one message per interval, each sent once, each
 * deferred about once.
 */
@ExtendWith(PostgresExtension.class)
class OutboxSenderPacingTest {
    private static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
    private static final Duration STEP = Duration.ofMillis(100);
    private static final String CHANNEL = "C-coordinators";
    private final Jdbi jdbi;
    private final MutableClock clock = new MutableClock(T0);
    private final TimedPlatform slack = new TimedPlatform(clock);
    private final Agency agency;
    private final OutboxSender sender;

    OutboxSenderPacingTest(TestDatabase db) {
        jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("delete from agency"));
        agency = TestData.agency(jdbi);
        sender =
                new OutboxSender(
                        Store.of(jdbi),
                        Map.of(Platform.SLACK, slack),
                        List.of(),
                        List.of(),
                        clock,
                        "w1",
                        true,
                        new Concurrency(4, 4, 0));
    }

    @AfterEach
    void stop() {
        sender.close();
    }

    /** Records when each message reached it (by the test's clock); can rate-limit the first. */
    static final class TimedPlatform implements ChatPlatform {
        record Sent(String text, Instant at) {}

        final List<Sent> sent = new CopyOnWriteArrayList<>();
        final AtomicBoolean rateLimitFirst = new AtomicBoolean();
        private final Clock clock;

        TimedPlatform(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public Delivery send(Address to, Message message) {
            if (rateLimitFirst.compareAndSet(true, false)) {
                throw new ChatPlatformException.RateLimited("429", Duration.ofSeconds(30));
            }
            sent.add(new Sent(message.text(), clock.instant()));
            return new Delivery(to.targetId(), "m" + sent.size());
        }

        @Override
        public void update(Address to, Delivery sent, Message message) {}

        @Override
        public void openForm(Address user, String triggerId, Form form) {}
    }

    private void enqueue(int n) {
        String name = "echo " + n;
        Store.of(jdbi)
                .useTransaction(
                        h ->
                                Outgoing.on(h, agency.id())
                                        .send(
                                                OutboxKey.of(
                                                        OutboxKind.AUDIT,
                                                        UUID.nameUUIDFromBytes(
                                                                name.getBytes(
                                                                        StandardCharsets.UTF_8)),
                                                        name),
                                                Address.channel(
                                                        Platform.SLACK,
                                                        agency.workspaceId(),
                                                        CHANNEL),
                                                Message.text(name),
                                                clock.instant()));
    }

    private int pending() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("select count(*) from outbox where state = 'pending'")
                                .mapTo(Integer.class)
                                .one());
    }

    /** Runs the sender as its loop would, moving the clock on a step at a time. */
    private void deliverAll(Duration atMost) {
        Instant end = clock.instant().plus(atMost);
        while (pending() > 0 && clock.instant().isBefore(end)) {
            while (sender.runOnce() > 0) {
                // until nothing is due now
            }
            clock.advance(STEP);
        }
    }

    private static List<String> names(int messages) {
        return IntStream.range(0, messages).mapToObj(i -> "echo " + i).toList();
    }

    private List<Duration> gaps() {
        List<Instant> times = new ArrayList<>(slack.sent.stream().map(s -> s.at()).toList());
        times.sort(null);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)));
        }
        return gaps;
    }

    @Test
    void thirty_messages_to_one_channel_go_out_once_each_a_second_apart_each_deferred_once() {
        int messages = 30;
        IntStream.range(0, messages).forEach(this::enqueue);

        deliverAll(Duration.ofMinutes(2));

        assertThat(slack.sent)
                .extracting(TimedPlatform.Sent::text)
                .containsExactlyInAnyOrderElementsOf(names(messages));
        assertThat(gaps()).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(Pacer.SLACK));
        assertThat(slack.sent.get(messages - 1).at())
                .as("one a second, not slower")
                .isBeforeOrEqualTo(T0.plus(Pacer.SLACK.multipliedBy(messages - 1)).plus(STEP));
        assertThat(sender.pacedDeferrals())
                .as("the first goes at once, every other one waits once for its booked slot")
                .isEqualTo(messages - 1);
    }

    @Test
    void after_a_rate_limit_pause_the_waiting_messages_are_booked_again_not_let_out_together() {
        int messages = 10;
        IntStream.range(0, messages).forEach(this::enqueue);
        slack.rateLimitFirst.set(true);

        deliverAll(Duration.ofMinutes(2));

        assertThat(slack.sent)
                .extracting(TimedPlatform.Sent::text)
                .containsExactlyInAnyOrderElementsOf(names(messages));
        assertThat(slack.sent.get(0).at()).as("not before Retry-After").isAfter(T0.plusSeconds(29));
        assertThat(gaps()).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(Pacer.SLACK));
        assertThat(sender.pacedDeferrals())
                .as("at most once before the pause and once after it, each")
                .isLessThanOrEqualTo(2L * messages);
    }
}

package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Agency agency;

    OutboxTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.outbox = jdbi.onDemand(Outbox.class);
        this.agency = TestData.agency(jdbi);
        jdbi.useHandle(h -> h.execute("delete from outbox"));
    }

    @Test
    void the_same_idempotency_key_is_enqueued_once() {
        assertThat(outbox.enqueue(agency.id(), "k1", "other", null, "{}", "{}", T0)).isTrue();
        assertThat(outbox.enqueue(agency.id(), "k1", "other", null, "{}", "{}", T0)).isFalse();
        assertThat(outbox.list(agency.id())).hasSize(1);
    }

    @Test
    void rows_are_claimed_only_when_due_and_a_lease_keeps_others_off() {
        outbox.enqueue(agency.id(), "due", "other", null, "{}", "{}", T0);
        outbox.enqueue(agency.id(), "later", "other", null, "{}", "{}", T0.plusSeconds(60));

        List<OutboxEntry> first = outbox.claim("w1", T0, T0.plusSeconds(30), 10);
        assertThat(first).extracting(OutboxEntry::idempotencyKey).containsExactly("due");
        assertThat(first.get(0).attempts()).isEqualTo(1);
        assertThat(outbox.claim("w2", T0.plusSeconds(10), T0.plusSeconds(40), 10))
                .as("leased to w1")
                .isEmpty();
        assertThat(outbox.claim("w2", T0.plusSeconds(61), T0.plusSeconds(90), 10))
                .as("w1's lease expired (a crashed sender) and 'later' came due")
                .extracting(OutboxEntry::idempotencyKey)
                .containsExactlyInAnyOrder("due", "later");
    }

    @Test
    void a_spread_claim_takes_no_more_of_one_agency_than_it_may_send_at_once() {
        Agency busy = TestData.agency(jdbi);
        Agency skipped = TestData.agency(jdbi);
        for (int i = 0; i < 5; i++) {
            // the first agency's rows are the oldest: a plain claim would take only those
            outbox.enqueue(
                    agency.id(), "a" + i, "other", null, "{}", "{}", T0.minusSeconds(50 - i));
            outbox.enqueue(busy.id(), "b" + i, "other", null, "{}", "{}", T0.minusSeconds(40 - i));
            outbox.enqueue(skipped.id(), "s" + i, "other", null, "{}", "{}", T0.minusSeconds(60));
        }

        List<OutboxEntry> claimed =
                outbox.claimSpread(
                        "w1",
                        T0,
                        T0.plusSeconds(30),
                        10,
                        2,
                        100,
                        new UUID[] {skipped.id()},
                        new UUID[] {busy.id()},
                        new Integer[] {1});

        assertThat(claimed)
                .extracting(OutboxEntry::idempotencyKey)
                .containsExactlyInAnyOrder("a0", "a1", "b0");
        assertThat(
                        outbox.claimSpread(
                                "w2",
                                T0,
                                T0.plusSeconds(30),
                                20,
                                10,
                                100,
                                new UUID[0],
                                new UUID[0],
                                new Integer[0]))
                .as("what w1 holds is not claimed again; the rest is")
                .extracting(OutboxEntry::idempotencyKey)
                .hasSize(12)
                .doesNotContain("a0", "a1", "b0");
    }

    @Test
    void only_the_lease_holder_can_mark_a_row_sent_and_a_sent_row_is_never_claimed_again() {
        outbox.enqueue(agency.id(), "once", "connect_offer", UUID.randomUUID(), "{}", "{}", T0);
        OutboxEntry row = outbox.claim("w1", T0, T0.plusSeconds(30), 10).get(0);
        assertThat(outbox.markSent(row.id(), "someone-else", T0, "D1", "m1")).isFalse();
        assertThat(outbox.markSent(row.id(), "w1", T0, "D1", "m1")).isTrue();
        assertThat(outbox.claim("w1", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), 10))
                .isEmpty();
        assertThat(outbox.findByKey(agency.id(), "once"))
                .get()
                .extracting(OutboxEntry::state, OutboxEntry::platformMessageId)
                .containsExactly("sent", "m1");
    }

    @Test
    void a_delivered_row_keeps_no_text_no_addressee_and_only_the_day() {
        UUID checkIn = UUID.randomUUID();
        outbox.enqueue(
                agency.id(),
                "hashed",
                "nudge",
                checkIn,
                "{\"targetId\": \"U1\"}",
                "{\"text\": \"Hi Ana\"}",
                T0);
        OutboxEntry row = outbox.claim("w1", T0, T0.plusSeconds(30), 10).get(0);
        assertThat(row.kind()).isEqualTo(OutboxKind.NUDGE);
        assertThat(row.ref()).isEqualTo(checkIn);
        assertThat(outbox.markSent(row.id(), "w1", T0.plusSeconds(7), "D1", "m1")).isTrue();

        OutboxEntry sent = outbox.findByKey(agency.id(), "hashed").orElseThrow();
        assertThat(sent.targetJson()).isNull();
        assertThat(sent.messageJson()).isNull();
        assertThat(sent.ref()).isNull();
        assertThat(sent.platformConversationId()).isNull();
        assertThat(sent.platformMessageId()).isNull();
        assertThat(sent.sentAt()).isEqualTo(T0.truncatedTo(ChronoUnit.DAYS));
        assertThat(sent.createdAt()).isEqualTo(sent.createdAt().truncatedTo(ChronoUnit.DAYS));
    }

    @Test
    void a_delivered_check_in_keeps_only_its_platform_ids_so_that_its_buttons_can_be_replaced() {
        UUID checkIn = UUID.randomUUID();
        outbox.enqueue(
                agency.id(),
                "question",
                "check_in",
                checkIn,
                "{\"targetId\": \"U1\"}",
                "{\"text\": \"Hi Ana\"}",
                T0);
        OutboxEntry row = outbox.claim("w1", T0, T0.plusSeconds(30), 10).get(0);
        assertThat(outbox.markSent(row.id(), "w1", T0.plusSeconds(7), "D1", "m1")).isTrue();

        OutboxEntry sent = outbox.findByKey(agency.id(), "question").orElseThrow();
        assertThat(sent.targetJson()).isNull();
        assertThat(sent.messageJson()).isNull();
        assertThat(sent.platformConversationId()).isEqualTo("D1");
        assertThat(sent.platformMessageId()).isEqualTo("m1");
        assertThat(sent.ref()).as("forgetme finds the row by its check-in").isEqualTo(checkIn);
        assertThat(outbox.forgetDelivery(agency.id(), "question")).isEqualTo(1);
        OutboxEntry closed = outbox.findByKey(agency.id(), "question").orElseThrow();
        assertThat(closed.platformMessageId()).isNull();
        assertThat(closed.platformConversationId()).isNull();
        assertThat(closed.ref()).isNull();
    }

    /**
     * The outbox's statements take what each kind keeps from {@link OutboxKind}: for every kind, a
     * delivered row keeps its platform ids exactly when the kind says so, a delivered or given-up
     * row its ref likewise, and closing it on screen forgets the ref only of the kinds that say so.
     */
    @Test
    void every_kind_keeps_after_delivery_exactly_what_its_enum_constant_says() {
        for (OutboxKind kind : OutboxKind.values()) {
            UUID ref = UUID.randomUUID();
            String sentKey = "sent-" + kind.column();
            String deadKey = "dead-" + kind.column();
            for (String key : List.of(sentKey, deadKey)) {
                outbox.enqueue(
                        agency.id(),
                        key,
                        kind.column(),
                        ref,
                        "{\"targetId\": \"U1\"}",
                        "{\"text\": \"Hi\"}",
                        T0);
            }
            List<OutboxEntry> rows = outbox.claim("w1", T0, T0.plusSeconds(30), 10);
            for (OutboxEntry row : rows) {
                if (row.idempotencyKey().equals(sentKey)) {
                    assertThat(outbox.markSent(row.id(), "w1", T0, "D1", "m1")).isTrue();
                } else {
                    assertThat(outbox.markDead(row.id(), "w1", "gone")).isTrue();
                }
            }
            OutboxEntry sent = outbox.findByKey(agency.id(), sentKey).orElseThrow();
            assertThat(sent.platformMessageId() != null)
                    .as(kind + " ids")
                    .isEqualTo(kind.keepsDelivery());
            assertThat(sent.platformConversationId() != null)
                    .as(kind + " ids")
                    .isEqualTo(kind.keepsDelivery());
            assertThat(sent.ref() != null).as(kind + " ref when sent").isEqualTo(kind.keepsRef());
            OutboxEntry dead = outbox.findByKey(agency.id(), deadKey).orElseThrow();
            assertThat(dead.ref() != null).as(kind + " ref when dead").isEqualTo(kind.keepsRef());

            assertThat(outbox.forgetDelivery(agency.id(), sentKey)).isEqualTo(1);
            OutboxEntry closed = outbox.findByKey(agency.id(), sentKey).orElseThrow();
            assertThat(closed.platformMessageId()).isNull();
            assertThat(closed.ref() != null)
                    .as(kind + " ref when closed")
                    .isEqualTo(kind.keepsRef() && !kind.forgetsRefWhenClosed());
        }
    }

    @Test
    void done_rows_are_deleted_after_their_time_and_pending_ones_never() {
        outbox.enqueue(agency.id(), "done", "other", null, "{}", "{}", T0);
        outbox.enqueue(agency.id(), "waiting", "other", null, "{}", "{}", T0.plusSeconds(3600));
        OutboxEntry row = outbox.claim("w1", T0, T0.plusSeconds(30), 10).get(0);
        outbox.markSent(row.id(), "w1", T0, "D1", "m1");

        assertThat(outbox.purgeDone(T0.minus(Duration.ofDays(1)))).isZero();
        assertThat(outbox.purgeDone(T0.plus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(outbox.list(agency.id()))
                .extracting(OutboxEntry::idempotencyKey)
                .containsExactly("waiting");
    }

    @Test
    void a_retried_row_comes_back_at_its_next_attempt_time() {
        outbox.enqueue(agency.id(), "retry", "other", null, "{}", "{}", T0);
        OutboxEntry row = outbox.claim("w1", T0, T0.plusSeconds(30), 10).get(0);
        assertThat(outbox.retryLater(row.id(), "w1", T0.plusSeconds(5), "429")).isTrue();
        assertThat(outbox.claim("w1", T0.plusSeconds(4), T0.plusSeconds(30), 10)).isEmpty();
        assertThat(outbox.claim("w1", T0.plusSeconds(5), T0.plusSeconds(30), 10)).hasSize(1);
    }

    @Test
    void concurrent_claimers_never_take_the_same_row() throws Exception {
        for (int i = 0; i < 200; i++) {
            outbox.enqueue(agency.id(), "c" + i, "other", null, "{}", "{}", T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                workers.add(
                        () -> {
                            List<Long> mine = new ArrayList<>();
                            List<OutboxEntry> batch =
                                    outbox.claim(worker, T0, T0.plusSeconds(600), 7);
                            while (!batch.isEmpty()) {
                                batch.forEach(e -> mine.add(e.id()));
                                batch = outbox.claim(worker, T0, T0.plusSeconds(600), 7);
                            }
                            return mine;
                        });
            }
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<Long>> f : pool.invokeAll(workers)) {
                total += f.get().size();
                seen.addAll(f.get());
            }
            assertThat(total).isEqualTo(200);
            assertThat(seen).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }
}

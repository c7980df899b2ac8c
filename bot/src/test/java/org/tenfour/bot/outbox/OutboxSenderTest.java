package org.tenfour.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Outbox;
import org.tenfour.storage.OutboxEntry;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

@ExtendWith(PostgresExtension.class)
class OutboxSenderTest {
    private static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
    private final Jdbi jdbi;
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingPlatform slack = new RecordingPlatform(Platform.SLACK);
    private final OutboxSender sender;
    private final Agency agency;
    private final Member member;

    OutboxSenderTest(TestDatabase db) {
        jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("delete from agency"));
        agency = TestData.agency(jdbi);
        member = TestData.member(jdbi, agency);
        sender =
                new OutboxSender(
                        Store.of(jdbi),
                        Map.of(Platform.SLACK, slack),
                        List.of(),
                        List.of(),
                        clock,
                        "w1");
    }

    private void enqueue(String key, String user) {
        Store.of(jdbi)
                .useTransaction(
                        h ->
                                Outgoing.on(h, agency.id())
                                        .send(
                                                key(key),
                                                Address.user(
                                                        Platform.SLACK, agency.workspaceId(), user),
                                                Message.text("hello " + key),
                                                clock.instant()));
    }

    /** An offer's key (the kind that keeps the platform's ids after delivery). */
    private static OutboxKey key(String name) {
        return OutboxKey.of(OutboxKind.CONNECT_OFFER, ref(name), name);
    }

    private static UUID ref(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private OutboxEntry row(String key) {
        return Store.of(jdbi)
                .withConnection(
                        h ->
                                h.attach(Outbox.class)
                                        .findByKey(agency.id(), key(key).stored(h, agency.id()))
                                        .orElseThrow());
    }

    @Test
    void a_message_is_delivered_once_and_its_platform_id_kept() {
        enqueue("k1", member.platformUserId());
        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(sender.runOnce()).isZero();
        assertThat(slack.sent()).hasSize(1);
        assertThat(row("k1"))
                .extracting(OutboxEntry::state, OutboxEntry::platformMessageId)
                .containsExactly("sent", "m1");
        assertThat(row("k1").messageJson()).as("no text after delivery").isNull();
        assertThat(row("k1").targetJson()).as("no addressee after delivery").isNull();
        assertThat(row("k1").idempotencyKey())
                .as("a keyed hash, also in the platform's metadata")
                .hasSize(32)
                .doesNotContain(member.platformUserId())
                .doesNotContain("k1");
    }

    @Test
    void a_rate_limit_pauses_the_workspace_until_retry_after() {
        enqueue("k1", "U1");
        enqueue("k2", "U2");
        slack.failNext(() -> new ChatPlatformException.RateLimited("429", Duration.ofSeconds(30)));
        sender.runOnce();
        assertThat(slack.sent()).as("k2 waits with k1: the whole workspace is paused").isEmpty();
        assertThat(row("k1").nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(row("k2").nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(sender.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        sender.runOnce();
        assertThat(slack.sent()).hasSize(2);
    }

    @Test
    void transient_failures_back_off_and_are_retried_until_delivered() {
        enqueue("k1", "U1");
        for (int i = 0; i < 3; i++) {
            slack.failNext(() -> new ChatPlatformException.Transient("502", null));
        }
        for (int i = 0; i < 3; i++) {
            sender.runOnce();
            Instant next = row("k1").nextAttemptAt();
            assertThat(next).isAfter(clock.instant());
            clock.set(next);
        }
        sender.runOnce();
        assertThat(row("k1").state()).isEqualTo("sent");
        assertThat(row("k1").attempts()).isEqualTo(4);
    }

    @Test
    void a_member_marked_unreachable_is_reachable_again_once_a_message_reaches_them() {
        enqueue("k1", member.platformUserId());
        slack.failNext(() -> new ChatPlatformException.Unreachable("user_not_found"));
        sender.runOnce();
        assertThat(unreachable()).isTrue();

        enqueue("k2", member.platformUserId());
        sender.runOnce();
        assertThat(row("k2").state()).isEqualTo("sent");
        assertThat(unreachable()).isFalse();
    }

    private boolean unreachable() {
        return jdbi.onDemand(Members.class)
                .find(agency.id(), member.id())
                .orElseThrow()
                .unreachable();
    }

    @Test
    void an_unreachable_member_is_marked_and_not_retried() {
        enqueue("k1", member.platformUserId());
        slack.failNext(() -> new ChatPlatformException.Unreachable("user_not_found"));
        sender.runOnce();
        assertThat(row("k1").state()).isEqualTo("dead");
        assertThat(
                        jdbi.onDemand(Members.class)
                                .find(agency.id(), member.id())
                                .orElseThrow()
                                .unreachable())
                .isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(sender.runOnce()).isZero();
    }

    @Test
    void a_sender_that_crashed_mid_send_is_replaced_after_its_lease_and_nothing_is_lost() {
        enqueue("k1", "U1");
        // a replica claims the row, then dies before sending
        jdbi.onDemand(Outbox.class).claim("crashed", T0, T0.plusSeconds(60), 10);
        assertThat(sender.runOnce()).as("leased to the crashed replica").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(slack.sent()).hasSize(1);
        assertThat(row("k1").state()).isEqualTo("sent");
    }

    @Test
    void a_row_no_longer_wanted_is_set_aside_unsent() {
        OutboxSender guarded =
                new OutboxSender(
                        Store.of(jdbi),
                        Map.of(Platform.SLACK, slack),
                        List.of(),
                        List.of(
                                (j, a, kind, ref, now) ->
                                        ref.equals(ref("cancelled"))
                                                ? SendGuard.Decision.DROP
                                                : SendGuard.Decision.SEND),
                        clock,
                        "w2");
        enqueue("cancelled", "U1");
        enqueue("wanted", "U2");
        guarded.runOnce();
        assertThat(slack.sent()).extracting(s -> s.to().targetId()).containsExactly("U2");
        assertThat(row("cancelled").state()).isEqualTo("dead");
    }

    @Test
    void a_row_wanted_later_waits_until_then_and_is_sent_once() {
        Instant later = T0.plus(Duration.ofHours(10));
        OutboxSender guarded =
                new OutboxSender(
                        Store.of(jdbi),
                        Map.of(Platform.SLACK, slack),
                        List.of(),
                        List.of(
                                (j, a, kind, ref, now) ->
                                        now.isBefore(later)
                                                ? SendGuard.Decision.notBefore(later)
                                                : SendGuard.Decision.SEND),
                        clock,
                        "w3");
        enqueue("night", "U1");
        assertThat(guarded.runOnce()).isEqualTo(1);
        assertThat(slack.sent()).isEmpty();
        assertThat(row("night").state()).isEqualTo("pending");
        assertThat(row("night").nextAttemptAt()).isEqualTo(later);
        clock.advance(Duration.ofHours(9));
        assertThat(guarded.runOnce()).as("not due before its time").isZero();
        clock.advance(Duration.ofHours(1));
        guarded.runOnce();
        assertThat(slack.sent()).extracting(s -> s.to().targetId()).containsExactly("U1");
        assertThat(row("night").state()).isEqualTo("sent");
    }

    @Test
    void a_platform_that_is_not_configured_keeps_the_row_for_later() {
        Store.of(jdbi)
                .useTransaction(
                        h ->
                                Outgoing.on(h, agency.id())
                                        .send(
                                                key("teams-1"),
                                                Address.user(Platform.TEAMS, "tenant", "29:x"),
                                                Message.text("hi"),
                                                clock.instant()));
        sender.runOnce();
        assertThat(row("teams-1").state()).isEqualTo("pending");
        assertThat(row("teams-1").nextAttemptAt()).isAfter(T0);
        assertThat(UUID.fromString(agency.id().toString())).isEqualTo(agency.id());
    }
}

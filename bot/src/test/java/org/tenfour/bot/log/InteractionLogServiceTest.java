package org.tenfour.bot.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.storage.Agency;
import org.tenfour.storage.FollowUpDue;
import org.tenfour.storage.FollowUpReminders;
import org.tenfour.storage.InteractionLogs;
import org.tenfour.storage.LogEntry;
import org.tenfour.storage.Member;
import org.tenfour.storage.PeerTestData;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

@ExtendWith(PostgresExtension.class)
class InteractionLogServiceTest {
    static final PseudonymKeys KEYS =
            agency -> ("key-of-" + agency).getBytes(StandardCharsets.UTF_8);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private final Jdbi jdbi;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final InteractionLogService service;
    private final Agency agency;
    private final Member peer;

    InteractionLogServiceTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.service = new InteractionLogService(Store.of(jdbi), clock, KEYS);
        this.agency = TestData.agency(jdbi);
        this.peer = PeerTestData.peer(jdbi, agency);
    }

    @Test
    void a_valid_log_is_stored_on_the_peers_own_calendar_day_under_a_pseudonym() {
        Reply reply = service.submit(agency.id(), peer.id(), CHICAGO, LogForm.valid().values());

        assertThat(reply).isInstanceOf(Reply.FormAccepted.class);
        LogEntry row = jdbi.onDemand(InteractionLogs.class).list(agency.id()).get(0);
        assertThat(row.logDate()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(row.topicCodes()).containsExactly("stress", "sleep");
        assertThat(row.peerPseudonym())
                .isEqualTo(new Pseudonyms(KEYS).of(agency.id(), peer.id()))
                .hasSize(64)
                .doesNotContain(peer.id().toString());
        assertThat(row.sealedAt())
                .as("at least the window, and no time finer than the day")
                .isAfterOrEqualTo(clock.instant().plus(Duration.ofHours(24)))
                .isBefore(clock.instant().plus(Duration.ofHours(48)))
                .isEqualTo(row.sealedAt().truncatedTo(ChronoUnit.DAYS));
        assertThat(row.createdAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.DAYS));
    }

    @Test
    void missing_choices_are_reported_next_to_their_fields() {
        Reply reply =
                service.submit(
                        agency.id(),
                        peer.id(),
                        CHICAGO,
                        LogForm.valid()
                                .without("contact_type")
                                .without("topics")
                                .with("duration", "3h")
                                .values());

        assertThat(errors(reply)).containsOnlyKeys("contact_type", "topics", "duration");
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id())).isEmpty();
    }

    @Test
    void none_cannot_be_combined_with_a_referral() {
        Reply reply =
                service.submit(
                        agency.id(),
                        peer.id(),
                        CHICAGO,
                        LogForm.valid().with("referrals", "none", "chaplain").values());
        assertThat(errors(reply)).containsOnlyKeys("referrals");
    }

    @Test
    void a_follow_up_needs_a_date_that_is_neither_past_nor_too_far() {
        LogForm noDate = LogForm.valid().with("follow_up", "true");
        LogForm past =
                LogForm.valid().with("follow_up", "true").with("follow_up_date", "2026-03-08");
        LogForm far =
                LogForm.valid().with("follow_up", "true").with("follow_up_date", "2026-07-01");
        LogForm dateOnly = LogForm.valid().with("follow_up_date", "2026-03-12");

        assertThat(errors(service.submit(agency.id(), peer.id(), CHICAGO, noDate.values())))
                .containsOnlyKeys("follow_up_date");
        assertThat(
                        errors(service.submit(agency.id(), peer.id(), CHICAGO, past.values()))
                                .get("follow_up_date"))
                .contains("past");
        assertThat(
                        errors(service.submit(agency.id(), peer.id(), CHICAGO, far.values()))
                                .get("follow_up_date"))
                .contains("90 days");
        assertThat(errors(service.submit(agency.id(), peer.id(), CHICAGO, dateOnly.values())))
                .containsOnlyKeys("follow_up");
    }

    @Test
    void a_follow_up_is_kept_as_a_reminder_for_the_peer_until_it_is_sent() {
        service.submit(
                agency.id(),
                peer.id(),
                CHICAGO,
                LogForm.valid()
                        .with("follow_up", "true")
                        .with("follow_up_date", "2026-03-12")
                        .values());

        assertThat(service.dueFollowUps(LocalDate.parse("2026-03-11"))).isEmpty();
        var due = service.dueFollowUps(LocalDate.parse("2026-03-12"));
        assertThat(due)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.peerMemberId()).as("never in clear").isNull();
                            assertThat(d.peerTag())
                                    .isEqualTo(
                                            Store.of(jdbi)
                                                    .withConnection(
                                                            h ->
                                                                    ReminderTags.peer(
                                                                            h,
                                                                            agency.id(),
                                                                            peer.id())));
                            assertThat(d.agencyId()).isEqualTo(agency.id());
                        });
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id()).get(0).followUp())
                .as("the log keeps yes/no only")
                .isTrue();
        assertThat(due.get(0).dueDate()).isEqualTo(LocalDate.parse("2026-03-12"));
        assertThat(service.followUpSent(agency.id(), due.get(0).id())).isTrue();
        assertThat(service.dueFollowUps(LocalDate.parse("2026-03-12"))).isEmpty();
    }

    @Test
    void a_peer_sees_and_corrects_only_their_own_logs_and_only_for_a_day() {
        Member other = PeerTestData.peer(jdbi, agency);
        service.submit(agency.id(), peer.id(), CHICAGO, LogForm.valid().values());
        service.submit(agency.id(), other.id(), CHICAGO, LogForm.valid().values());
        UUID mine = service.recentLogs(agency.id(), peer.id()).get(0).logId();

        assertThat(service.recentLogs(agency.id(), peer.id())).hasSize(1);
        assertThat(service.correct(agency.id(), other.id(), mine, LogForm.valid().values()))
                .isInstanceOf(Reply.Private.class);
        clock.advance(Duration.ofHours(23));
        assertThat(service.correctionForm(agency.id(), peer.id(), mine))
                .isInstanceOf(Reply.ShowForm.class);
        assertThat(
                        service.correct(
                                agency.id(),
                                peer.id(),
                                mine,
                                LogForm.valid().with("contact_type", "group_debrief").values()))
                .isInstanceOf(Reply.FormAccepted.class);
        assertThat(jdbi.onDemand(InteractionLogs.class).find(agency.id(), mine))
                .get()
                .extracting(LogEntry::contactType)
                .isEqualTo("group_debrief");

        clock.set(jdbi.onDemand(InteractionLogs.class).find(agency.id(), mine).get().sealedAt());
        assertThat(service.recentLogs(agency.id(), peer.id())).isEmpty();
        assertThat(service.correct(agency.id(), peer.id(), mine, LogForm.valid().values()))
                .isInstanceOf(Reply.Private.class);
        assertThat(jdbi.onDemand(InteractionLogs.class).find(agency.id(), mine))
                .get()
                .extracting(LogEntry::contactType)
                .isEqualTo("group_debrief");
    }

    @Test
    void correcting_the_follow_up_moves_the_reminder() {
        service.submit(
                agency.id(),
                peer.id(),
                CHICAGO,
                LogForm.valid()
                        .with("follow_up", "true")
                        .with("follow_up_date", "2026-03-12")
                        .values());
        UUID id = service.recentLogs(agency.id(), peer.id()).get(0).logId();

        service.correct(
                agency.id(),
                peer.id(),
                id,
                LogForm.valid()
                        .with("follow_up", "true")
                        .with("follow_up_date", "2026-03-20")
                        .values());

        assertThat(reminders(peer))
                .extracting(r -> r.dueDate().toString())
                .containsExactly("2026-03-20");
    }

    @Test
    void someone_who_is_not_a_peer_cannot_log() {
        Member member = TestData.member(jdbi, agency);
        assertThatThrownBy(
                        () ->
                                service.submit(
                                        agency.id(),
                                        member.id(),
                                        CHICAGO,
                                        LogForm.valid().values()))
                .isInstanceOf(NotAPeerException.class);
    }

    private static Map<String, String> errors(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.FormErrors.class);
        return ((Reply.FormErrors) reply).errors();
    }

    private List<FollowUpDue> reminders(Member peer) {
        return Store.of(jdbi)
                .withConnection(
                        h ->
                                h.attach(FollowUpReminders.class)
                                        .ofPeer(
                                                agency.id(),
                                                ReminderTags.peer(h, agency.id(), peer.id()),
                                                peer.id()));
    }
}

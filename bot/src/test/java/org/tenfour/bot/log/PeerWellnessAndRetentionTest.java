package org.tenfour.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.storage.Agency;
import org.tenfour.storage.FollowUpDue;
import org.tenfour.storage.FollowUpReminders;
import org.tenfour.storage.InteractionLogs;
import org.tenfour.storage.Member;
import org.tenfour.storage.PeerTestData;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

@ExtendWith(PostgresExtension.class)
class PeerWellnessAndRetentionTest {
    private final Jdbi jdbi;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final InteractionLogService logs;
    private final PeerWellness wellness;
    private final Agency agency;
    private final Member peer;

    PeerWellnessAndRetentionTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.logs =
                new InteractionLogService(Store.of(jdbi), clock, InteractionLogServiceTest.KEYS);
        this.wellness = new PeerWellness(Store.of(jdbi), clock, InteractionLogServiceTest.KEYS);
        this.agency = TestData.agency(jdbi);
        this.peer = PeerTestData.peer(jdbi, agency);
    }

    @Test
    void a_peer_with_more_contacts_than_the_threshold_this_week_is_offered_a_debrief() {
        for (int i = 0; i < 3; i++) {
            logs.submit(agency.id(), peer.id(), ZoneOffset.UTC, LogForm.valid().values());
        }
        assertThat(wellness.check(agency.id(), peer.id(), 3)).isEmpty();
        logs.submit(agency.id(), peer.id(), ZoneOffset.UTC, LogForm.valid().values());

        assertThat(wellness.check(agency.id(), peer.id(), 3))
                .get()
                .satisfies(
                        m -> {
                            assertThat(m.buttons())
                                    .extracting(Button::actionId)
                                    .containsExactly("wellness.debrief");
                            assertThat(m.text())
                                    .as("four contacts, not four people")
                                    .contains("logged 4 contacts this week")
                                    .doesNotContain("people");
                        });
    }

    @Test
    void one_safety_concern_is_enough_and_contacts_older_than_a_week_do_not_count() {
        logs.submit(
                agency.id(),
                peer.id(),
                ZoneOffset.UTC,
                LogForm.valid().with("safety_concern", "true").values());
        assertThat(wellness.check(agency.id(), peer.id(), 10)).isPresent();

        clock.advance(Duration.ofDays(9));
        assertThat(wellness.check(agency.id(), peer.id(), 10)).isEmpty();
    }

    @Test
    void retention_deletes_logs_past_the_agency_period_and_expired_reminders_only() {
        logs.submit(
                agency.id(),
                peer.id(),
                ZoneOffset.UTC,
                LogForm.valid()
                        .with("follow_up", "true")
                        .with("follow_up_date", "2026-03-11")
                        .values());
        Retention retention =
                new Retention(Store.of(jdbi), RetentionPolicy.fixed(Period.ofYears(1)));

        // Other tests of this class share the database: assert on this agency's rows, not on
        // totals.
        retention.purge(Instant.parse("2026-03-20T00:00:00Z"));
        assertThat(reminders(peer)).hasSize(1);
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id()))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.createdAt())
                                        .isEqualTo(Instant.parse("2026-03-10T00:00:00Z")));

        retention.purge(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(reminders(peer)).isEmpty();
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id())).hasSize(1);

        retention.purge(Instant.parse("2027-03-11T00:00:00Z"));
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id())).isEmpty();
    }

    @Test
    void the_default_retention_is_seven_years() {
        logs.submit(agency.id(), peer.id(), ZoneOffset.UTC, LogForm.valid().values());
        Retention retention =
                new Retention(Store.of(jdbi), RetentionPolicy.fixed(RetentionPolicy.DEFAULT));

        retention.purge(Instant.parse("2033-03-10T00:00:00Z"));
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id())).hasSize(1);
        retention.purge(Instant.parse("2033-03-11T00:00:00Z"));
        assertThat(jdbi.onDemand(InteractionLogs.class).list(agency.id())).isEmpty();
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

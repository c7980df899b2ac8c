package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The coded log and follow-up reminders, and that one agency never reaches another's rows. */
@ExtendWith(PostgresExtension.class)
class InteractionLogsTest {
    private static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final LogCodes CODES =
            new LogCodes(
                    "member_request",
                    List.of("stress", "grief"),
                    "15_30",
                    List.of("none"),
                    null,
                    false);

    private final Jdbi jdbi;
    private final InteractionLogs logs;
    private final Agency mine;
    private final Agency theirs;

    InteractionLogsTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.logs = jdbi.onDemand(InteractionLogs.class);
        this.mine = TestData.agency(jdbi);
        this.theirs = TestData.agency(jdbi);
    }

    @Test
    void a_stored_log_reads_back_with_its_codes() {
        LogEntry e = logs.insert(mine.id(), DAY, CODES, "p1", NOW, NOW.plusSeconds(86_400));
        assertThat(logs.find(mine.id(), e.id()))
                .get()
                .satisfies(
                        r -> {
                            assertThat(r.topicCodes()).containsExactly("stress", "grief");
                            assertThat(r.referralCodes()).containsExactly("none");
                            assertThat(r.logDate()).isEqualTo(DAY);
                        });
    }

    @Test
    void a_log_can_be_corrected_before_it_is_sealed_but_not_after() {
        LogEntry e = logs.insert(mine.id(), DAY, CODES, "p2", NOW, NOW.plusSeconds(86_400));
        LogCodes changed =
                new LogCodes(
                        "group_debrief", List.of("sleep"), "lt_15", List.of("eap"), null, true);

        assertThat(logs.correct(mine.id(), e.id(), "p2", changed, NOW.plusSeconds(3_600)))
                .get()
                .extracting(LogEntry::contactType)
                .isEqualTo("group_debrief");
        assertThat(logs.correct(mine.id(), e.id(), "p2", CODES, NOW.plusSeconds(86_400))).isEmpty();
        assertThat(logs.correct(mine.id(), e.id(), "someone-else", CODES, NOW)).isEmpty();
    }

    @Test
    void logs_of_one_agency_are_invisible_to_another() {
        LogEntry e = logs.insert(theirs.id(), DAY, CODES, "p3", NOW, NOW.plusSeconds(86_400));
        ReportQueries reports = jdbi.onDemand(ReportQueries.class);

        assertThat(logs.find(mine.id(), e.id())).isEmpty();
        assertThat(logs.open(mine.id(), "p3", NOW)).isEmpty();
        assertThat(logs.list(mine.id())).isEmpty();
        assertThat(logs.between(mine.id(), DAY, DAY)).isEmpty();
        assertThat(logs.countsByPseudonym(mine.id(), DAY, DAY)).isEmpty();
        assertThat(logs.correct(mine.id(), e.id(), "p3", CODES, NOW)).isEmpty();
        assertThat(logs.purgeBefore(mine.id(), DAY.plusDays(1))).isZero();
        assertThat(reports.logCount(mine.id(), DAY, DAY)).isZero();
        assertThat(reports.byTopic(mine.id(), DAY, DAY)).isEmpty();
        assertThat(logs.find(theirs.id(), e.id())).isPresent();
    }

    @Test
    void a_log_keeps_only_the_day_it_was_written_from_the_start() {
        LogEntry written =
                logs.insert(
                        mine.id(),
                        DAY,
                        CODES,
                        "p4",
                        NOW.plusSeconds(80_000),
                        NOW.plusSeconds(166_400));

        assertThat(written.createdAt())
                .isEqualTo(NOW.plusSeconds(80_000).truncatedTo(ChronoUnit.DAYS));
        assertThat(logs.find(mine.id(), written.id()))
                .get()
                .extracting(LogEntry::createdAt)
                .isEqualTo(written.createdAt());
        assertThat(logs.coarsenSealed(mine.id(), NOW.plusSeconds(170_000)))
                .as("a sealing time given to the second (rows written before V20) is coarsened")
                .isEqualTo(1);
    }

    @Test
    void reminders_are_scoped_to_their_agency_and_deleted_when_sent() {
        FollowUpReminders reminders = jdbi.onDemand(FollowUpReminders.class);
        Member peer = PeerTestData.peer(jdbi, theirs);
        FollowUpDue r = reminders.add(theirs.id(), "tag-1", "log-1", DAY);

        assertThat(reminders.ofPeer(mine.id(), "tag-1", peer.id())).isEmpty();
        assertThat(reminders.dueOf(mine.id(), "log-1")).isEmpty();
        assertThat(reminders.sent(mine.id(), r.id())).isFalse();
        assertThat(reminders.removeFor(mine.id(), "log-1")).isZero();
        assertThat(reminders.dueAcrossAgencies(DAY.minusDays(1))).isEmpty();
        assertThat(reminders.dueAcrossAgencies(DAY)).containsExactly(r);
        assertThat(reminders.ofPeer(theirs.id(), "tag-1", peer.id())).containsExactly(r);
        assertThat(reminders.dueOf(theirs.id(), "log-1")).containsExactly(DAY);
        assertThat(reminders.sent(theirs.id(), r.id())).isTrue();
        assertThat(reminders.dueAcrossAgencies(DAY)).isEmpty();
    }
}

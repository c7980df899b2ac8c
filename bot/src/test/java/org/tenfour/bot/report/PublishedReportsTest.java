package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.AuditEntry;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Reports of closed periods: published once, audited, with every section and a useful hint. */
@ExtendWith(PostgresExtension.class)
class PublishedReportsTest {
    private final TestDatabase db;

    PublishedReportsTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void every_run_is_audited_with_who_ran_which_period() {
        TestProgram p = new TestProgram(db, Instant.parse("2026-12-02T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "report quarter");
        p.coordinator("UADMIN", "export month");

        List<AuditEntry> audit = p.jdbi.onDemand(AuditLog.class).recent(p.agency().id(), 10);
        assertThat(audit)
                .extracting(e -> e.action() + " " + e.newValue() + " by " + e.actor())
                .contains(
                        "report run quarter 2026-07-01 by UADMIN",
                        "report export month 2026-11-01 by UADMIN");
        assertThat(snapshots(p)).isEqualTo(4); // Q2 and Q3, October and November
    }

    @Test
    void a_small_department_is_told_to_try_the_quarter_and_one_press_posts_it() {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-12T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UP1>");
        p.submit(
                "UP1",
                "log",
                Map.of(
                        "contact_type", List.of("member_request"),
                        "topics", List.of("stress"),
                        "duration", List.of("15_30"),
                        "referrals", List.of("none")),
                "");
        p.clock.advance(Duration.ofDays(20));
        p.coordinator("UADMIN", "report month");
        p.deliver();
        RecordingPlatform.Sent posted =
                p.lastWithButton(TestProgram.COORDINATOR_CHANNEL, "report.run");

        assertThat(posted.message().text())
                .contains("*Peer support report — November 2026*")
                .contains("*Duration*")
                .contains("*Opted out and unreachable*")
                .contains("*Minutes until a peer accepted*")
                .contains("*Peers by contacts logged*");
        assertThat(posted.message().notes())
                .anyMatch(
                        n ->
                                n.contains(
                                        "Most numbers are below 5 — try `/tenfour report quarter`"));
        Reply pressed = p.press("UADMIN", posted, "report.run");
        assertThat(((Reply.Private) pressed).message().text()).contains("Q3 2026");
    }

    @Test
    void opt_outs_are_counted_as_changes_in_the_month_they_happened_without_names() {
        Instant now = Instant.now();
        TestProgram p = new TestProgram(db, now);
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2> <@UM3> <@UM4> <@UM5> <@UM6>");
        for (int i = 1; i <= 5; i++) {
            p.tenfour("UM" + i, null, "optout");
        }
        p.clock.advance(Duration.ofDays(40)); // the database counts in its own month: now's
        String csv = exportMonthAfter(p, now);

        assertThat(csv).contains("members,opted_out,Opted out,5,");
        assertThat(csv).doesNotContain("UM1");
    }

    private static String exportMonthAfter(TestProgram p, Instant now) {
        LocalDate month =
                now.atZone(ZoneId.of(p.agency().timeZone())).toLocalDate().withDayOfMonth(1);
        p.clock.set(month.plusMonths(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        p.coordinator("UADMIN", "export month");
        p.deliver();
        return p.platform.to("UADMIN").stream()
                .filter(s -> s.file() != null)
                .map(s -> new String(s.file().bytes(), StandardCharsets.UTF_8))
                .reduce("", (a, b) -> b);
    }

    private static int snapshots(TestProgram p) {
        return p.jdbi.withHandle(
                h ->
                        h.createQuery("select count(*) from report_snapshot where agency_id = :a")
                                .bind("a", p.agency().id())
                                .mapTo(Integer.class)
                                .one());
    }
}

package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CheckInTallyTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private final Jdbi jdbi;
    private final Agency agency;
    private final ReportQueries reports;

    CheckInTallyTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.agency = TestData.agency(jdbi);
        jdbi.onDemand(Agencies.class).setTimeZone(agency.id(), CHICAGO.getId());
        this.reports = jdbi.onDemand(ReportQueries.class);
    }

    /** Late on the last evening of February in Chicago, already March 1 in UTC. */
    private void checkIn(String state, String answer, String sentAt) {
        Member m = TestData.member(jdbi, agency);
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                                        insert into check_in (agency_id, member_id, kind, slot_key, due_at,
                                                              state, answer, sent_at, answered_at)
                                        values (:agency, :member, 'cadence', 'slot', cast(:sentAt as timestamptz),
                                                :state, :answer, cast(:sentAt as timestamptz),
                                                case when :state = 'answered' then cast(:sentAt as timestamptz) end)""")
                                .bind("agency", agency.id())
                                .bind("member", m.id())
                                .bind("state", state)
                                .bind("answer", answer)
                                .bind("sentAt", sentAt)
                                .execute());
    }

    private List<KeyCount> february() {
        return reports.checkInsSent(
                agency.id(),
                FEB.atStartOfDay(CHICAGO).toInstant(),
                MAR.atStartOfDay(CHICAGO).toInstant(),
                FEB,
                MAR);
    }

    @Test
    void a_month_counts_the_same_check_ins_before_and_after_they_expire_into_the_tally() {
        checkIn("answered", "talk", "2026-03-01T03:00:00Z");
        checkIn("answered", "ok", "2026-02-10T15:00:00Z");
        checkIn("expired", null, "2026-02-11T15:00:00Z");
        checkIn("sent", null, "2026-03-02T15:00:00Z");
        List<KeyCount> before = february();
        assertThat(before)
                .containsExactlyInAnyOrder(
                        new KeyCount("answered", 2), new KeyCount("not_answered", 1));

        int expired =
                jdbi.onDemand(Expiry.class)
                        .expireCheckIns(agency.id(), Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(expired).isEqualTo(4);
        int left =
                jdbi.withHandle(
                        h ->
                                h.select(
                                                "select count(*) from check_in where agency_id = ?",
                                                agency.id())
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(left).isZero();
        assertThat(february()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(
                        reports.checkInsSent(
                                agency.id(),
                                MAR.atStartOfDay(CHICAGO).toInstant(),
                                MAR.plusMonths(1).atStartOfDay(CHICAGO).toInstant(),
                                MAR,
                                MAR.plusMonths(1)))
                .containsExactly(new KeyCount("not_answered", 1));
    }
}

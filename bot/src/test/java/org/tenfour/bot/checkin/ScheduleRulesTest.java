package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInState;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The agency's schedule rules through the router on a real PostgreSQL: incident follow-up offsets
 * of its own, and holidays on which no proactive check-in goes out, respected when a check-in is
 * planned and again when it is due.
 */
@ExtendWith(PostgresExtension.class)
class ScheduleRulesTest {
    /** Wednesday 23 December 2026, 09:00 in Chicago. */
    private static final Instant WEDNESDAY_9AM = Instant.parse("2026-12-23T15:00:00Z");

    private final TestProgram p;

    ScheduleRulesTest(TestDatabase db) {
        p = new TestProgram(db, WEDNESDAY_9AM);
        for (String u : List.of("UM1", "UM2", "UP1")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "cadence off");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2>");
        p.coordinator("UADMIN", "peers add <@UP1>");
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    private List<CheckIn> checkIns(String user) {
        return p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member(user).id());
    }

    private CheckIn slot(String user, String slot) {
        return checkIns(user).stream()
                .filter(c -> c.slotKey() != null && c.slotKey().endsWith(slot))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + slot + " check-in: " + checkIns(user)));
    }

    @Test
    void a_follow_up_due_on_a_holiday_is_planned_for_the_next_day_of_the_window() {
        assertThat(text(p.coordinator("UADMIN", "holidays add 2026-12-24 2026-12-25")))
                .contains("2026-12-24, 2026-12-25");
        p.coordinator("UADMIN", "incident \"Structure fire, Main St\" <@UM1>");

        // +24 h is Thursday 24 December: a holiday, then Christmas, then the weekend
        assertThat(slot("UM1", "24h").dueAt()).isEqualTo(Instant.parse("2026-12-28T14:00:00Z"));
    }

    @Test
    void a_holiday_added_after_planning_holds_the_check_in_until_the_next_day_of_the_window() {
        p.coordinator("UADMIN", "incident \"Structure fire, Main St\" <@UM1>");
        assertThat(slot("UM1", "24h").dueAt()).isEqualTo(Instant.parse("2026-12-24T15:00:00Z"));
        p.coordinator("UADMIN", "holidays add 2026-12-24");
        p.deliver();
        p.platform.clear();

        p.clock.set(Instant.parse("2026-12-24T15:30:00Z"));
        p.deliver();
        assertThat(p.platform.to("UM1")).as("nothing on the holiday").isEmpty();
        assertThat(slot("UM1", "24h").state()).isEqualTo(CheckInState.SCHEDULED);
        assertThat(slot("UM1", "24h").dueAt()).isEqualTo(Instant.parse("2026-12-25T14:00:00Z"));

        p.clock.set(Instant.parse("2026-12-25T14:30:00Z"));
        p.deliver();
        assertThat(p.platform.to("UM1")).hasSize(1);
        assertThat(slot("UM1", "24h").state()).isEqualTo(CheckInState.SENT);
    }

    @Test
    void incident_follow_ups_follow_the_agencys_own_offsets() {
        assertThat(text(p.coordinator("UADMIN", "incident schedule")))
                .contains("+24 h, +72 h, +7 days and the 1-year anniversary");
        assertThat(text(p.coordinator("UADMIN", "incident schedule 1y 30d 24h 72h 7d")))
                .contains("+24 h, +72 h, +7 days, +30 days and the 1-year anniversary");
        assertThat(text(p.coordinator("UADMIN", "incident \"Vehicle fire\" <@UM1> <@UM2>")))
                .contains("10 follow-up check-ins for 2 people");
        assertThat(slot("UM1", "30d").dueAt())
                .isAfterOrEqualTo(WEDNESDAY_9AM.plus(java.time.Duration.ofDays(30)));
        assertThat(slot("UM1", "30d").dueAt())
                .isBefore(WEDNESDAY_9AM.plus(java.time.Duration.ofDays(31)));
    }

    @Test
    void bad_offsets_and_days_get_a_clear_answer_and_change_nothing() {
        assertThat(text(p.coordinator("UADMIN", "incident schedule 24h 24h")))
                .contains("the same follow-up twice");
        assertThat(text(p.coordinator("UADMIN", "incident schedule 3x")))
                .contains("'3x' is not an offset");
        assertThat(text(p.coordinator("UADMIN", "incident schedule 5y")))
                .contains("at most two years");
        assertThat(text(p.coordinator("UADMIN", "holidays add 2026-13-01")))
                .contains("`2026-13-01` is not a day");
        assertThat(text(p.coordinator("UADMIN", "holidays add 2026-01-01"))).contains("has passed");
        assertThat(text(p.coordinator("UADMIN", "holidays"))).contains("No holidays set");
        assertThat(text(p.coordinator("UADMIN", "incident schedule")))
                .contains("+24 h, +72 h, +7 days and the 1-year anniversary");
        assertThat(text(p.tenfour("UM1", null, "holidays add 2026-12-31")))
                .contains("Only the program's coordinators");
        p.coordinator("UADMIN", "holidays add 2026-12-31");
        assertThat(text(p.coordinator("UADMIN", "holidays remove 2026-12-31")))
                .contains("No holidays set");
    }
}

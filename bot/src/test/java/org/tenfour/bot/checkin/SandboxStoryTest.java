package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.CheckInState;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The README's own sandbox story, through the router on real PostgreSQL: Riverside's people, {@code
 * cadence weekly}, an incident for Alex and Jordan, time moved on, and Alex answering "I'd like to
 * talk". Time moves as the sandbox's fast-forward moves it: planning, then delivery of whatever is
 * due — nothing in between (as after downtime).
 */
@ExtendWith(PostgresExtension.class)
class SandboxStoryTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** Monday 30 November 2026, 02:54 in Chicago: the hour the issue saw check-ins arrive. */
    private static final Instant MONDAY_NIGHT =
            ZonedDateTime.of(2026, 11, 30, 2, 54, 0, 0, CHICAGO).toInstant();

    private final TestProgram p;

    SandboxStoryTest(TestDatabase db) {
        p = new TestProgram(db, MONDAY_NIGHT);
        for (String[] person :
                List.of(
                        new String[] {"URIVDANA", "Dana Reyes"},
                        new String[] {"URIVSAM", "Sam Ortiz"},
                        new String[] {"URIVPRIYA", "Priya Nair"},
                        new String[] {"URIVALEX", "Alex Kim"},
                        new String[] {"URIVJORDAN", "Jordan Lee"},
                        new String[] {"URIVCASEY", "Casey Brooks"})) {
            p.platform.profile(person[0], new UserProfile(person[1], "America/Chicago", false));
        }
    }

    /** Riverside as the sandbox seeds it, then the README's coordinator steps. */
    private void riverside() {
        p.setUp("URIVDANA");
        p.coordinator("URIVDANA", "timezone America/Chicago");
        p.coordinator("URIVDANA", "roster add <@URIVALEX> <@URIVJORDAN> <@URIVCASEY>");
        p.coordinator("URIVDANA", "peers add <@URIVSAM> <@URIVPRIYA>");
        p.coordinator("URIVDANA", "cadence weekly");
        fastForward(Duration.ZERO); // the sandbox plans at once after a cadence change
        p.coordinator("URIVDANA", "incident \"Structure fire, Main St\" <@URIVALEX> <@URIVJORDAN>");
        fastForward(Duration.ZERO);
    }

    /** What the sandbox's fast-forward does: move the clock, plan, nudge, deliver what is due. */
    private void fastForward(Duration by) {
        p.clock.advance(by);
        p.jobs.planAll();
        p.jobs.nudgeAll();
        p.deliver();
    }

    private List<RecordingPlatform.Sent> checkInsTo(String user) {
        return p.platform.to(user).stream()
                .filter(
                        s ->
                                s.message().buttons().stream()
                                        .anyMatch(b -> b.actionId().equals(CheckInMessages.TALK)))
                .toList();
    }

    private List<CheckIn> checkIns(String user) {
        return p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member(user).id());
    }

    private static String text(Reply reply) {
        return reply instanceof Reply.Private r ? r.message().text() : String.valueOf(reply);
    }

    @Test
    void alex_says_id_like_to_talk_after_a_day_and_a_peer_is_asked_not_the_coordinators() {
        riverside();
        assertThat(
                        p.jdbi.onDemand(CheckIns.class)
                                .count(
                                        p.agency().id(),
                                        CheckInState.SCHEDULED,
                                        MONDAY_NIGHT.minus(Duration.ofDays(1)),
                                        MONDAY_NIGHT.plus(Duration.ofDays(400))))
                .as("cadence for three, four follow-ups for two")
                .isEqualTo(11);
        for (String u : List.of("URIVALEX", "URIVJORDAN", "URIVCASEY")) {
            assertThat(checkIns(u))
                    .as("every check-in of %s is sent in a peer's name", u)
                    .allSatisfy(c -> assertThat(c.peerId()).isNotNull());
        }

        fastForward(Duration.ofDays(1)); // Tuesday 02:54: the night
        assertThat(checkInsTo("URIVALEX")).as("nothing at night").isEmpty();

        fastForward(Duration.ofHours(5).plusMinutes(6)); // Tuesday 08:00
        List<RecordingPlatform.Sent> alex = checkInsTo("URIVALEX");
        assertThat(alex)
                .as("Monday's cadence check-in and Tuesday's follow-up arrive as one")
                .hasSize(1);
        assertThat(p.clock.instant().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(8, 0));

        Reply answer = p.press("URIVALEX", alex.get(0), CheckInMessages.TALK);
        assertThat(text(answer)).contains("A peer is being asked").doesNotContain("coordinators");
        p.deliver();
        assertThat(
                        List.of("URIVSAM", "URIVPRIYA").stream()
                                .flatMap(u -> p.platform.to(u).stream())
                                .filter(
                                        s ->
                                                s.message().buttons().stream()
                                                        .anyMatch(b -> b.label().equals("Accept"))))
                .as("a peer is offered Alex's request")
                .hasSize(1);
        assertThat(p.platform.to("URIVDANA"))
                .as("the coordinator is not paged")
                .noneMatch(s -> s.message().text().contains("no peer could take it"));
        assertThat(p.platform.to("URIVALEX"))
                .noneMatch(s -> s.message().text().contains("no peer was able to answer"));
    }

    @Test
    void after_a_week_of_downtime_alex_gets_one_check_in_in_working_hours_not_three_at_night() {
        riverside();
        p.clock.advance(Duration.ofDays(7)); // the server was down: nothing planned, nothing sent
        fastForward(Duration.ZERO); // Monday 02:54 a week later
        assertThat(checkInsTo("URIVALEX")).as("nothing at 02:54").isEmpty();

        fastForward(Duration.ofHours(5).plusMinutes(6)); // Monday 08:00
        assertThat(checkInsTo("URIVALEX")).as("one check-in for everything overdue").hasSize(1);
        assertThat(checkIns("URIVALEX"))
                .filteredOn(c -> c.state() == CheckInState.SENT)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind())
                                    .as("the incident's follow-up wins")
                                    .isEqualTo(CheckInKind.INCIDENT);
                            assertThat(c.sentAt().atZone(CHICAGO).toLocalTime())
                                    .isEqualTo(LocalTime.of(8, 0));
                        });
        fastForward(Duration.ofHours(4));
        assertThat(checkInsTo("URIVALEX")).as("and no second one later that day").hasSize(1);
    }

    @Test
    void
            a_check_in_overdue_across_the_end_of_daylight_saving_waits_for_monday_0800_standard_time() {
        // Friday 30 October 2026, 22:00 CDT; clocks go back on Sunday 1 November
        p.clock.set(ZonedDateTime.of(2026, 10, 30, 22, 0, 0, 0, CHICAGO).toInstant());
        p.setUp("URIVDANA");
        p.coordinator("URIVDANA", "timezone America/Chicago");
        p.coordinator("URIVDANA", "roster add <@URIVALEX>");
        p.coordinator("URIVDANA", "peers add <@URIVSAM>");
        p.coordinator("URIVDANA", "cadence weekly");
        fastForward(Duration.ZERO);
        assertThat(checkIns("URIVALEX"))
                .singleElement()
                .extracting(CheckIn::dueAt)
                .isEqualTo(Instant.parse("2026-11-02T14:00:00Z")); // Monday 08:00 CST

        // down until Sunday 8 November, 03:00 CST
        p.clock.set(ZonedDateTime.of(2026, 11, 8, 3, 0, 0, 0, CHICAGO).toInstant());
        fastForward(Duration.ZERO);
        assertThat(checkInsTo("URIVALEX")).as("not on a Sunday night").isEmpty();
        assertThat(checkIns("URIVALEX"))
                .singleElement()
                .extracting(CheckIn::dueAt)
                .as("moved to the next window")
                .isEqualTo(Instant.parse("2026-11-09T14:00:00Z"));

        p.clock.set(Instant.parse("2026-11-09T13:59:00Z"));
        p.deliver();
        assertThat(checkInsTo("URIVALEX")).isEmpty();
        p.clock.set(Instant.parse("2026-11-09T14:00:00Z"));
        p.deliver();
        assertThat(checkInsTo("URIVALEX")).hasSize(1);
    }
}

package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInAnswer;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.CheckInState;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Members;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Check-ins end to end through the domain: commands, planning, the outbox, buttons. */
@ExtendWith(PostgresExtension.class)
class CheckInFlowTest {
    private static final Instant WEDNESDAY_6AM_CHICAGO = Instant.parse("2026-11-25T12:00:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private final TestProgram p;

    CheckInFlowTest(TestDatabase db) {
        p = new TestProgram(db, WEDNESDAY_6AM_CHICAGO);
        for (String u : List.of("UM1", "UM2", "UP1", "UP2", "UOPT")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
    }

    private void program() {
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2> <@UOPT>");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
        p.tenfour("UOPT", null, "optout");
        p.coordinator("UADMIN", "cadence weekly");
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    private List<CheckIn> checkIns(String user) {
        return p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member(user).id());
    }

    @Test
    void setup_makes_the_coordinator_channel_and_others_are_politely_refused() {
        assertThat(text(p.tenfour("UNOBODY", "CCOORD", "setup")))
                .contains("Only the person who installed");
        p.setUp("UADMIN");
        assertThat(p.agency().coordinatorChannelId()).isEqualTo("CCOORD");
        assertThat(text(p.coordinator("UNOBODY", "cadence weekly")))
                .contains("Only the program's coordinators");
        assertThat(p.agency().settingsJson()).doesNotContain("cadenceDays\":7");
        assertThat(text(p.tenfour("UADMIN", "CRANDOM", "cadence weekly")))
                .contains("coordinator channel");
        assertThat(p.jdbi.onDemand(AuditLog.class).recent(p.agency().id(), 10))
                .extracting(e -> e.action())
                .containsExactly("coordinator channel");
    }

    @Test
    void bad_input_gets_the_right_form_back() {
        p.setUp("UADMIN");
        assertThat(text(p.coordinator("UADMIN", "cadence sometimes")))
                .contains("can't read the cadence")
                .contains(
                        "Usage: `/tenfour cadence every 30 days|weekly|every 2 weeks|monthly|off`");
        assertThat(text(p.coordinator("UADMIN", "hours 9-5"))).contains("08:00-18:00");
        assertThat(text(p.tenfour("UM1", null, "frobnicate")))
                .contains("I don't know `frobnicate`");
        assertThat(text(p.tenfour("UM1", null, "help")))
                .contains("/tenfour optout")
                .doesNotContain("/tenfour cadence");
        assertThat(text(p.coordinator("UADMIN", "help")))
                .contains("/tenfour cadence")
                .contains("/tenfour optout");
    }

    @Test
    void every_change_is_audited_and_echoed_in_the_channel() {
        program();
        p.deliver();
        assertThat(p.jdbi.onDemand(AuditLog.class).recent(p.agency().id(), 20))
                .extracting(e -> e.action())
                .contains("cadence", "roster", "peers", "time zone");
        assertThat(p.platform.to("CCOORD"))
                .extracting(s -> s.message().text())
                .anyMatch(t -> t.contains("changed *cadence* from off to weekly"))
                .anyMatch(t -> t.contains("<@UADMIN> *roster*: added <@UM1>"))
                .anyMatch(t -> t.contains("<@UADMIN> *peers*: added <@UP1>"))
                .noneMatch(t -> t.contains("to added"));
    }

    @Test
    void roster_members_are_welcomed_once_privately() {
        program();
        p.coordinator("UADMIN", "roster add <@UM1>");
        p.deliver();
        assertThat(p.platform.to("UM1"))
                .hasSize(1)
                .first()
                .satisfies(
                        s ->
                                assertThat(s.message().text())
                                        .contains("voluntary")
                                        .contains("admission of a crime")
                                        .contains("/tenfour optout"));
    }

    @Test
    void every_enrolled_member_gets_exactly_one_check_in_per_cycle_inside_their_window() {
        program();
        assertThat(p.jobs.planAll())
                .as("UM1 and UM2; UOPT opted out; peers are not on the roster")
                .isEqualTo(2);
        assertThat(p.jobs.planAll()).as("planning twice creates nothing").isZero();
        p.deliver();
        p.platform.clear();
        assertThat(p.deliver()).as("nothing is due before 08:00 in Chicago").isZero();

        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        for (String u : List.of("UM1", "UM2")) {
            List<RecordingPlatform.Sent> got = p.platform.to(u);
            assertThat(got).hasSize(1);
            assertThat(got.get(0).message().buttons())
                    .extracting(b -> b.label())
                    .containsExactly("I'm OK", "I'd like to talk", "Not now");
            assertThat(got.get(0).message().notes()).anyMatch(n -> n.contains("988"));
            assertThat(got.get(0).message().text()).contains("on behalf of Name UP");
            assertThat(checkIns(u))
                    .singleElement()
                    .satisfies(
                            c -> {
                                assertThat(c.state()).isEqualTo(CheckInState.SENT);
                                assertThat(c.dueAt().atZone(CHICAGO).toLocalTime())
                                        .isEqualTo(LocalTime.of(8, 0));
                            });
        }
        assertThat(p.platform.to("UOPT")).isEmpty();

        p.clock.advance(Duration.ofDays(3));
        assertThat(p.jobs.planAll()).as("still inside the cycle").isZero();
        p.clock.advance(Duration.ofDays(4));
        assertThat(p.jobs.planAll()).as("a week later: the next cycle").isEqualTo(2);
        assertThat(p.jobs.planAll()).isZero();
    }

    @Test
    void a_members_own_window_wins_even_outside_agency_hours() {
        program();
        p.tenfour("UM1", null, "times 19:00-21:00 sat-sun");
        p.jobs.planAll();
        CheckIn c = checkIns("UM1").get(0);
        assertThat(c.dueAt().atZone(CHICAGO).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-11-28T19:00"));
    }

    @Test
    void
            a_peer_who_is_also_a_member_gets_the_check_in_from_another_peer_and_assignments_are_stable() {
        program();
        p.coordinator("UADMIN", "roster add <@UP1>");
        p.jobs.planAll();
        CheckIn own = checkIns("UP1").get(0);
        assertThat(own.peerId()).isEqualTo(p.member("UP2").id());
        UUID firstPeerOfUm1 = checkIns("UM1").get(0).peerId();
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        p.clock.advance(Duration.ofDays(7)); // a week after the first one was sent
        p.jobs.planAll();
        assertThat(checkIns("UM1"))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.peerId()).isEqualTo(firstPeerOfUm1));
    }

    @Test
    void a_peer_in_the_members_crew_or_chain_of_command_is_never_assigned() {
        program();
        p.coordinator("UADMIN", "roster tag <@UM1> unit:Engine-7 supervisor:<@UP2>");
        p.coordinator("UADMIN", "roster tag <@UP1> unit:engine-7");
        p.jobs.planAll();
        assertThat(checkIns("UM1").get(0).peerId())
                .as("UP1 same crew, UP2 the supervisor")
                .isNull();
        p.deliver();
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        assertThat(p.platform.to("UM1"))
                .last()
                .satisfies(
                        s ->
                                assertThat(s.message().text())
                                        .contains("from the peer support team")
                                        .doesNotContain("on behalf of"));
    }

    @Test
    void a_peer_on_a_break_is_skipped_and_check_ins_in_a_peers_name_never_fill_their_cap() {
        program();
        p.jdbi.useHandle(
                h ->
                        h.execute(
                                "update peer set away_until = ? where member_id = ?",
                                WEDNESDAY_6AM_CHICAGO.plus(Duration.ofDays(10)),
                                p.member("UP1").id()));
        p.jdbi.useHandle(
                h ->
                        h.execute(
                                "update peer set weekly_cap = 1 where member_id = ?",
                                p.member("UP2").id()));
        p.jobs.planAll();
        assertThat(List.of(checkIns("UM1").get(0), checkIns("UM2").get(0)))
                .as("UP1 is away; UP2's cap of one counts people in contact, not check-ins")
                .extracting(CheckIn::peerId)
                .containsOnly(p.member("UP2").id());
    }

    @Test
    void
            a_peer_at_their_cap_of_contacts_is_passed_over_while_another_is_free_but_no_check_in_is_left_without_a_peer() {
        program();
        p.jdbi.useHandle(
                h ->
                        h.execute(
                                "update peer set weekly_cap = 1 where agency_id = ?",
                                p.agency().id()));
        p.jobs.planAll();
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        CheckIn um1 = checkIns("UM1").get(0);
        p.press("UM1", p.lastWithButton("UM1", CheckInMessages.TALK), CheckInMessages.TALK);
        UUID busy = um1.peerId();
        p.coordinator("UADMIN", "roster add <@UM3>");
        p.jobs.planAll();
        assertThat(checkIns("UM3").get(0).peerId())
                .as("the free peer, not the one already talking with someone")
                .isNotNull()
                .isNotEqualTo(busy);
        UUID other = checkIns("UM3").get(0).peerId();
        p.deliver();
        p.press("UM3", p.lastWithButton("UM3", CheckInMessages.TALK), CheckInMessages.TALK);
        p.coordinator("UADMIN", "roster add <@UM4>");
        p.jobs.planAll();
        assertThat(checkIns("UM4").get(0).peerId())
                .as("everyone at their cap: the check-in still goes out in a peer's name")
                .isIn(busy, other);
    }

    @Test
    void each_button_does_what_it_says_once_and_only_for_its_member() {
        program();
        p.jobs.planAll();
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        RecordingPlatform.Sent um1 = p.lastWithButton("UM1", CheckInMessages.OK);
        RecordingPlatform.Sent um2 = p.lastWithButton("UM2", CheckInMessages.OK);

        assertThat(text(p.press("UM2", um1, CheckInMessages.OK))).contains("could not be found");
        assertThat(text(p.press("UM1", um1, CheckInMessages.OK))).contains("Thanks");
        assertThat(text(p.press("UM1", um1, CheckInMessages.TALK))).contains("already answered");
        assertThat(checkIns("UM1").get(0))
                .extracting(CheckIn::state, CheckIn::answer)
                .containsExactly(CheckInState.ANSWERED, CheckInAnswer.OK);
        p.deliver();
        assertThat(p.platform.updates())
                .singleElement()
                .satisfies(
                        u -> {
                            assertThat(u.message().buttons()).isEmpty();
                            assertThat(u.message().notes()).contains("You answered: I'm OK");
                        });

        assertThat(((Reply.Private) p.press("UM2", um2, CheckInMessages.TALK)).message().text())
                .contains("A peer is being asked");
        p.deliver();
        UUID peer = checkIns("UM2").get(0).peerId();
        String peerUser =
                p.jdbi.onDemand(Members.class)
                        .find(p.agency().id(), peer)
                        .orElseThrow()
                        .platformUserId();
        assertThat(p.platform.to(peerUser))
                .as("the check-in's own peer gets the offer first")
                .anyMatch(
                        s ->
                                s.message().buttons().stream()
                                        .anyMatch(b -> b.label().equals("Accept")));
        List<String> sources =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery("select source from connection_request")
                                        .mapTo(String.class)
                                        .list());
        assertThat(sources).containsExactly("check_in");
    }

    @Test
    void not_now_snoozes_a_week() {
        program();
        p.jobs.planAll();
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        p.press("UM1", p.lastWithButton("UM1", CheckInMessages.NOT_NOW), CheckInMessages.NOT_NOW);
        assertThat(p.member("UM1").snoozedUntil()).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
    }

    @Test
    void an_unanswered_check_in_nudges_the_assigned_peer_once_after_three_days() {
        program();
        p.jobs.planAll();
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        RecordingPlatform.Sent stale = p.lastWithButton("UM1", CheckInMessages.TALK);
        p.platform.clear();
        p.clock.advance(Duration.ofDays(2));
        assertThat(p.jobs.nudgeAll()).isZero();
        p.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(p.jobs.nudgeAll()).isEqualTo(2);
        assertThat(p.jobs.nudgeAll()).isZero();
        p.deliver();
        assertThat(p.platform.sent())
                .filteredOn(s -> !s.update())
                .hasSize(2)
                .allSatisfy(
                        s -> {
                            assertThat(s.to().targetId()).startsWith("UP");
                            assertThat(s.message().text()).contains("no answer");
                        });
        assertThat(checkIns("UM1").get(0).state()).isEqualTo(CheckInState.EXPIRED);
        assertThat(p.platform.updates())
                .as("each expired check-in loses its buttons")
                .hasSize(2)
                .allSatisfy(
                        u -> {
                            assertThat(u.to().targetId()).startsWith("UM");
                            assertThat(u.message().buttons()).isEmpty();
                            assertThat(u.message().notes())
                                    .contains(Words.in(Language.EN).get(CheckInButtons.ENDED));
                        });
        assertThat(text(p.press("UM1", stale, CheckInMessages.TALK)))
                .as("a late answer changes nothing")
                .isEqualTo(Words.in(Language.EN).get(CheckInButtons.ENDED));
        assertThat(checkIns("UM1").get(0).answer()).isNull();
        int requests =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery("select count(*) from connection_request")
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(requests).as("no peer is asked").isZero();
    }

    @Test
    void an_incident_schedules_follow_ups_in_each_window_and_cancel_stops_the_rest() {
        program();
        p.coordinator("UADMIN", "cadence off");
        String reply =
                text(p.coordinator("UADMIN", "incident \"Structure fire, Main St\" <@UM1> <@UM2>"));
        assertThat(reply).contains("8 follow-up check-ins for 2 people");
        List<CheckIn> um1 = checkIns("UM1");
        assertThat(um1)
                .extracting(CheckIn::kind)
                .containsExactly(
                        CheckInKind.INCIDENT,
                        CheckInKind.INCIDENT,
                        CheckInKind.INCIDENT,
                        CheckInKind.ANNIVERSARY);
        assertThat(um1)
                .allSatisfy(
                        c ->
                                assertThat(c.dueAt().atZone(CHICAGO).toLocalTime())
                                        .isBetween(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(um1.get(0).dueAt())
                .isAfterOrEqualTo(WEDNESDAY_6AM_CHICAGO.plus(Duration.ofHours(24)));
        assertThat(um1.get(3).dueAt()).isAfter(WEDNESDAY_6AM_CHICAGO.plus(Duration.ofDays(364)));

        p.clock.advance(Duration.ofHours(26)); // Thursday 08:00 Chicago
        p.deliver();
        assertThat(p.platform.to("UM1"))
                .extracting(s -> s.message().text())
                .anyMatch(t -> t.contains("check-in"))
                .noneMatch(t -> t.contains("fire"));
        assertThat(text(p.coordinator("UADMIN", "incident list")))
                .contains("1. Structure fire, Main St");
        assertThat(text(p.coordinator("UADMIN", "incident cancel 1")))
                .contains("Cancelled the 6 remaining check-ins");
        p.deliver(); // the echo of the cancellation in the coordinator channel
        p.platform.clear();
        p.clock.advance(Duration.ofDays(400));
        p.deliver();
        assertThat(p.platform.sent()).as("cancelled follow-ups are never sent").isEmpty();
    }

    @Test
    void opting_out_cancels_a_planned_check_in_and_its_message_is_never_sent() {
        program();
        p.jobs.planAll();
        p.deliver();
        p.platform.clear();
        assertThat(text(p.tenfour("UM1", null, "optout"))).contains("no more proactive check-ins");
        p.clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        p.deliver();
        assertThat(p.platform.to("UM1")).isEmpty();
        assertThat(p.platform.to("UM2")).hasSize(1);
        assertThat(checkIns("UM1"))
                .extracting(CheckIn::state)
                .containsExactly(CheckInState.CANCELLED);
    }

    @Test
    void status_shows_settings_and_the_roster_size_but_no_count_of_choices_and_no_names() {
        program();
        p.jobs.planAll();
        String status = text(p.coordinator("UADMIN", "status"));
        assertThat(status)
                .contains("Cadence: weekly")
                .contains("On the roster: <5")
                .contains("not counted here")
                .doesNotContain("opted out: 1")
                .doesNotContain("due this week")
                .doesNotContain("UM1")
                .doesNotContain("Name ");
    }

    @Test
    void coordinators_set_offer_timeouts_and_request_retention() {
        p.setUp("UADMIN");
        assertThat(text(p.coordinator("UADMIN", "timeouts now 5m week 2d")))
                .contains("now 5 min, today 120 min, week 2880 min");
        assertThat(AgencySettings.fromJson(p.agency().settingsJson()).connect().offerMinutesNow())
                .isEqualTo(5);
        assertThat(text(p.coordinator("UADMIN", "timeouts now forever"))).contains("10m, 2h or 1d");
        assertThat(text(p.coordinator("UADMIN", "retention 30d"))).contains("after 30 days");
        assertThat(text(p.tenfour("UM1", null, "timeouts now 1m")))
                .contains("Only the program's coordinators");
    }

    @Test
    void the_home_shows_each_role_its_own_things_and_no_one_elses_names() {
        program();
        p.jobs.planAll();
        Function<String, String> home =
                u ->
                        ((Reply.Private)
                                        p.inbound.handle(
                                                new InboundEvent.HomeOpened(
                                                        new Actor(p.user(u), false))))
                                .message()
                                .text();
        assertThat(home.apply("UM1"))
                .contains("/peer")
                .contains("Your check-ins:* on")
                .contains("next: Wed 25 Nov")
                .doesNotContain("As a peer")
                .doesNotContain("Program:");
        assertThat(home.apply("UP1")).contains("As a peer:* open requests: 0");
        assertThat(home.apply("UADMIN"))
                .contains("Program:* cadence weekly · on the roster <5")
                .doesNotContain("opted out 1")
                .doesNotContain("UM1")
                .doesNotContain("Name UM");
    }

    @Test
    void a_members_time_zone_follows_their_profile_day_by_day() {
        program();
        p.jobs.planAll();
        assertThat(p.member("UM1").timeZone()).isEqualTo("America/Chicago");
        p.platform.profile("UM1", new UserProfile("Name UM1", "Europe/London", false));
        p.clock.advance(Duration.ofHours(2));
        p.jobs.planAll();
        assertThat(p.member("UM1").timeZone())
                .as("read at most daily")
                .isEqualTo("America/Chicago");
        p.clock.advance(Duration.ofDays(1));
        p.jobs.planAll();
        assertThat(p.member("UM1").timeZone()).isEqualTo("Europe/London");
    }

    @Test
    void snooze_and_settings_form() {
        program();
        assertThat(text(p.tenfour("UM1", null, "snooze 2w"))).contains("paused until");
        p.jobs.planAll();
        assertThat(checkIns("UM1").get(0).dueAt())
                .isAfter(WEDNESDAY_6AM_CHICAGO.plus(Duration.ofDays(14)));
        Reply form = p.tenfour("UM1", null, "settings");
        assertThat(form).isInstanceOf(Reply.ShowForm.class);
        assertThat(((Reply.ShowForm) form).form().fields())
                .extracting(f -> f.id())
                .containsExactly("checkins", "window", "days");
    }
}

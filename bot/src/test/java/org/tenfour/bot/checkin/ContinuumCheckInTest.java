package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.ContinuumCounts;
import org.tenfour.storage.KeyCount;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Stress-continuum check-ins through the domain on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class ContinuumCheckInTest {
    /** Tuesday 1 December 2026, 09:00 in Chicago. */
    private static final Instant TUESDAY_9AM_CHICAGO = Instant.parse("2026-12-01T15:00:00Z");

    private final TestProgram p;

    ContinuumCheckInTest(TestDatabase db) {
        p = new TestProgram(db, TUESDAY_9AM_CHICAGO);
        for (String u : List.of("UM1", "UM2", "UP1", "UP2")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2>");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    private void plan() {
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.deliver();
    }

    @Test
    void a_continuum_check_in_asks_for_a_zone_with_its_one_line_description() {
        assertThat(text(p.coordinator("UADMIN", "checkin style continuum")))
                .contains("stress continuum");
        plan();
        RecordingPlatform.Sent checkIn = p.lastWithButton("UM1", "checkin.ready");
        assertThat(checkIn.message().buttons())
                .extracting(Button::label)
                .containsExactly(
                        "Ready (green)", "Reacting (yellow)", "Injured (orange)", "Ill (red)");
        assertThat(checkIn.message().text())
                .contains("Where are you on the stress continuum")
                .contains("*Injured (orange)* — it isn't passing");
        assertThat(checkIn.message().notes()).anyMatch(n -> n.contains("988"));
    }

    @Test
    void the_simple_style_stays_the_default_and_bad_words_get_the_right_form() {
        plan();
        assertThat(p.lastWithButton("UM1", CheckInMessages.OK)).isNotNull();
        assertThat(text(p.coordinator("UADMIN", "checkin style rainbow")))
                .contains("Choose `continuum` or `simple`")
                .contains("Usage: `/tenfour checkin style continuum|simple`");
        assertThat(text(p.tenfour("UM1", null, "checkin style continuum")))
                .contains("Only the program's coordinators");
        assertThat(text(p.coordinator("UADMIN", "checkin"))).contains("three answers");
    }

    @Test
    void orange_offers_a_peer_now_with_the_crisis_lines_and_keeps_only_a_count() {
        p.coordinator("UADMIN", "checkin style continuum");
        plan();
        Reply reply = p.press("UM1", p.lastWithButton("UM1", "checkin.injured"), "checkin.injured");
        Reply.Private answer = (Reply.Private) reply;
        assertThat(answer.message().text()).contains("a peer");
        assertThat(answer.message().notes()).anyMatch(n -> n.contains("988"));
        assertThat(answer.message().buttons())
                .extracting(Button::actionId)
                .containsExactly(CheckInMessages.TALK_NOW);
        p.press("UM2", p.lastWithButton("UM2", "checkin.ready"), "checkin.ready");

        assertThat(p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member("UM1").id()))
                .extracting(c -> c.answer())
                .containsExactly(org.tenfour.storage.CheckInAnswer.CONTINUUM);
        assertThat(p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member("UM2").id()))
                .extracting(c -> c.answer())
                .containsExactly(org.tenfour.storage.CheckInAnswer.CONTINUUM);
        assertThat(
                        p.jdbi.onDemand(ContinuumCounts.class)
                                .byColour(
                                        p.agency().id(),
                                        java.time.LocalDate.parse("2026-12-01"),
                                        java.time.LocalDate.parse("2026-12-31")))
                .containsExactlyInAnyOrder(new KeyCount("injured", 1), new KeyCount("ready", 1));
        p.deliver();
        assertThat(p.platform.updates())
                .filteredOn(s -> s.to().targetId().equals("UM1"))
                .allSatisfy(
                        s ->
                                assertThat(s.message().text() + s.message().notes())
                                        .doesNotContain("Injured (orange)</")
                                        .contains("Only a count is kept"));
    }

    @Test
    void talk_to_a_peer_now_opens_an_urgent_request_and_a_second_answer_counts_nothing() {
        p.coordinator("UADMIN", "checkin style continuum");
        plan();
        RecordingPlatform.Sent checkIn = p.lastWithButton("UM1", "checkin.ill");
        Reply.Private answer = (Reply.Private) p.press("UM1", checkIn, "checkin.ill");
        assertThat(text(p.press("UM1", checkIn, "checkin.ready"))).contains("You already answered");
        RecordingPlatform.Sent reply =
                new RecordingPlatform.Sent(checkIn.to(), answer.message(), null, false, null);
        p.press("UM1", reply, CheckInMessages.TALK_NOW);
        ConnectionRequest r =
                p.jdbi.onDemand(ConnectionRequests.class)
                        .openFor(p.agency().id(), p.member("UM1").id())
                        .orElseThrow();
        assertThat(r.urgency()).isEqualTo(org.tenfour.storage.Urgency.NOW);
        assertThat(
                        p.jdbi.onDemand(ContinuumCounts.class)
                                .byColour(
                                        p.agency().id(),
                                        java.time.LocalDate.parse("2026-12-01"),
                                        java.time.LocalDate.parse("2026-12-31")))
                .containsExactly(new KeyCount("ill", 1));
    }

    private List<KeyCount> december() {
        return p.jdbi.onDemand(ContinuumCounts.class)
                .byColour(
                        p.agency().id(),
                        java.time.LocalDate.parse("2026-12-01"),
                        java.time.LocalDate.parse("2026-12-31"));
    }

    private List<org.tenfour.storage.CheckInAnswer> answersOf(String user) {
        return p
                .jdbi
                .onDemand(CheckIns.class)
                .forMember(p.agency().id(), p.member(user).id())
                .stream()
                .map(c -> c.answer())
                .toList();
    }

    private void refuse(String function, String trigger) {
        p.jdbi.useHandle(
                h ->
                        h.execute(
                                "create function "
                                        + function
                                        + "() returns trigger language plpgsql as $$ begin raise"
                                        + " exception 'refused for the test'; end $$; "
                                        + trigger
                                        + " for each row execute function "
                                        + function
                                        + "()"));
    }

    private void allow(String function) {
        p.jdbi.useHandle(h -> h.execute("drop function " + function + "() cascade"));
    }

    @Test
    void a_failure_while_counting_leaves_the_check_in_open_and_the_next_press_counts_it_once() {
        p.coordinator("UADMIN", "checkin style continuum");
        plan();
        RecordingPlatform.Sent checkIn = p.lastWithButton("UM1", "checkin.injured");
        refuse(
                "refuse_count",
                "create trigger refuse_count before insert or update on continuum_count");
        assertThat(p.press("UM1", checkIn, "checkin.injured").toString())
                .contains("something went wrong");
        assertThat(answersOf("UM1")).as("nothing was recorded").containsOnlyNulls();
        allow("refuse_count");

        p.press("UM1", checkIn, "checkin.injured");
        assertThat(answersOf("UM1")).containsExactly(org.tenfour.storage.CheckInAnswer.CONTINUUM);
        assertThat(december()).containsExactly(new KeyCount("injured", 1));
    }

    @Test
    void a_failure_after_counting_before_the_answer_does_not_count_the_press_again() {
        p.coordinator("UADMIN", "checkin style continuum");
        plan();
        RecordingPlatform.Sent checkIn = p.lastWithButton("UM1", "checkin.ill");
        refuse("refuse_answer", "create trigger refuse_answer before update of answer on check_in");
        assertThat(p.press("UM1", checkIn, "checkin.ill").toString())
                .contains("something went wrong");
        assertThat(answersOf("UM1")).containsOnlyNulls();
        assertThat(december())
                .as("counted before the answer")
                .containsExactly(new KeyCount("ill", 1));
        allow("refuse_answer");

        p.press("UM1", checkIn, "checkin.reacting");
        assertThat(answersOf("UM1")).containsExactly(org.tenfour.storage.CheckInAnswer.CONTINUUM);
        assertThat(december())
                .as("the check-in is counted once")
                .containsExactly(new KeyCount("ill", 1));
    }

    @Test
    void presses_of_every_colour_at_the_same_moment_count_one_answer() throws Exception {
        p.coordinator("UADMIN", "checkin style continuum");
        plan();
        RecordingPlatform.Sent checkIn = p.lastWithButton("UM1", "checkin.ready");
        List<Continuum> zones = List.of(Continuum.values());
        java.util.concurrent.CyclicBarrier together =
                new java.util.concurrent.CyclicBarrier(zones.size());
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(zones.size());
        List<java.util.concurrent.Future<Reply>> presses = new java.util.ArrayList<>();
        for (Continuum zone : zones) {
            presses.add(
                    pool.submit(
                            () -> {
                                together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                                return p.press("UM1", checkIn, zone.actionId());
                            }));
        }
        List<Reply> replies = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Reply> f : presses) {
            replies.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(replies)
                .filteredOn(r -> r.toString().contains("You already answered"))
                .hasSize(zones.size() - 1);
        assertThat(december()).singleElement().satisfies(k -> assertThat(k.count()).isEqualTo(1));
        assertThat(answersOf("UM1")).containsExactly(org.tenfour.storage.CheckInAnswer.CONTINUUM);
    }

    @Test
    void a_week_that_began_last_month_is_counted_from_the_first_of_this_one() {
        org.tenfour.storage.Agency a = p.agency();
        assertThat(ContinuumWeeks.bucket(a, Instant.parse("2026-12-03T15:00:00Z")))
                .hasToString("2026-12-01");
        assertThat(ContinuumWeeks.bucket(a, Instant.parse("2026-12-08T15:00:00Z")))
                .hasToString("2026-12-07");
        // 23:30 on Sunday 6 December in Chicago is already Monday in UTC: the agency's zone counts
        assertThat(ContinuumWeeks.bucket(a, Instant.parse("2026-12-07T05:30:00Z")))
                .hasToString("2026-12-01");
    }
}

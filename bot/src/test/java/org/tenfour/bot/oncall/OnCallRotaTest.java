package org.tenfour.bot.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** The on-call rota end to end through the domain: commands, routing, handoff DMs, notices. */
@ExtendWith(PostgresExtension.class)
class OnCallRotaTest {
    /**
     * Tuesday 1 December 2026, 09:00 in Chicago: inside the agency's hours (week of Mon 30 Nov).
     */
    private static final Instant TUESDAY_9AM_CHICAGO = Instant.parse("2026-12-01T15:00:00Z");

    /** The same Tuesday, 23:00 in Chicago: after hours. */
    private static final Instant TUESDAY_11PM_CHICAGO = Instant.parse("2026-12-02T05:00:00Z");

    /** The next handoff, Monday 7 December 08:00 in Chicago, plus a minute. */
    private static final Instant NEXT_HANDOFF = Instant.parse("2026-12-07T14:01:00Z");

    private final TestProgram p;

    /** The peer the rota puts on call this week, and the other (whom the usual order prefers). */
    private String onCall;

    private String other;

    OnCallRotaTest(TestDatabase db) {
        p = new TestProgram(db, TUESDAY_9AM_CHICAGO);
        for (String u : List.of("UM1", "UM2", "UP1", "UP2", "UDIR")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2>");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
        // with equal loads the usual order takes the lower member id: put the other one on call,
        // so that only the rota can explain who is offered a request first
        List<Member> peers =
                List.of(p.member("UP1"), p.member("UP2")).stream()
                        .sorted(Comparator.comparing(Member::id))
                        .toList();
        other = peers.get(0).platformUserId();
        onCall = peers.get(1).platformUserId();
        p.deliver();
        p.platform.clear();
    }

    private void rota() {
        assertThat(text(p.coordinator("UADMIN", "oncall add <@" + onCall + "> <@" + other + ">")))
                .contains("Added to the on-call rota");
    }

    private static String text(Reply reply) {
        return reply instanceof Reply.Private pr
                ? pr.message().text()
                : ((Reply.FormAccepted) reply).confirmation().text();
    }

    private UUID offeredTo(String member, String urgency) {
        p.submit(
                member,
                "connect.ask",
                Map.of(
                        "who", List.of("internal"),
                        "urgency", List.of(urgency),
                        "contact", List.of("chat")),
                "");
        ConnectionRequest r =
                p.jdbi.onDemand(ConnectionRequests.class)
                        .openFor(p.agency().id(), p.member(member).id())
                        .orElseThrow();
        return r.currentPeerId();
    }

    private List<String> textsTo(String user) {
        return p.platform.to(user).stream().map(s -> s.message().text()).toList();
    }

    @Test
    void a_night_time_request_reaches_the_on_call_peer_first_and_a_daytime_one_the_usual_order() {
        rota();
        assertThat(offeredTo("UM1", "today")).isEqualTo(p.member(other).id());
        p.clock.set(TUESDAY_11PM_CHICAGO);
        assertThat(offeredTo("UM2", "today")).isEqualTo(p.member(onCall).id());
        p.deliver();
        assertThat(p.platform.to(onCall))
                .anyMatch(
                        s ->
                                s.message().buttons().stream()
                                        .anyMatch(b -> b.actionId().equals("connect.accept")));
    }

    @Test
    void an_urgent_request_in_working_hours_reaches_the_on_call_peer_first() {
        rota();
        assertThat(offeredTo("UM1", "now")).isEqualTo(p.member(onCall).id());
    }

    @Test
    void without_a_rota_requests_follow_the_usual_order_at_night() {
        p.clock.set(TUESDAY_11PM_CHICAGO);
        assertThat(offeredTo("UM1", "now")).isEqualTo(p.member(other).id());
        assertThat(text(p.tenfour("UM2", null, "oncall now"))).contains("no on-call rota");
    }

    @Test
    void anyone_may_ask_who_is_on_call_and_learns_the_name_only() {
        rota();
        String answer = text(p.tenfour("UM1", null, "oncall now"));
        assertThat(answer)
                .contains("<@" + onCall + ">")
                .contains("until Mon 7 Dec 08:00")
                .doesNotContain("<@" + other + ">")
                .doesNotContain("break")
                .doesNotContain("away");
        assertThat(text(p.tenfour("UM1", null, "oncall"))).isEqualTo(answer);
    }

    @Test
    void a_peer_on_a_break_is_skipped_for_the_next_on_the_rota() {
        rota();
        p.tenfour(onCall, null, "away until 2026-12-05");
        assertThat(text(p.tenfour("UM1", null, "oncall now"))).contains("<@" + other + ">");
        p.clock.set(TUESDAY_11PM_CHICAGO);
        assertThat(offeredTo("UM1", "now")).isEqualTo(p.member(other).id());
    }

    @Test
    void the_incoming_peer_gets_one_handoff_dm_per_week() {
        rota();
        p.onCallJobs.handoffs();
        p.onCallJobs.handoffs();
        p.deliver();
        assertThat(textsTo(onCall))
                .singleElement()
                .satisfies(
                        t ->
                                assertThat(t)
                                        .contains("You're on call for peer support")
                                        .contains("Mon 30 Nov 08:00 to Mon 7 Dec 08:00"));
        assertThat(textsTo(other)).isEmpty();

        p.clock.set(NEXT_HANDOFF);
        p.onCallJobs.handoffs();
        p.onCallJobs.handoffs();
        p.deliver();
        assertThat(textsTo(other))
                .singleElement()
                .satisfies(t -> assertThat(t).contains("Mon 7 Dec 08:00 to Mon 14 Dec 08:00"));
        assertThat(textsTo(onCall)).hasSize(1);
    }

    @Test
    void the_coordinator_channel_is_told_once_when_a_week_has_no_one() {
        rota();
        p.coordinator("UADMIN", "oncall last-resort <@UDIR>");
        p.deliver();
        p.platform.clear();
        p.tenfour(onCall, null, "away until 2026-12-20");
        p.tenfour(other, null, "away until 2026-12-20");
        p.onCallJobs.handoffs();
        p.onCallJobs.handoffs();
        p.deliver();
        assertThat(textsTo(TestProgram.COORDINATOR_CHANNEL))
                .filteredOn(t -> t.contains("No peer is on call this week"))
                .hasSize(1);
        assertThat(textsTo("UDIR"))
                .singleElement()
                .satisfies(t -> assertThat(t).contains("last resort"));
        assertThat(textsTo(onCall)).isEmpty();
        assertThat(text(p.tenfour("UM1", null, "oncall now"))).contains("Nobody is on call");
    }

    @Test
    void an_urgent_request_that_finds_no_peer_pages_the_last_resort_with_the_coordinators() {
        rota();
        p.coordinator("UADMIN", "oncall last-resort <@UDIR>");
        p.tenfour(onCall, null, "away until 2026-12-20");
        p.tenfour(other, null, "away until 2026-12-20");
        p.deliver();
        p.platform.clear();
        offeredTo("UM1", "now");
        p.deliver();
        assertThat(p.platform.to("UDIR")).isNotEmpty();
        assertThat(p.platform.to("UADMIN")).isNotEmpty();
    }

    @Test
    void a_swap_trades_two_peers_weeks_and_is_audited() {
        rota();
        assertThat(text(p.coordinator("UADMIN", "oncall swap <@" + onCall + "> <@" + other + ">")))
                .contains("<@" + other + "> covers the week of Mon 30 Nov")
                .contains("<@" + onCall + "> the week of Mon 7 Dec");
        assertThat(text(p.tenfour("UM1", null, "oncall now"))).contains("<@" + other + ">");
        p.clock.set(NEXT_HANDOFF);
        assertThat(text(p.tenfour("UM1", null, "oncall now"))).contains("<@" + onCall + ">");
        assertThat(p.jdbi.onDemand(AuditLog.class).recent(p.agency().id(), 5))
                .extracting(e -> e.action())
                .contains("oncall");
    }

    @Test
    void coordinators_see_the_coming_weeks_and_a_new_handoff_keeps_this_weeks_peer() {
        rota();
        String shown = text(p.coordinator("UADMIN", "oncall"));
        assertThat(shown)
                .contains("Mondays at 08:00")
                .contains("• Mon 30 Nov: <@" + onCall + "> (now)")
                .contains("• Mon 7 Dec: <@" + other + ">")
                .contains("• Mon 14 Dec: <@" + onCall + ">");
        assertThat(text(p.coordinator("UADMIN", "oncall handoff fri 17:00")))
                .contains("Fridays at 17:00");
        assertThat(text(p.coordinator("UADMIN", "oncall")))
                .contains("• Fri 27 Nov: <@" + onCall + "> (now)")
                .contains("• Fri 4 Dec: <@" + other + ">");
    }

    @Test
    void members_cannot_change_the_rota_and_mistakes_get_the_right_form() {
        assertThat(text(p.tenfour("UM1", null, "oncall add <@UP1>")))
                .contains("Only the program's coordinators");
        assertThat(text(p.tenfour("UADMIN", null, "oncall add <@UP1>")))
                .contains("coordinator channel");
        assertThat(text(p.coordinator("UADMIN", "oncall add <@UM1>"))).contains("Not peers");
        assertThat(text(p.coordinator("UADMIN", "oncall handoff someday")))
                .contains("day of the handoff")
                .contains("Usage: `/tenfour oncall");
        assertThat(text(p.coordinator("UADMIN", "oncall swap <@UP1>"))).contains("two peers");
        assertThat(text(p.coordinator("UADMIN", "oncall remove <@UP1>"))).contains("None of them");
    }

    @Test
    void the_rota_turns_at_the_local_handoff_time_across_a_dst_change() {
        // Sunday 1 November 2026 Chicago falls back: the week from Mon 26 Oct 08:00 CDT to Mon 2
        // Nov 08:00 CST is 169 hours long, and the handoff stays at 08:00 local
        p.clock.set(Instant.parse("2026-10-27T15:00:00Z"));
        rota();
        p.clock.set(Instant.parse("2026-11-02T13:59:00Z")); // 07:59 CST
        assertThat(text(p.tenfour("UM1", null, "oncall now")))
                .contains("<@" + onCall + ">")
                .contains("until Mon 2 Nov 08:00");
        p.clock.set(Instant.parse("2026-11-02T14:00:00Z")); // 08:00 CST
        assertThat(text(p.tenfour("UM1", null, "oncall now")))
                .contains("<@" + other + ">")
                .contains("until Mon 9 Nov 08:00");
    }
}

package org.tenfour.bot.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.privacy.PrivacyRetention;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.CallOut;
import org.tenfour.storage.CallOuts;
import org.tenfour.storage.Incidents;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The call-out after {@code /tenfour incident}, through the domain on a real PostgreSQL: who is
 * paged in which order, what a page says, the first "I'm on it" winning (also under concurrent
 * presses), and every other page losing its buttons.
 */
@ExtendWith(PostgresExtension.class)
class CallOutTest {
    /** Tuesday 1 December 2026, 09:00 in Chicago (week of Monday 30 November). */
    private static final Instant TUESDAY_9AM_CHICAGO = Instant.parse("2026-12-01T15:00:00Z");

    private static final String LABEL = "Structure fire, Main St";
    private final TestProgram p;
    private UUID incidentId;

    CallOutTest(TestDatabase db) {
        p = new TestProgram(db, TUESDAY_9AM_CHICAGO);
        for (String u : List.of("UM1", "UM2", "UP1", "UP2", "UP3", "UDIR")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2>");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2> <@UP3>");
        p.coordinator("UADMIN", "oncall add <@UP2> <@UP3> <@UP1>");
        p.deliver();
        p.platform.clear();
    }

    private String incident(String... people) {
        StringBuilder text = new StringBuilder("incident \"" + LABEL + "\"");
        for (String person : people) {
            text.append(" <@").append(person).append(">");
        }
        String reply = text(p.coordinator("UADMIN", text.toString()));
        incidentId = p.jdbi.onDemand(Incidents.class).open(p.agency().id()).get(0).id();
        p.deliver();
        return reply;
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    private List<RecordingPlatform.Sent> pages(String user) {
        return p.platform.to(user).stream()
                .filter(
                        s ->
                                s.message().buttons().stream()
                                        .anyMatch(b -> b.actionId().equals(IncidentCallOut.TAKE)))
                .toList();
    }

    private List<String> updatesTo(String user) {
        return p.platform.updates().stream()
                .filter(s -> s.to().targetId().equals(user))
                .map(s -> s.message().text())
                .toList();
    }

    private List<String> textsTo(String user) {
        return p.platform.to(user).stream().map(s -> s.message().text()).toList();
    }

    private CallOut callOut() {
        return p.jdbi.onDemand(CallOuts.class).find(p.agency().id(), incidentId).orElseThrow();
    }

    /** The next page is due: the agency's "now" offer timeout (10 minutes) has passed. */
    private void timeout() {
        p.clock.advance(Duration.ofMinutes(11));
        p.callOuts.pageDue();
        p.deliver();
    }

    @Test
    void the_on_call_peer_is_paged_with_the_label_and_how_many_but_never_who() {
        assertThat(incident("UM1", "UM2")).contains("Call-out: the on-call peer is paged");
        assertThat(pages("UP2"))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s.message().text())
                                        .contains(LABEL)
                                        .contains("2 people involved")
                                        .doesNotContain("UM1")
                                        .doesNotContain("UM2")
                                        .doesNotContain("Name"));
        assertThat(pages("UP1")).isEmpty();
        assertThat(pages("UP3")).isEmpty();
    }

    @Test
    void the_first_im_on_it_leads_and_alone_learns_who_is_involved() {
        incident("UM1", "UM2");
        p.press("UP2", pages("UP2").get(0), IncidentCallOut.TAKE);
        p.deliver();
        assertThat(updatesTo("UP2")).anyMatch(t -> t.contains("You're on it"));
        assertThat(textsTo("UP2"))
                .anyMatch(t -> t.contains("Involved: <@UM1>, <@UM2>") && t.contains(LABEL));
        assertThat(textsTo(TestProgram.COORDINATOR_CHANNEL))
                .anyMatch(t -> t.contains("<@UP2> is on it"));
        assertThat(callOut().leadPeerId()).isEqualTo(p.member("UP2").id());
        assertThat(text(p.coordinator("UADMIN", "incident list"))).contains("lead peer <@UP2>");
        timeout();
        assertThat(pages("UP3")).as("nobody is paged after it was taken").isEmpty();
    }

    @Test
    void cant_pages_the_next_on_the_rota_at_once_and_closes_that_page() {
        incident("UM1");
        p.press("UP2", pages("UP2").get(0), IncidentCallOut.CANT);
        p.deliver();
        assertThat(updatesTo("UP2")).anyMatch(t -> t.contains("You can't take this one"));
        assertThat(pages("UP3")).hasSize(1);
        assertThat(pages("UP1")).isEmpty();
    }

    @Test
    void nobody_answering_pages_the_next_too_and_a_late_press_sees_it_was_taken() {
        incident("UM1");
        timeout();
        assertThat(pages("UP3")).hasSize(1);
        assertThat(callOut().pagedPeerIds())
                .containsExactly(p.member("UP2").id(), p.member("UP3").id());
        p.press("UP3", pages("UP3").get(0), IncidentCallOut.TAKE);
        p.deliver();
        assertThat(updatesTo("UP2"))
                .anyMatch(t -> t.contains("Taken — <@UP3> is leading the peer follow-up"));
        assertThat(text(p.press("UP2", pages("UP2").get(0), IncidentCallOut.TAKE)))
                .contains("Someone already took this call-out");
        assertThat(textsTo("UP2")).noneMatch(t -> t.contains("Involved:"));
    }

    @Test
    void of_peers_pressing_im_on_it_at_the_same_moment_exactly_one_leads() throws Exception {
        incident("UM1", "UM2");
        timeout();
        timeout();
        List<String> peers = List.of("UP1", "UP2", "UP3");
        for (String peer : peers) {
            assertThat(pages(peer)).as(peer + " was paged").hasSize(1);
        }
        CyclicBarrier together = new CyclicBarrier(peers.size());
        ExecutorService pool = Executors.newFixedThreadPool(peers.size());
        List<Future<Reply>> presses = new ArrayList<>();
        for (String peer : peers) {
            RecordingPlatform.Sent page = pages(peer).get(0);
            presses.add(
                    pool.submit(
                            () -> {
                                together.await(10, TimeUnit.SECONDS);
                                return p.press(peer, page, IncidentCallOut.TAKE);
                            }));
        }
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> f : presses) {
            replies.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(replies).filteredOn(r -> r instanceof Reply.None).hasSize(1);
        assertThat(replies)
                .filteredOn(r -> !(r instanceof Reply.None))
                .hasSize(2)
                .allSatisfy(r -> assertThat(text(r)).contains("Someone already took"));
        p.deliver();
        UUID lead = callOut().leadPeerId();
        String leadUser =
                peers.stream().filter(u -> p.member(u).id().equals(lead)).findFirst().orElseThrow();
        for (String peer : peers) {
            assertThat(textsTo(peer).stream().filter(t -> t.contains("Involved:")).count())
                    .as(peer)
                    .isEqualTo(peer.equals(leadUser) ? 1 : 0);
        }
        assertThat(textsTo(TestProgram.COORDINATOR_CHANNEL))
                .filteredOn(t -> t.contains("is on it"))
                .hasSize(1);
    }

    @Test
    void a_peer_involved_in_the_incident_is_not_paged_and_peers_on_a_break_are_skipped() {
        p.tenfour("UP3", null, "away until 2026-12-20");
        incident("UP2", "UM1");
        assertThat(pages("UP2")).isEmpty();
        assertThat(pages("UP3")).isEmpty();
        assertThat(pages("UP1"))
                .singleElement()
                .satisfies(s -> assertThat(s.message().text()).contains("2 people involved"));
    }

    @Test
    void when_every_peer_cant_the_coordinators_and_the_last_resort_are_told() {
        p.coordinator("UADMIN", "oncall last-resort <@UDIR>");
        incident("UM1");
        for (String peer : List.of("UP2", "UP3", "UP1")) {
            p.press(peer, pages(peer).get(0), IncidentCallOut.CANT);
            p.deliver();
        }
        assertThat(callOut().state()).isEqualTo("exhausted");
        assertThat(textsTo(TestProgram.COORDINATOR_CHANNEL))
                .anyMatch(t -> t.contains("no peer could take it (3 paged)"));
        assertThat(textsTo("UDIR")).anyMatch(t -> t.contains("last resort"));
    }

    @Test
    void cancelling_the_incident_takes_the_buttons_off_open_pages() {
        incident("UM1");
        timeout();
        p.coordinator("UADMIN", "incident cancel 1");
        p.deliver();
        assertThat(updatesTo("UP2")).anyMatch(t -> t.contains("The incident was cancelled"));
        assertThat(updatesTo("UP3")).anyMatch(t -> t.contains("The incident was cancelled"));
        assertThat(callOut().state()).isEqualTo("closed");
    }

    @Test
    void a_page_still_queued_when_the_call_out_is_taken_is_never_sent() {
        incident("UM1");
        p.clock.advance(Duration.ofMinutes(11));
        p.callOuts.pageDue(); // UP3's page is queued, not delivered
        p.press("UP2", pages("UP2").get(0), IncidentCallOut.TAKE);
        p.deliver();
        assertThat(pages("UP3")).isEmpty();
    }

    @Test
    void someone_never_paged_cannot_take_it() {
        incident("UM1");
        RecordingPlatform.Sent page = pages("UP2").get(0);
        assertThat(text(p.press("UP1", page, IncidentCallOut.TAKE))).contains("not sent to you");
        assertThat(callOut().paging()).isTrue();
    }

    private String labelOf(UUID incident) {
        return p.jdbi.onDemand(Incidents.class)
                .find(p.agency().id(), incident)
                .orElseThrow()
                .label();
    }

    @Test
    void the_daily_retention_leaves_the_label_of_an_incident_of_the_last_hour_for_its_pages() {
        // the command creates the incident, then its follow-ups, then its call-out: retention may
        // run in between, when nothing yet holds the incident open
        UUID fresh =
                p.jdbi.onDemand(Incidents.class)
                        .create(p.agency().id(), LABEL, p.clock.instant())
                        .id();
        new PrivacyRetention(p.store, p.clock).run();
        assertThat(labelOf(fresh)).isEqualTo(LABEL);
        p.clock.advance(Duration.ofHours(2));
        new PrivacyRetention(p.store, p.clock).run();
        assertThat(labelOf(fresh)).as("finished and past the hour").isNull();
    }

    @Test
    void a_finished_call_out_is_forgotten_by_the_daily_retention_while_nothing_else_pages() {
        incident("UM1");
        UUID finished = incidentId;
        p.press("UP2", pages("UP2").get(0), IncidentCallOut.TAKE);
        p.deliver();
        p.coordinator("UADMIN", "incident cancel 1");
        p.deliver();
        incident("UM2");
        UUID paging = incidentId;
        assertThat(p.jdbi.onDemand(CallOuts.class).find(p.agency().id(), finished)).isPresent();

        new PrivacyRetention(p.store, p.clock).run();

        assertThat(p.jdbi.onDemand(CallOuts.class).find(p.agency().id(), finished))
                .as("who led a cancelled incident is forgotten")
                .isEmpty();
        assertThat(p.jdbi.onDemand(CallOuts.class).find(p.agency().id(), paging))
                .as("a call-out still paging stays")
                .isPresent();
    }

    @Test
    void a_peer_who_has_not_acknowledged_the_policy_is_neither_on_call_nor_paged() {
        p.onboardPeers = false;
        p.coordinator("UADMIN", "peers add <@UP4>");
        p.coordinator("UADMIN", "oncall remove <@UP2> <@UP3> <@UP1>");
        p.coordinator("UADMIN", "oncall add <@UP4> <@UP1>");
        p.deliver();
        p.platform.clear();
        assertThat(text(p.tenfour("UM1", null, "oncall now")))
                .contains("UP1")
                .doesNotContain("UP4");

        incident("UM1");
        assertThat(pages("UP1")).hasSize(1);
        timeout();
        timeout();
        timeout();
        assertThat(pages("UP4")).as("never told of the incident").isEmpty();
    }
}

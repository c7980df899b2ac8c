package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.Member;
import org.tenfour.storage.Peers;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.TestDatabase;

/**
 * A peer's cap counts the people they talk with; when nobody can take a request everyone is told
 * the truth; buttons that would change nothing leave the screen, and a late press changes nothing.
 */
@ExtendWith(PostgresExtension.class)
class CapacityAndStaleButtonsTest {
    private final World world;

    CapacityAndStaleButtonsTest(TestDatabase db) {
        this.world = new World(db.jdbi());
    }

    private static String text(Reply reply) {
        return reply instanceof Reply.Private p ? p.message().text() : String.valueOf(reply);
    }

    private ConnectionRequest relayed(Agency agency, Member member, Member peer) {
        world.ask(
                agency,
                member,
                World.form("who", "internal", "urgency", "today", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        world.press(
                agency,
                peer,
                ConnectMessages.ACCEPT,
                r.id(),
                world.lastOffer(world.slack, peer).delivery());
        world.deliver();
        return world.request(agency, r.id());
    }

    @Test
    void check_ins_sent_in_a_peers_name_do_not_fill_their_cap_and_the_request_reaches_them() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        for (int i = 0; i < 8; i++) {
            Member m = world.member(agency, "Member " + i);
            CheckIn c =
                    world.jdbi
                            .onDemand(CheckIns.class)
                            .schedule(
                                    agency.id(),
                                    m.id(),
                                    sam.id(),
                                    CheckInKind.CADENCE,
                                    "s",
                                    World.START.minus(Duration.ofDays(i % 3)),
                                    null)
                            .orElseThrow();
            world.jdbi.onDemand(CheckIns.class).markSent(agency.id(), c.id(), c.dueAt());
            world.jdbi
                    .onDemand(CheckIns.class)
                    .schedule(
                            agency.id(),
                            m.id(),
                            sam.id(),
                            CheckInKind.INCIDENT,
                            "f",
                            World.START.plus(Duration.ofDays(3)),
                            null);
        }
        Member alex = world.member(agency, "Alex Kim");
        world.ask(
                agency, alex, World.form("who", "internal", "urgency", "today", "contact", "chat"));
        world.deliver();

        ConnectionRequest r = world.only(agency);
        assertThat(r.state()).isEqualTo(RequestState.OFFERED);
        assertThat(r.currentPeerId()).isEqualTo(sam.id());
    }

    @Test
    void when_every_peer_is_away_the_member_hears_the_coordinators_were_asked_and_they_hear_why() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        Member chief = world.coordinator(agency, "Chief Dana");
        world.jdbi
                .onDemand(Peers.class)
                .setAwayUntil(agency.id(), sam.id(), World.START.plus(Duration.ofDays(5)));
        Member alex = world.member(agency, "Alex Kim");
        world.ask(
                agency, alex, World.form("who", "internal", "urgency", "today", "contact", "chat"));
        world.deliver();

        assertThat(world.only(agency).state()).isEqualTo(RequestState.ESCALATED);
        assertThat(world.slack.to(chief.platformUserId()))
                .singleElement()
                .satisfies(
                        page ->
                                assertThat(page.message().text())
                                        .contains("no peer could take it")
                                        .contains("all peers are away")
                                        .doesNotContain("0 peers were asked"));
        assertThat(world.slack.to(alex.platformUserId()))
                .anySatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .contains("no peer is free")
                                        .contains("coordinators have been asked"))
                .noneSatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .contains("no peer was able to answer in time"));
        assertThat(text(world.command(agency, alex, "peer", "")))
                .as("/peer with the escalated request open promises no relay")
                .contains("coordinators have been asked")
                .doesNotContain("Write here");
    }

    @Test
    void a_peer_at_their_weekly_cap_of_people_is_passed_over_and_the_coordinators_hear_so() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        Member chief = world.coordinator(agency, "Chief Dana");
        world.jdbi.onDemand(Peers.class).setWeeklyCap(agency.id(), sam.id(), 1);
        ConnectionRequest first = relayed(agency, world.member(agency, "Jordan Lee"), sam);
        world.command(agency, sam, "tenfour", "end");
        world.deliver();
        assertThat(world.request(agency, first.id()).state()).isEqualTo(RequestState.CLOSED);

        Member alex = world.member(agency, "Alex Kim");
        world.ask(
                agency, alex, World.form("who", "internal", "urgency", "today", "contact", "chat"));
        world.deliver();
        assertThat(world.slack.to(chief.platformUserId()))
                .singleElement()
                .satisfies(
                        page ->
                                assertThat(page.message().text())
                                        .contains("all peers are at their weekly cap"));
    }

    @Test
    void when_a_conversation_ends_its_buttons_leave_both_screens_and_late_presses_change_nothing() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        Member chief = world.coordinator(agency, "Chief Dana");
        Member alex = world.member(agency, "Alex Kim");
        ConnectionRequest r = relayed(agency, alex, sam);
        assertThat(r.state()).isEqualTo(RequestState.RELAYING);
        int updatesBefore = world.slack.updated.size();

        world.command(agency, alex, "tenfour", "end");
        world.deliver();

        List<GroupDmPlatform.Updated> closed =
                world.slack.updated.subList(updatesBefore, world.slack.updated.size());
        assertThat(closed)
                .as("the peer's Safety/End/Log message and the member's End message")
                .hasSize(2)
                .allSatisfy(u -> assertThat(u.message().buttons()).isEmpty());
        assertThat(closed)
                .extracting(u -> u.message().text())
                .anyMatch(t -> t.contains("the conversation has ended"))
                .anyMatch(t -> t.contains("Your conversation with a peer has ended"));

        int chiefBefore = world.slack.to(chief.platformUserId()).size();
        Reply safety = world.press(agency, sam, ConnectMessages.SAFETY, r.id(), null);
        Reply end = world.press(agency, sam, ConnectMessages.END, r.id(), null);
        world.deliver();
        assertThat(text(safety)).contains("has ended").contains("nobody was paged");
        assertThat(text(end)).contains("already ended");
        assertThat(world.slack.to(chief.platformUserId()))
                .as("a late Safety concern pages no one")
                .hasSize(chiefBefore);
    }

    @Test
    void a_request_taken_by_one_coordinator_loses_its_button_on_the_other_coordinators_page() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member chief = world.coordinator(agency, "Chief Dana");
        Member deputy = world.coordinator(agency, "Deputy Ray");
        Member alex = world.member(agency, "Alex Kim");
        world.ask(agency, alex, World.form("who", "internal", "urgency", "now", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        var deputyPage = world.lastOffer(world.slack, deputy).delivery();

        world.press(
                agency,
                chief,
                ConnectMessages.TAKE,
                r.id(),
                world.lastOffer(world.slack, chief).delivery());
        world.deliver();

        assertThat(world.slack.updated)
                .filteredOn(u -> u.delivery().equals(deputyPage))
                .singleElement()
                .satisfies(
                        u -> {
                            assertThat(u.message().buttons()).isEmpty();
                            assertThat(u.message().text()).contains("another coordinator took it");
                        });
    }
}

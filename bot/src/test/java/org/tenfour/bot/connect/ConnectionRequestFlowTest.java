package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.TestDatabase;

/**
 * A member asks for a peer, through Inbound, the real outbox and real PostgreSQL, to recording
 * platforms.
 */
@ExtendWith(PostgresExtension.class)
class ConnectionRequestFlowTest {
    private final World world;

    ConnectionRequestFlowTest(TestDatabase db) {
        this.world = new World(db.jdbi());
    }

    @Test
    void peer_opens_a_form_asking_who_how_soon_how_and_whether_to_share_a_name() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        world.peer(agency, "Sam Ortiz", false);

        Reply reply = world.command(agency, member, "peer", "now");

        assertThat(reply)
                .isInstanceOfSatisfying(
                        Reply.ShowForm.class,
                        f -> {
                            assertThat(f.form().fields())
                                    .extracting(Field::id)
                                    .contains(
                                            "who",
                                            "peer",
                                            "urgency",
                                            "contact",
                                            "share_name",
                                            "topic");
                            Field share =
                                    f.form().fields().stream()
                                            .filter(x -> x.id().equals("share_name"))
                                            .findFirst()
                                            .orElseThrow();
                            assertThat(share.initial()).as("not shared unless chosen").isEmpty();
                            Field urgency =
                                    f.form().fields().stream()
                                            .filter(x -> x.id().equals("urgency"))
                                            .findFirst()
                                            .orElseThrow();
                            assertThat(urgency.initial()).containsExactly("now");
                        });
    }

    @Test
    void asking_now_shows_the_crisis_lines_at_once_and_offers_one_peer_anonymously() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        Member kim = world.peer(agency, "Kim Park", false);

        Reply reply =
                world.ask(
                        agency,
                        member,
                        World.form(
                                "who",
                                "internal",
                                "urgency",
                                "now",
                                "contact",
                                "phone",
                                "topic",
                                "sleep"));
        world.deliver();

        assertThat(reply)
                .isInstanceOfSatisfying(
                        Reply.FormAccepted.class,
                        a -> {
                            assertThat(a.confirmation().text())
                                    .contains("A peer is being contacted now");
                            assertThat(a.confirmation().notes())
                                    .anyMatch(n -> n.contains("988"))
                                    .anyMatch(n -> n.contains("immediate threat"));
                        });
        List<GroupDmPlatform.Sent> offers =
                world.slack.sent.stream().filter(s -> !s.message().buttons().isEmpty()).toList();
        assertThat(offers)
                .singleElement()
                .satisfies(
                        o -> {
                            assertThat(o.to().targetId())
                                    .isIn(sam.platformUserId(), kim.platformUserId());
                            assertThat(o.message().buttons())
                                    .extracting(Button::actionId)
                                    .containsExactly(
                                            ConnectMessages.ACCEPT, ConnectMessages.DECLINE);
                            assertThat(o.message().text())
                                    .contains("now (within minutes)", "a phone call", "Sleep")
                                    .doesNotContain("Morgan")
                                    .doesNotContain(member.platformUserId());
                        });
        assertThat(world.only(agency).offerExpiresAt())
                .isEqualTo(World.START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void
            an_anonymous_accept_starts_a_relay_that_passes_messages_both_ways_and_stores_none_of_them() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        world.ask(
                agency,
                member,
                World.form("who", "internal", "urgency", "today", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);

        Reply accepted =
                world.press(
                        agency,
                        sam,
                        ConnectMessages.ACCEPT,
                        r.id(),
                        world.lastOffer(world.slack, sam).delivery());
        world.deliver();
        world.write(agency, member, "It was a rough call last night, secret-words-1");
        world.write(agency, sam, "I'm glad you reached out, secret-words-2");

        assertThat(accepted).isInstanceOf(Reply.None.class);
        assertThat(world.request(agency, r.id()).state()).isEqualTo(RequestState.RELAYING);
        assertThat(world.slack.groupsOpened).as("anonymous: no group conversation").isEmpty();
        assertThat(world.slack.to(sam.platformUserId()))
                .anySatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .isEqualTo(
                                                "*Member:* It was a rough call last night, secret-words-1"));
        assertThat(world.slack.to(member.platformUserId()))
                .anySatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .isEqualTo(
                                                "*Sam Ortiz:* I'm glad you reached out, secret-words-2"));
        assertThat(world.slack.to(sam.platformUserId()))
                .as("the peer never sees the member's name or id")
                .allSatisfy(
                        s ->
                                assertThat(s.message().toString())
                                        .doesNotContain("Morgan")
                                        .doesNotContain(member.platformUserId()));
        assertThat(world.slack.updated)
                .as("the offer now carries the safety and log buttons")
                .anySatisfy(
                        u ->
                                assertThat(u.message().buttons())
                                        .extracting(Button::actionId)
                                        .contains(
                                                ConnectMessages.SAFETY,
                                                ConnectMessages.LOG_CONTACT));
        Button log =
                world.slack.updated.stream()
                        .flatMap(u -> u.message().buttons().stream())
                        .filter(b -> b.actionId().equals(ConnectMessages.LOG_CONTACT))
                        .findFirst()
                        .orElseThrow();
        assertThat(log.value())
                .as("pre-filled contact type, and no request id")
                .isEqualTo("member_request");
        int stored =
                world.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                """
                select (select count(*) from outbox where message::text like '%secret-words%')
                     + (select count(*) from relay where member_address::text like '%secret-words%'
                        or peer_address::text like '%secret-words%' or member_label like '%secret%')
                     + (select count(*) from audit_log where coalesce(new_value, '') like '%secret-words%')""")
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(stored).as("relayed text is in no table").isZero();
    }

    @Test
    void the_member_can_reveal_their_name_and_either_side_can_end_the_relay() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        world.ask(
                agency,
                member,
                World.form("who", "internal", "urgency", "week", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        world.press(
                agency,
                sam,
                ConnectMessages.ACCEPT,
                r.id(),
                world.lastOffer(world.slack, sam).delivery());

        world.command(agency, member, "tenfour", "reveal");
        world.write(agency, member, "hello");
        world.deliver();

        assertThat(world.slack.to(sam.platformUserId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("Morgan Lee"))
                .anySatisfy(s -> assertThat(s.message().text()).isEqualTo("*Morgan Lee:* hello"));

        Reply ended = world.command(agency, sam, "tenfour", "end");
        world.deliver();
        Reply afterwards = world.write(agency, member, "are you there?");

        assertThat(ended)
                .isInstanceOfSatisfying(
                        Reply.Private.class, p -> assertThat(p.message().text()).contains("ended"));
        assertThat(world.request(agency, r.id()).state()).isEqualTo(RequestState.CLOSED);
        assertThat(world.slack.to(member.platformUserId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("ended the conversation"));
        assertThat(afterwards)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p ->
                                assertThat(p.message().text())
                                        .startsWith("I don't read messages")
                                        .contains("/tenfour help"));
        assertThat(world.slack.to(sam.platformUserId()))
                .noneSatisfy(s -> assertThat(s.message().text()).contains("are you there"));
    }

    @Test
    void
            a_shared_name_in_the_same_agency_is_introduced_in_a_group_conversation_and_the_bot_steps_out() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        world.ask(
                agency,
                member,
                World.form(
                        "who",
                        "internal",
                        "urgency",
                        "today",
                        "contact",
                        "in_person",
                        "share_name",
                        "true"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        assertThat(world.lastOffer(world.slack, sam).message().text())
                .contains("Morgan Lee would like to talk");

        world.press(
                agency,
                sam,
                ConnectMessages.ACCEPT,
                r.id(),
                world.lastOffer(world.slack, sam).delivery());
        world.deliver();

        assertThat(world.slack.groupsOpened)
                .singleElement()
                .satisfies(
                        users ->
                                assertThat(users)
                                        .extracting(a -> a.targetId())
                                        .containsExactly(
                                                member.platformUserId(), sam.platformUserId()));
        assertThat(world.slack.to("G1"))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s.message().text())
                                        .contains("Morgan Lee, meet Sam Ortiz", "steps out"));
        ConnectionRequest after = world.request(agency, r.id());
        assertThat(after.state()).isEqualTo(RequestState.INTRODUCED);
        assertThat(after.closedAt()).isNotNull();
        assertThat(world.write(agency, member, "hi"))
                .as("no relay after an introduction")
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p -> assertThat(p.message().text()).startsWith("I don't read"));
    }

    @Test
    void
            a_decline_and_timeouts_move_the_request_on_and_after_three_peers_the_coordinators_are_paged() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        List<Member> peers =
                List.of(
                        world.peer(agency, "Sam Ortiz", false),
                        world.peer(agency, "Kim Park", false),
                        world.peer(agency, "Ana Ruiz", false),
                        world.peer(agency, "Lou Chen", false));
        Member chief = world.coordinator(agency, "Chief Dana");
        world.ask(
                agency,
                member,
                World.form("who", "internal", "urgency", "today", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        Member first =
                peers.stream()
                        .filter(p -> p.id().equals(r.currentPeerId()))
                        .findFirst()
                        .orElseThrow();

        Reply declined =
                world.press(
                        agency,
                        first,
                        ConnectMessages.DECLINE,
                        r.id(),
                        world.lastOffer(world.slack, first).delivery());
        world.deliver();
        ConnectionRequest second = world.request(agency, r.id());
        world.clock.advance(Duration.ofMinutes(119));
        assertThat(world.jobs.expireOffers()).as("not yet two hours").isZero();
        world.clock.advance(Duration.ofMinutes(2));
        assertThat(world.jobs.expireOffers()).isEqualTo(1);
        world.deliver();
        ConnectionRequest third = world.request(agency, r.id());
        world.clock.advance(Duration.ofHours(3));
        world.jobs.expireOffers();
        world.deliver();

        assertThat(declined)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p -> assertThat(p.message().text()).contains("another peer"));
        assertThat(List.of(first.id(), second.currentPeerId(), third.currentPeerId()))
                .doesNotHaveDuplicates();
        ConnectionRequest escalated = world.request(agency, r.id());
        assertThat(escalated.state()).isEqualTo(RequestState.ESCALATED);
        assertThat(escalated.attempts()).isEqualTo(3);
        assertThat(world.lastOffer(world.slack, chief).message().buttons())
                .extracting(Button::actionId)
                .containsExactly(ConnectMessages.TAKE);
        assertThat(world.slack.to(member.platformUserId()))
                .anySatisfy(
                        s -> {
                            assertThat(s.message().text())
                                    .contains("no peer was able to answer in time");
                            assertThat(s.message().notes()).anyMatch(n -> n.contains("988"));
                        });
        assertThat(world.slack.updated)
                .as("each passed-over offer lost its buttons")
                .hasSize(3)
                .allSatisfy(u -> assertThat(u.message().buttons()).isEmpty());
    }

    @Test
    void two_peers_pressing_accept_at_once_make_exactly_one_connection_and_the_other_is_told()
            throws Exception {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        world.peer(agency, "Sam Ortiz", false);
        world.peer(agency, "Kim Park", false);
        world.ask(
                agency, member, World.form("who", "internal", "urgency", "now", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        Member late =
                world.jdbi
                        .onDemand(Members.class)
                        .find(agency.id(), r.currentPeerId())
                        .orElseThrow();
        var lateOffer = world.lastOffer(world.slack, late).delivery();
        world.clock.advance(Duration.ofMinutes(11));
        world.jobs.expireOffers();
        world.deliver();
        ConnectionRequest moved = world.request(agency, r.id());
        Member current =
                world.jdbi
                        .onDemand(Members.class)
                        .find(agency.id(), moved.currentPeerId())
                        .orElseThrow();
        var currentOffer = world.lastOffer(world.slack, current).delivery();
        int updatesBefore = world.slack.updated.size();

        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<Reply>> presses =
                List.of(
                        CompletableFuture.supplyAsync(
                                () -> {
                                    await(together);
                                    return world.press(
                                            agency,
                                            late,
                                            ConnectMessages.ACCEPT,
                                            r.id(),
                                            lateOffer);
                                }),
                        CompletableFuture.supplyAsync(
                                () -> {
                                    await(together);
                                    return world.press(
                                            agency,
                                            current,
                                            ConnectMessages.ACCEPT,
                                            r.id(),
                                            currentOffer);
                                }),
                        CompletableFuture.supplyAsync(
                                () -> {
                                    await(together);
                                    return world.press(
                                            agency,
                                            current,
                                            ConnectMessages.ACCEPT,
                                            r.id(),
                                            currentOffer);
                                }),
                        CompletableFuture.supplyAsync(
                                () -> {
                                    await(together);
                                    return world.press(
                                            agency,
                                            late,
                                            ConnectMessages.ACCEPT,
                                            r.id(),
                                            lateOffer);
                                }));
        List<Reply> replies = presses.stream().map(CompletableFuture::join).toList();
        world.deliver();

        assertThat(replies)
                .filteredOn(x -> x instanceof Reply.None)
                .as("exactly one press connects")
                .hasSize(1);
        assertThat(replies)
                .filteredOn(x -> x instanceof Reply.Private)
                .hasSize(3)
                .allSatisfy(
                        x ->
                                assertThat(((Reply.Private) x).message().text())
                                        .containsAnyOf(
                                                "already took",
                                                "already accepted",
                                                "moved on",
                                                "in a relayed conversation"));
        int relays =
                world.jdbi.withHandle(
                        h ->
                                h.createQuery("select count(*) from relay where request_id = :id")
                                        .bind("id", r.id())
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(relays).isEqualTo(1);
        assertThat(world.slack.to(member.platformUserId()))
                .filteredOn(s -> s.message().text().contains("is here for you"))
                .hasSize(1);
        assertThat(world.slack.updated.subList(updatesBefore, world.slack.updated.size()))
                .as("the late peer's offer message is closed")
                .anySatisfy(
                        u -> {
                            assertThat(u.delivery()).isEqualTo(lateOffer);
                            assertThat(u.message().buttons()).isEmpty();
                        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_coordinator_takes_an_escalated_request_and_a_second_coordinator_is_told_it_is_taken() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member chief = world.coordinator(agency, "Chief Dana");
        Member deputy = world.coordinator(agency, "Deputy Ray");
        world.ask(
                agency, member, World.form("who", "internal", "urgency", "now", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        assertThat(r.state())
                .as("no peers at all: straight to the coordinators")
                .isEqualTo(RequestState.ESCALATED);

        Reply first =
                world.press(
                        agency,
                        chief,
                        ConnectMessages.TAKE,
                        r.id(),
                        world.lastOffer(world.slack, chief).delivery());
        Reply second =
                world.press(
                        agency,
                        deputy,
                        ConnectMessages.TAKE,
                        r.id(),
                        world.lastOffer(world.slack, deputy).delivery());
        world.deliver();

        assertThat(first).isInstanceOf(Reply.None.class);
        assertThat(second)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p -> assertThat(p.message().text()).contains("already took"));
        assertThat(world.request(agency, r.id()).state()).isEqualTo(RequestState.RELAYING);
        assertThat(world.slack.to(member.platformUserId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("Chief Dana"));
    }

    @Test
    void
            a_safety_concern_gives_coordinators_the_minimum_and_the_policy_and_is_audited_without_words() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        Member chief = world.coordinator(agency, "Chief Dana");
        world.ask(
                agency,
                member,
                World.form(
                        "who",
                        "internal",
                        "urgency",
                        "now",
                        "contact",
                        "chat",
                        "topic",
                        "substance"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        world.press(
                agency,
                sam,
                ConnectMessages.ACCEPT,
                r.id(),
                world.lastOffer(world.slack, sam).delivery());
        world.write(agency, member, "private words about a plan");

        Reply reply = world.press(agency, sam, ConnectMessages.SAFETY, r.id(), null);
        world.deliver();

        assertThat(reply)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p ->
                                assertThat(p.message().notes())
                                        .anyMatch(n -> n.contains("admission of a crime")));
        assertThat(world.slack.to(chief.platformUserId()))
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.message().text())
                                    .contains(
                                            "Safety concern",
                                            People.ref(r.id()),
                                            "Fire District 7",
                                            "Sam Ortiz",
                                            "<@" + sam.platformUserId() + ">")
                                    .doesNotContain("Morgan")
                                    .doesNotContain("private words")
                                    .doesNotContain("Alcohol");
                            assertThat(s.message().notes())
                                    .anyMatch(n -> n.contains("immediate threat"));
                        });
        var audit = world.jdbi.onDemand(AuditLog.class).recent(agency.id(), 10);
        assertThat(audit)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.action()).isEqualTo("safety concern");
                            assertThat(a.toString())
                                    .doesNotContain("private words")
                                    .doesNotContain(member.platformUserId());
                        });
    }

    @Test
    void only_the_peer_who_accepted_can_raise_a_safety_concern() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        world.peer(agency, "Sam Ortiz", false);
        Member chief = world.coordinator(agency, "Chief Dana");
        world.ask(
                agency, member, World.form("who", "internal", "urgency", "now", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);

        Reply reply = world.press(agency, member, ConnectMessages.SAFETY, r.id(), null);
        world.deliver();

        assertThat(reply)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p -> assertThat(p.message().text()).contains("not one you accepted"));
        assertThat(world.slack.to(chief.platformUserId())).isEmpty();
    }

    @Test
    void a_second_ask_while_one_is_open_points_at_the_first_and_end_withdraws_it() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        world.ask(
                agency,
                member,
                World.form("who", "internal", "urgency", "week", "contact", "chat"));
        world.deliver();

        Reply again = world.command(agency, member, "peer", "");
        Reply withdrawn = world.command(agency, member, "tenfour", "end");
        world.deliver();
        Reply lateAccept =
                world.press(agency, sam, ConnectMessages.ACCEPT, world.only(agency).id(), null);

        assertThat(again)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p ->
                                assertThat(p.message().text())
                                        .contains("already have a request open"));
        assertThat(withdrawn)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p -> assertThat(p.message().text()).contains("withdrawn"));
        assertThat(world.only(agency).state()).isEqualTo(RequestState.CLOSED);
        assertThat(world.slack.updated)
                .anySatisfy(
                        u ->
                                assertThat(u.message().notes())
                                        .contains("The member withdrew this request."));
        assertThat(lateAccept)
                .isInstanceOfSatisfying(
                        Reply.Private.class,
                        p -> assertThat(p.message().text()).contains("withdrew"));
    }
}

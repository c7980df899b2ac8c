package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.checkin.CheckInMessages;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peers;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.RequestScope;
import org.tenfour.storage.RequestSource;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.TestDatabase;
import org.tenfour.storage.Urgency;

/**
 * Partners across platforms, referrals, the check-in's "I'd like to talk", the directory, and
 * retention.
 */
@ExtendWith(PostgresExtension.class)
class PartnersReferralsRetentionTest {
    private static final Pattern CODE =
            Pattern.compile("\\*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\\*");
    private final World world;

    PartnersReferralsRetentionTest(TestDatabase db) {
        this.world = new World(db.jdbi());
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    private String partner(Agency a, Member coordA, Agency b, Member coordB) {
        Matcher m = CODE.matcher(text(world.inCoordinatorChannel(a, coordA, "partner invite")));
        assertThat(m.find()).isTrue();
        world.inCoordinatorChannel(
                b, coordB, "partner accept " + m.group(1).toLowerCase(Locale.ROOT));
        return m.group(1);
    }

    @Test
    void a_slack_member_talks_with_a_teams_partner_peer_through_the_relay_and_stays_anonymous() {
        Agency slackAgency = world.agency(Platform.SLACK, "Fire District 7");
        Agency teamsAgency = world.agency(Platform.TEAMS, "County EMS");
        Member chief = world.coordinator(slackAgency, "Chief Dana");
        Member medic = world.coordinator(teamsAgency, "Lead Medic Jo");
        Member member = world.member(slackAgency, "Morgan Lee");
        Member quinn = world.peer(teamsAgency, "Quinn Hale", true);
        world.peer(teamsAgency, "Not Shared", false);

        String code = partner(slackAgency, chief, teamsAgency, medic);
        world.deliver();
        Reply reused = world.inCoordinatorChannel(teamsAgency, medic, "partner accept " + code);

        assertThat(world.slack.to(slackAgency.coordinatorChannelId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("County EMS"));
        assertThat(world.teams.to(teamsAgency.coordinatorChannelId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("Fire District 7"));
        assertThat(text(reused)).contains("not valid");
        String stored =
                world.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select coalesce(string_agg(coalesce(invite_hash, '') , ','), '') from partnership")
                                        .mapTo(String.class)
                                        .one());
        assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(text(world.command(slackAgency, member, "tenfour", "peers")))
                .contains("Quinn Hale", "County EMS")
                .doesNotContain("Not Shared");

        world.ask(
                slackAgency,
                member,
                World.form("who", "partner", "urgency", "today", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(slackAgency);
        var offer = world.lastOffer(world.teams, quinn);
        assertThat(offer.message().text())
                .contains("A member of Fire District 7")
                .doesNotContain("Morgan");
        world.press(teamsAgency, quinn, ConnectMessages.ACCEPT, r.id(), offer.delivery());
        world.deliver();
        world.write(slackAgency, member, "thanks for picking up");
        world.write(teamsAgency, quinn, "of course, how are you?");
        world.write(
                teamsAgency,
                quinn,
                "<!here> <https://evil.example|Your pay slip> [Open](https://evil.example) <@U0BOSS>");

        assertThat(world.teams.to(quinn.platformUserId()))
                .anySatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .isEqualTo("*Member:* thanks for picking up"))
                .allSatisfy(
                        s ->
                                assertThat(s.message().toString())
                                        .doesNotContain("Morgan")
                                        .doesNotContain(member.platformUserId()));
        assertThat(world.slack.to(member.platformUserId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("from County EMS"))
                .anySatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .isEqualTo("*Quinn Hale:* of course, how are you?"))
                .anySatisfy(
                        s ->
                                assertThat(s.message().text())
                                        .as(
                                                "a Teams peer's words reach Slack inert, every character shown")
                                        .contains("Your pay slip")
                                        .doesNotContain("<!here>", "<https:", "](", "<@U0BOSS>")
                                        .isEqualTo(
                                                "*Quinn Hale:* <\u200B!here> <\u200Bhttps://evil.example|Your pay slip>"
                                                        + " [Open]\u200B(https://evil.example) <\u200B@U0BOSS>"));

        world.inCoordinatorChannel(teamsAgency, medic, "partner end 1");
        world.command(slackAgency, member, "tenfour", "end");
        world.deliver();
        world.ask(
                slackAgency,
                member,
                World.form("who", "partner", "urgency", "today", "contact", "chat"));

        assertThat(world.slack.to(slackAgency.coordinatorChannelId()))
                .anySatisfy(s -> assertThat(s.message().text()).contains("ended the partnership"));
        assertThat(
                        world.jdbi
                                .onDemand(ConnectionRequests.class)
                                .openFor(slackAgency.id(), member.id()))
                .hasValueSatisfying(
                        again ->
                                assertThat(again.state())
                                        .as("no partner peers any more")
                                        .isEqualTo(RequestState.ESCALATED));
    }

    @Test
    void an_invite_code_expires_after_seven_days() {
        Agency a = world.agency(Platform.SLACK, "Fire District 7");
        Agency b = world.agency(Platform.SLACK, "Harbor Police");
        Member ca = world.coordinator(a, "Chief Dana");
        Member cb = world.coordinator(b, "Captain Lee");
        Matcher m = CODE.matcher(text(world.inCoordinatorChannel(a, ca, "partner invite")));
        assertThat(m.find()).isTrue();

        world.clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(text(world.inCoordinatorChannel(b, cb, "partner accept " + m.group(1))))
                .contains("not valid");
        assertThat(text(world.inCoordinatorChannel(b, cb, "partner list")))
                .contains("No partner agencies");
    }

    @Test
    void a_referral_sends_an_ordinary_check_in_and_records_nobody_who_asked() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member chief = world.coordinator(agency, "Chief Dana");
        Member member = world.member(agency, "Morgan Lee");
        world.peer(agency, "Sam Ortiz", false);
        Member colleague = world.member(agency, "Pat Doe");

        Reply refused =
                world.command(
                        agency, colleague, "tenfour", "refer <@" + member.platformUserId() + ">");
        Reply done =
                world.command(agency, chief, "tenfour", "refer <@" + member.platformUserId() + ">");
        world.clock.advance(Duration.ofDays(3)); // past the next contact window
        world.deliver();

        assertThat(text(refused)).contains("Only the program's coordinators");
        assertThat(text(done)).contains("won't be told who asked");
        assertThat(world.jdbi.onDemand(CheckIns.class).forMember(agency.id(), member.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(CheckInKind.REFERRAL));
        assertThat(world.slack.to(member.platformUserId()))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s.message().text())
                                        .contains("check-in from the peer support team")
                                        .doesNotContainIgnoringCase("refer")
                                        .doesNotContainIgnoringCase("supervisor")
                                        .doesNotContain("Dana")
                                        .doesNotContain(chief.platformUserId()));
        int traces =
                world.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                """
                select (select count(*) from audit_log where actor = :chief)
                     + (select count(*) from check_in where slot_key like '%' || :chief || '%')""")
                                        .bind("chief", chief.platformUserId())
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(traces).as("the referrer is stored nowhere").isZero();
    }

    @Test
    void a_tagged_supervisor_may_refer_their_own_crew_member() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member supervisor = world.member(agency, "Lt Casey");
        Member member = world.member(agency, "Morgan Lee");
        world.jdbi
                .onDemand(Members.class)
                .setTags(
                        agency.id(),
                        member.id(),
                        Map.of("supervisor", supervisor.platformUserId()));

        Reply done =
                world.command(
                        agency, supervisor, "tenfour", "refer <@" + member.platformUserId() + ">");

        assertThat(text(done)).contains("Thank you for looking out for them");
        assertThat(world.jdbi.onDemand(CheckIns.class).forMember(agency.id(), member.id()))
                .hasSize(1);
    }

    @Test
    void id_like_to_talk_on_a_check_in_asks_the_check_ins_peer_first_with_the_source_check_in() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        world.peer(agency, "Kim Park", false);
        Member sam = world.peer(agency, "Sam Ortiz", false);
        CheckIn checkIn =
                world.jdbi
                        .onDemand(CheckIns.class)
                        .schedule(
                                agency.id(),
                                member.id(),
                                sam.id(),
                                CheckInKind.CADENCE,
                                "test-slot",
                                World.START,
                                null)
                        .orElseThrow();

        Reply reply = world.press(agency, member, CheckInMessages.TALK, checkIn.id(), null);
        world.deliver();

        assertThat(text(reply)).contains("A peer is being asked");
        ConnectionRequest r = world.only(agency);
        assertThat(r.source()).isEqualTo(RequestSource.CHECK_IN);
        assertThat(r.scope()).isEqualTo(RequestScope.INTERNAL);
        assertThat(r.urgency()).isEqualTo(Urgency.TODAY);
        assertThat(r.namedPeerId()).isEqualTo(sam.id());
        assertThat(r.currentPeerId()).as("the check-in's peer is asked first").isEqualTo(sam.id());
        assertThat(world.lastOffer(world.slack, sam).message().text()).doesNotContain("Morgan");
    }

    @Test
    void a_peer_who_is_away_or_in_the_members_crew_is_never_offered_the_request() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member away = world.peer(agency, "Away Peer", false);
        Member crew = world.peer(agency, "Crew Peer", false);
        Member free = world.peer(agency, "Free Peer", false);
        world.jdbi
                .onDemand(Members.class)
                .setTags(agency.id(), member.id(), Map.of("unit", "Engine-7"));
        world.jdbi
                .onDemand(Members.class)
                .setTags(agency.id(), crew.id(), Map.of("unit", "engine-7"));

        Reply awayReply = world.command(agency, away, "tenfour", "away until 2026-12-10");
        Reply notPeer = world.command(agency, member, "tenfour", "away until 2026-12-10");
        world.ask(
                agency, member, World.form("who", "internal", "urgency", "now", "contact", "chat"));

        assertThat(text(awayReply)).contains("break until");
        assertThat(text(notPeer)).contains("trained peer supporters");
        assertThat(world.only(agency).currentPeerId()).isEqualTo(free.id());
    }

    @Test
    void a_peer_edits_their_profile_and_a_bio_over_280_characters_is_refused() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member sam = world.peer(agency, "Sam Ortiz", false);

        Reply form = world.command(agency, sam, "tenfour", "profile");
        Reply tooLong =
                world.inbound.handle(
                        new InboundEvent.FormSubmitted(
                                World.actor(agency, sam),
                                PeerDirectory.PROFILE_FORM,
                                World.form("bio", "x".repeat(281), "weekly_cap", "4"),
                                ""));
        Reply saved =
                world.inbound.handle(
                        new InboundEvent.FormSubmitted(
                                World.actor(agency, sam),
                                PeerDirectory.PROFILE_FORM,
                                World.form(
                                        "bio",
                                        "Firefighter 12 years, dad of two.",
                                        "languages",
                                        "en, es",
                                        "partner_requests",
                                        "true",
                                        "weekly_cap",
                                        "4"),
                                ""));

        assertThat(form).isInstanceOf(Reply.ShowForm.class);
        assertThat(tooLong)
                .isInstanceOfSatisfying(
                        Reply.FormErrors.class, e -> assertThat(e.errors()).containsKey("bio"));
        assertThat(saved).isInstanceOf(Reply.FormAccepted.class);
        assertThat(world.jdbi.onDemand(Peers.class).find(agency.id(), sam.id()))
                .hasValueSatisfying(
                        p -> {
                            assertThat(p.bio()).isEqualTo("Firefighter 12 years, dad of two.");
                            assertThat(p.languages()).containsExactly("en", "es");
                            assertThat(p.partnerRequests()).isTrue();
                            assertThat(p.weeklyCap()).isEqualTo(4);
                        });
    }

    @Test
    void a_bio_cannot_broadcast_mention_or_link_in_the_directory() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        Member member = world.member(agency, "Morgan Lee");
        world.inbound.handle(
                new InboundEvent.FormSubmitted(
                        World.actor(agency, sam),
                        PeerDirectory.PROFILE_FORM,
                        World.form(
                                "bio",
                                "<!channel> call me <https://evil.example|at the EAP> <@U0CHIEF>",
                                "weekly_cap",
                                "4"),
                        ""));

        String directory = text(world.command(agency, member, "tenfour", "peers"));

        assertThat(directory)
                .contains("call me")
                .doesNotContain("<!channel>", "<https:", "<@U0CHIEF>")
                .contains("<\u200B!channel> call me <\u200Bhttps://evil.example|at the EAP>");
    }

    @Test
    void closed_requests_lose_who_was_involved_after_the_retention_period_and_not_before() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        Member sam = world.peer(agency, "Sam Ortiz", false);
        world.ask(
                agency,
                member,
                World.form("peer", sam.id().toString(), "urgency", "today", "contact", "chat"));
        world.deliver();
        ConnectionRequest r = world.only(agency);
        world.press(
                agency,
                sam,
                ConnectMessages.ACCEPT,
                r.id(),
                world.lastOffer(world.slack, sam).delivery());
        world.command(agency, member, "tenfour", "end");
        world.deliver();

        int messages =
                world.jdbi.withHandle(
                        h ->
                                h.createQuery("select count(*) from outbox where ref = :id")
                                        .bind("id", r.id())
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(messages)
                .as("the request's delivered messages, found by their ref")
                .isPositive();
        world.clock.advance(Duration.ofDays(89));
        world.jobs.purge();
        ConnectionRequest kept = world.request(agency, r.id());
        world.clock.advance(Duration.ofDays(2));
        int purged = world.jobs.purge();

        assertThat(kept.memberId()).as("89 days after closing: still there").isEqualTo(member.id());
        assertThat(purged).isPositive();
        ConnectionRequest after = world.request(agency, r.id());
        assertThat(after.memberId()).isNull();
        assertThat(after.currentPeerId()).isNull();
        assertThat(after.namedPeerId()).isNull();
        assertThat(after.triedPeerIds()).isEmpty();
        assertThat(after.urgency()).as("coded facts stay for reporting").isEqualTo(Urgency.TODAY);
        int rows =
                world.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select (select count(*) from relay where request_id::text = :id) "
                                                        + "+ (select count(*) from outbox where ref::text = :id)")
                                        .bind("id", r.id().toString())
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(rows).as("routing and delivered messages of the request are gone").isZero();
    }
}

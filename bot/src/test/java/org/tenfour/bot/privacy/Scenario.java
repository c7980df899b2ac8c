package org.tenfour.bot.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.checkin.CheckInMessages;
import org.tenfour.bot.log.LogJobs;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.TestDatabase;

/**
 * A realistic fortnight of one agency, driven through the real router and delivered through the
 * real outbox: check-ins (one answered "I'd like to talk"), a request relayed and ended, logs with
 * follow-ups and a safety concern, a wellness offer, an incident, a referral, an opt-out, roster
 * tags, and finally {@code forgetme} by Alex, who used the program the most.
 */
final class Scenario {
    static final String ALEX = "UALEX";
    static final String ALEX_NAME = "Alex Rivera";
    static final String JO = "UJO";
    static final String OPT = "UOPT";
    static final String REF = "UREF";
    static final String PEER = "UPEERA";
    static final String PEER_NAME = "Pat Quinn";
    static final String PEER2 = "UPEERB";

    final TestProgram p;
    final LogJobs logJobs;

    /** Alex's identifiers, captured before the erasure. */
    final List<String> alex = new ArrayList<>();

    /** The peer who took Alex's request, as an adversary would like to find them. */
    Member peer;

    Scenario(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-23T15:00:00Z"));
        logJobs =
                new LogJobs(
                        p.store,
                        p.clock,
                        TestProgram.KEYS,
                        RetentionPolicy.fixed(RetentionPolicy.DEFAULT));
    }

    /** Everything up to (not including) the erasure. */
    Scenario run() {
        p.setUp("UADMIN");
        p.platform.profile(ALEX, new UserProfile(ALEX_NAME, "America/Chicago", false));
        p.platform.profile(JO, new UserProfile("Jo Park", "America/Chicago", false));
        p.platform.profile(PEER, new UserProfile(PEER_NAME, "America/Chicago", false));
        p.platform.profile(PEER2, new UserProfile("Sam Lee", "America/Chicago", false));
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@" + ALEX + "> <@" + JO + "> <@" + OPT + ">");
        p.coordinator("UADMIN", "peers add <@" + PEER + "> <@" + PEER2 + ">");
        p.coordinator(
                "UADMIN", "roster tag <@" + JO + "> unit:Engine-7 supervisor:<@" + ALEX + ">");
        p.coordinator("UADMIN", "roster tag <@" + ALEX + "> unit:Engine-7");
        p.tenfour(OPT, null, "optout");
        // an on-call rota whose last resort is Alex: the erasure must clear that too
        p.coordinator("UADMIN", "oncall add <@" + PEER + "> <@" + PEER2 + ">");
        p.coordinator("UADMIN", "oncall swap <@" + PEER + "> <@" + PEER2 + ">");
        p.coordinator("UADMIN", "oncall last-resort <@" + ALEX + ">");
        p.onCallJobs.handoffs();
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.clock.set(Instant.parse("2026-11-25T15:00:00Z"));
        p.deliver();

        // Alex answers "I'd like to talk": a request, an offer, a relayed conversation, ended
        RecordingPlatform.Sent checkIn = p.lastWithButton(ALEX, CheckInMessages.TALK);
        p.press(ALEX, checkIn, CheckInMessages.TALK);
        p.deliver();
        UUID peerId =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select current_peer_id from connection_request where member_id = :m")
                                        .bind("m", p.member(ALEX).id())
                                        .mapTo(UUID.class)
                                        .one());
        peer = p.jdbi.onDemand(Members.class).find(p.agency().id(), peerId).orElseThrow();
        p.press(
                peer.platformUserId(),
                p.lastWithButton(peer.platformUserId(), "connect.accept"),
                "connect.accept");
        p.deliver();
        p.tenfour(ALEX, null, "end");
        p.deliver();

        // the peer logs the contact with a follow-up and, later that day, three more, one of them
        // a safety concern: the wellness offer follows
        p.clock.advance(Duration.ofMinutes(37));
        log(
                peer.platformUserId(),
                Map.of("follow_up", List.of("true"), "follow_up_date", List.of("2026-11-30")));
        p.clock.advance(Duration.ofHours(2));
        log(peer.platformUserId(), Map.of("safety_concern", List.of("true")));
        log(peer.platformUserId(), Map.of());
        log(peer.platformUserId(), Map.of());
        p.deliver();

        // an incident involving Alex and Jo, and a referral of Jo
        p.coordinator("UADMIN", "incident \"Crash on I-25\" <@" + ALEX + "> <@" + JO + ">");
        p.coordinator("UADMIN", "refer <@" + JO + ">");
        p.deliver();
        // the incident's call-out reaches the on-call peer, who takes it and is told who is
        // involved
        String paged =
                java.util.stream.Stream.of(PEER, PEER2)
                        .filter(
                                u ->
                                        p.platform.to(u).stream()
                                                .anyMatch(
                                                        m ->
                                                                m.message().buttons().stream()
                                                                        .anyMatch(
                                                                                b ->
                                                                                        b.actionId()
                                                                                                .equals(
                                                                                                        "callout.take"))))
                        .findFirst()
                        .orElseThrow();
        p.press(paged, p.lastWithButton(paged, "callout.take"), "callout.take");
        p.deliver();

        Member a = p.member(ALEX);
        alex.addAll(
                List.of(
                        ALEX,
                        ALEX_NAME,
                        "Alex",
                        "Rivera",
                        a.id().toString(),
                        a.id().toString().replace("-", "")));
        return this;
    }

    /** Alex erases themself. */
    Scenario forget() {
        var ask = (Reply.Private) p.tenfour(ALEX, null, "forgetme");
        var button = ask.message().buttons().get(0);
        p.inbound.handle(
                new InboundEvent.ButtonPressed(
                        new Actor(p.user(ALEX), false),
                        button.actionId(),
                        button.value(),
                        p.user(ALEX),
                        null,
                        null));
        p.deliver();
        return this;
    }

    private void log(String peerUser, Map<String, List<String>> extra) {
        Map<String, List<String>> values =
                new HashMap<>(
                        Map.of(
                                "contact_type", List.of("proactive_check_in"),
                                "topics", List.of("stress"),
                                "duration", List.of("15_30"),
                                "referrals", List.of("none")));
        values.putAll(extra);
        p.submit(peerUser, "log", values, "");
    }
}

package org.tenfour.bot.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.oncall.OnCall;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxEntry;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Tx;
import org.tenfour.storage.Urgency;

/**
 * Moves a request from one peer to the next, all on the caller's handle so that the state change
 * and its messages commit together: offer the next candidate, or — when the agency's number of
 * peers has been asked or nobody is eligible — page the coordinators and tell the member honestly.
 */
final class Offers {
    private static final Logger log = LoggerFactory.getLogger(Offers.class);

    private Offers() {}

    /** The outbox key of the n-th offer of a request (the purge finds it by the request id). */
    static OutboxKey offerKey(UUID requestId, int attempt) {
        return OutboxKey.of(OutboxKind.CONNECT_OFFER, requestId, "offer", attempt);
    }

    /** Offers {@code r} (state offered, nobody holding it) to its next peer, or escalates. */
    static ConnectionRequest next(Tx h, ConnectionRequest r, Instant now) {
        Agency agency = h.attach(Agencies.class).find(r.agencyId()).orElseThrow();
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        Optional<Member> member =
                r.memberId() == null
                        ? Optional.empty()
                        : h.attach(Members.class).find(agency.id(), r.memberId());
        if (member.isEmpty()) {
            h.attach(ConnectionRequests.class).close(agency.id(), r.id(), now);
            return reload(h, r);
        }
        String why;
        if (r.attempts() < settings.connect().maxCandidates()) {
            Candidates.Search search = new Candidates(h).next(agency, member.get(), r, now);
            if (search.found().isPresent()) {
                Candidates.Candidate c = search.found().get();
                Duration within = settings.connect().offerTimeout(r.urgency());
                if (h.attach(ConnectionRequests.class)
                                .offer(
                                        agency.id(),
                                        r.id(),
                                        r.attempts(),
                                        c.member().id(),
                                        c.agency().id(),
                                        now.plus(within))
                        == 1) {
                    ConnectionRequest offered = reload(h, r);
                    Outgoing.on(h, c.agency().id())
                            .send(
                                    offerKey(r.id(), offered.attempts()),
                                    AddressBook.member(h, c.agency(), c.member()),
                                    ConnectMessages.offer(
                                            offered,
                                            r.shareName() ? People.name(member.get()) : null,
                                            c.agency().id().equals(agency.id())
                                                    ? null
                                                    : AgencyNames.shownTo(agency, c.agency()),
                                            within),
                                    now);
                    log.info(
                            "connect: request {} offered (attempt {})", r.id(), offered.attempts());
                    return offered;
                }
                return reload(h, r);
            }
            why = search.why();
        } else {
            why = "none of them accepted in time";
        }
        return escalate(h, agency, settings, member.get(), r, why, now);
    }

    private static ConnectionRequest escalate(
            Tx h,
            Agency agency,
            AgencySettings settings,
            Member member,
            ConnectionRequest r,
            String why,
            Instant now) {
        if (h.attach(ConnectionRequests.class).escalate(agency.id(), r.id(), r.attempts()) == 0) {
            return reload(h, r);
        }
        Outgoing out = Outgoing.on(h, agency.id());
        List<Member> coordinators =
                new ArrayList<>(
                        h.attach(Members.class).coordinators(agency.id()).stream()
                                .filter(c -> !c.id().equals(member.id()))
                                .toList());
        OnCall.lastResortFor(h, agency, r.urgency() == Urgency.NOW, now)
                .filter(m -> !m.id().equals(member.id()))
                .filter(m -> coordinators.stream().noneMatch(c -> c.id().equals(m.id())))
                .ifPresent(coordinators::add);
        for (Member c : coordinators) {
            out.send(
                    pageKey(r.id(), c.id()),
                    AddressBook.member(h, agency, c),
                    ConnectMessages.page(
                            r, r.shareName() ? People.name(member) : null, r.attempts(), why),
                    now);
        }
        out.send(
                OutboxKey.of(OutboxKind.CONNECT, r.id(), "escalated"),
                AddressBook.member(h, agency, member),
                ConnectMessages.escalatedToMember(settings, r.attempts(), Words.of(member)),
                now);
        log.info(
                "connect: request {} escalated to {} coordinator(s) after {} offer(s)",
                r.id(),
                coordinators.size(),
                r.attempts());
        if (coordinators.isEmpty()) {
            log.warn(
                    "connect: agency {} has no coordinator to page for request {}",
                    agency.id(),
                    r.id());
        }
        return reload(h, r);
    }

    /**
     * The peer holding the offer let it go (declined, or it timed out): their offer message is
     * closed with {@code outcome} and the next peer is asked. False when the offer had already
     * moved on.
     */
    static boolean release(Tx h, ConnectionRequest r, UUID peerId, String outcome, Instant now) {
        if (!h.attach(ConnectionRequests.class).withdraw(r.id(), peerId)) {
            return false;
        }
        closeOfferMessage(h, r, outcome, now);
        next(h, reload(h, r), now);
        return true;
    }

    /**
     * Replaces a delivered offer's buttons by {@code outcome} (when it was delivered at all), with
     * {@code r} as it was while offered. The offer's text is not kept after delivery, so the closed
     * offer is written anew from the request; the platform's ids of the offer are then forgotten.
     */
    static void closeOfferMessage(Tx h, ConnectionRequest r, String outcome, Instant now) {
        UUID peerAgencyId = r.peerAgencyId();
        UUID peerId =
                r.currentPeerId() != null
                        ? r.currentPeerId()
                        : r.triedPeerIds().isEmpty()
                                ? null
                                : r.triedPeerIds().get(r.triedPeerIds().size() - 1);
        if (peerAgencyId == null || peerId == null) {
            return;
        }
        OutboxKey key = offerKey(r.id(), r.attempts());
        Outgoing out = Outgoing.on(h, peerAgencyId);
        Optional<OutboxEntry> sent = out.find(key);
        if (sent.isEmpty() || sent.get().platformMessageId() == null) {
            return; // never delivered: nothing on screen to change
        }
        Optional<Agency> peerAgency = h.attach(Agencies.class).find(peerAgencyId);
        Optional<Member> peer =
                peerAgency.flatMap(a -> h.attach(Members.class).find(a.id(), peerId));
        if (peer.isEmpty()) {
            return; // the peer is gone: nobody to show it to
        }
        OutboxEntry e = sent.get();
        out.update(
                key.then("closed"),
                AddressBook.member(h, peerAgency.get(), peer.get()),
                new Delivery(e.platformConversationId(), e.platformMessageId()),
                ConnectMessages.offerClosed(r, outcome),
                now);
        out.forgetDelivery(key);
    }

    /**
     * Replaces a delivered message (found by its outbox {@code key}) by {@code replacement}, so
     * that buttons which would now change nothing leave the screen; nothing when it was never
     * delivered.
     */
    static void replaceDelivered(
            Tx h, UUID agencyId, OutboxKey key, Address to, Message replacement, Instant now) {
        Outgoing out = Outgoing.on(h, agencyId);
        Optional<OutboxEntry> sent = out.find(key);
        if (sent.isEmpty() || sent.get().platformMessageId() == null) {
            return;
        }
        OutboxEntry e = sent.get();
        out.update(
                key.then("closed"),
                to,
                new Delivery(e.platformConversationId(), e.platformMessageId()),
                replacement,
                now);
        out.forgetDelivery(key);
    }

    /** The key of the page a coordinator got for an escalated request. */
    static OutboxKey pageKey(UUID requestId, UUID coordinatorId) {
        return OutboxKey.of(OutboxKind.CONNECT, requestId, "page", coordinatorId);
    }

    /**
     * Takes the "I'll take it" button off every coordinator's page of {@code r} but {@code
     * except}'s (who pressed it, and whose own page is updated by the press).
     */
    static void closePages(Tx h, ConnectionRequest r, UUID except, String outcome, Instant now) {
        Optional<Agency> agency = h.attach(Agencies.class).find(r.agencyId());
        if (agency.isEmpty()) {
            return;
        }
        for (Member c : h.attach(Members.class).coordinators(r.agencyId())) {
            if (!c.id().equals(except)) {
                replaceDelivered(
                        h,
                        r.agencyId(),
                        pageKey(r.id(), c.id()),
                        AddressBook.member(h, agency.get(), c),
                        Message.text("Request " + People.ref(r.id()) + ": " + outcome),
                        now);
            }
        }
    }

    static ConnectionRequest reload(Tx h, ConnectionRequest r) {
        return h.attach(ConnectionRequests.class).find(r.agencyId(), r.id()).orElseThrow();
    }
}

package org.tenfour.bot.connect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Relays;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.Tx;

/**
 * Connects an accepted request. Same agency (so same platform) and the member's name shared: a
 * group conversation with both and a short introduction, then the bot steps out. Otherwise —
 * anonymous, another agency or platform, or a platform that cannot open group conversations (Teams)
 * — a relay.
 */
final class Introductions {
    private static final Logger log = LoggerFactory.getLogger(Introductions.class);

    private final Platforms platforms;

    Introductions(Platforms platforms) {
        this.platforms = platforms;
    }

    /** What the accepting peer is told. */
    record Outcome(boolean relay, String how) {}

    /**
     * Runs in the accepting transaction, right after the conditional update that made {@code r}
     * accepted.
     */
    Outcome connect(Tx h, ConnectionRequest r, Instant now) {
        Agencies agencies = h.attach(Agencies.class);
        Agency memberAgency = agencies.find(r.agencyId()).orElseThrow();
        Agency peerAgency = agencies.find(r.peerAgencyId()).orElseThrow();
        Member member = h.attach(Members.class).find(memberAgency.id(), r.memberId()).orElseThrow();
        Member peer =
                h.attach(Members.class).find(peerAgency.id(), r.currentPeerId()).orElseThrow();
        AgencySettings settings = AgencySettings.fromJson(memberAgency.settingsJson());
        Address memberAddress = AddressBook.member(h, memberAgency, member);
        Address peerAddress = AddressBook.member(h, peerAgency, peer);
        ConnectionRequests requests = h.attach(ConnectionRequests.class);

        if (r.shareName() && memberAgency.id().equals(peerAgency.id())) {
            Optional<Address> group = openGroup(memberAddress, peerAddress);
            if (group.isPresent()) {
                Outgoing.on(h, memberAgency.id())
                        .send(
                                OutboxKey.of(OutboxKind.CONNECT, r.id(), "intro"),
                                group.get(),
                                ConnectMessages.introduction(
                                        Words.of(member).name(member),
                                        Words.of(member).name(peer),
                                        r,
                                        settings,
                                        Words.of(member)),
                                now);
                requests.connected(memberAgency.id(), r.id(), RequestState.INTRODUCED, now);
                log.info("connect: request {} introduced in a group conversation", r.id());
                return new Outcome(
                        false,
                        "A group conversation with "
                                + People.name(member)
                                + " was opened with a short introduction; TenFour steps out there.");
            }
        }
        String memberLabel = r.shareName() ? People.name(member) : "Member";
        // the member reads the peer's label in their language; the peer reads English
        Words memberWords = Words.of(member);
        String peerLabel = memberWords.name(peer);
        if (!h.attach(Relays.class)
                .start(
                        r.id(),
                        memberAgency.id(),
                        People.key(memberAddress),
                        People.key(peerAddress),
                        People.json(memberAddress),
                        People.json(peerAddress),
                        memberLabel,
                        peerLabel,
                        now)) {
            throw new IllegalStateException(
                    "relay could not start for request "
                            + r.id()
                            + ": a person is in another relay");
        }
        requests.connected(memberAgency.id(), r.id(), RequestState.RELAYING, now);
        String otherAgency =
                memberAgency.id().equals(peerAgency.id())
                        ? null
                        : memberWords.agency(peerAgency, memberAgency);
        Outgoing.on(h, memberAgency.id())
                .send(
                        relayMemberKey(r.id()),
                        memberAddress,
                        ConnectMessages.relayToMember(
                                r, peerLabel, otherAgency, settings, memberWords),
                        now);
        Outgoing.on(h, peerAgency.id())
                .send(
                        OutboxKey.of(OutboxKind.CONNECT, r.id(), "relay-peer"),
                        peerAddress,
                        ConnectMessages.relayToPeer(r, memberLabel),
                        now);
        log.info("connect: request {} relaying", r.id());
        return new Outcome(
                true,
                "Messages are relayed between you"
                        + (r.shareName()
                                ? ""
                                : "; the member stays anonymous unless they choose to share their name")
                        + ".");
    }

    /** The key of the member's "a peer is here" message, whose End button the end replaces. */
    static OutboxKey relayMemberKey(UUID requestId) {
        return OutboxKey.of(OutboxKind.CONNECT, requestId, "relay-member");
    }

    private Optional<Address> openGroup(Address member, Address peer) {
        try {
            return platforms
                    .get(member.platform())
                    .flatMap(p -> p.openGroupConversation(List.of(member, peer)));
        } catch (RuntimeException e) {
            log.info(
                    "connect: group conversation not possible ({}); relaying instead",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}

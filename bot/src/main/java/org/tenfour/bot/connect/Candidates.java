package org.tenfour.bot.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.bot.checkin.PeerAssigner;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Partnerships;
import org.tenfour.storage.Peer;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Relays;
import org.tenfour.storage.RequestScope;

/**
 * Who may be offered a request next. Eligible: active, not away, under their weekly cap (check-ins
 * plus accepted requests of the last seven days), not in a relay now, not offered this request
 * before, never the member, and never in the member's chain of command or crew. The pool is the
 * member's agency (internal) or partner agencies' peers who take partner requests (partner); a
 * named peer comes first, then peers speaking the requested language, then the least loaded.
 */
final class Candidates {
    private final Handle handle;

    Candidates(Handle handle) {
        this.handle = handle;
    }

    /** One possible peer and their agency. */
    record Candidate(Agency agency, Member member, Peer peer) {}

    Optional<Candidate> next(Agency agency, Member member, ConnectionRequest r, Instant now) {
        List<Candidate> pool = pool(agency, r);
        Map<UUID, Integer> load = new HashMap<>();
        pool.stream()
                .map(Candidate::agency)
                .distinct()
                .forEach(
                        a -> {
                            handle.attach(Peers.class)
                                    .load(
                                            a.id(),
                                            now.minus(Duration.ofDays(7)),
                                            now.plus(Duration.ofDays(7)))
                                    .forEach((k, v) -> load.merge(k, v, Integer::sum));
                            handle.attach(ConnectionRequests.class)
                                    .acceptedSince(a.id(), now.minus(Duration.ofDays(7)))
                                    .forEach((k, v) -> load.merge(k, v, Integer::sum));
                        });
        Relays relays = handle.attach(Relays.class);
        return pool.stream()
                .filter(c -> c.peer().availableAt(now))
                .filter(c -> !c.member().id().equals(member.id()))
                .filter(c -> !r.triedPeerIds().contains(c.member().id()))
                .filter(c -> !c.member().unreachable())
                .filter(c -> load.getOrDefault(c.member().id(), 0) < c.peer().weeklyCap())
                .filter(
                        c ->
                                !c.agency().id().equals(agency.id())
                                        || !PeerAssigner.related(member, c.member()))
                .filter(c -> !relays.busy(People.key(address(c))))
                .min(
                        Comparator.comparing(
                                        (Candidate c) -> !c.member().id().equals(r.namedPeerId()))
                                .thenComparing(c -> !speaks(c.peer(), r.language()))
                                .thenComparingInt(c -> load.getOrDefault(c.member().id(), 0))
                                .thenComparing(c -> c.member().id()));
    }

    private List<Candidate> pool(Agency agency, ConnectionRequest r) {
        List<Candidate> pool = new ArrayList<>();
        boolean partner = r.scope() == RequestScope.PARTNER;
        if (r.scope() == RequestScope.NAMED && r.namedPeerId() != null) {
            // the named peer's own agency decides which pool follows them
            Optional<Candidate> named =
                    partnerPeers(agency).stream()
                            .filter(c -> c.member().id().equals(r.namedPeerId()))
                            .findFirst();
            partner = named.isPresent();
        }
        if (partner) {
            pool.addAll(partnerPeers(agency));
        } else {
            for (Peer p : handle.attach(Peers.class).active(agency.id())) {
                handle.attach(Members.class)
                        .find(agency.id(), p.memberId())
                        .ifPresent(m -> pool.add(new Candidate(agency, m, p)));
            }
        }
        return pool;
    }

    /** Peers of partner agencies who take partner requests. */
    List<Candidate> partnerPeers(Agency agency) {
        List<Candidate> out = new ArrayList<>();
        for (UUID partnerId : handle.attach(Partnerships.class).partnerIds(agency.id())) {
            Agency partner = handle.attach(Agencies.class).find(partnerId).orElseThrow();
            for (Peer p : handle.attach(Peers.class).takingPartnerRequests(partnerId)) {
                handle.attach(Members.class)
                        .find(partnerId, p.memberId())
                        .ifPresent(m -> out.add(new Candidate(partner, m, p)));
            }
        }
        return out;
    }

    private static boolean speaks(Peer peer, String language) {
        return language != null && peer.languages().contains(language);
    }

    private static Address address(Candidate c) {
        return Address.user(
                Platform.fromId(c.agency().platform()),
                c.agency().workspaceId(),
                c.member().platformUserId());
    }
}

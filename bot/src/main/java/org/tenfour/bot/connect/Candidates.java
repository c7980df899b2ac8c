package org.tenfour.bot.connect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.bot.checkin.PeerAssigner;
import org.tenfour.bot.onboarding.RotationGate;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Caseloads;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Partnerships;
import org.tenfour.storage.Peer;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Relays;
import org.tenfour.storage.RequestScope;
import org.tenfour.storage.Tx;

/**
 * Who may be offered a request next. Eligible: active, not away, under their weekly cap (the people
 * they are in contact with this week, {@link Caseloads#contacts} — not check-ins sent in their
 * name), not in a relay now, not offered this request before, never the member, and never in the
 * member's chain of command or crew. The pool is the member's agency (internal) or partner
 * agencies' peers who take partner requests (partner); a named peer comes first, then peers
 * speaking the requested language, then the least loaded. When nobody is eligible, the search says
 * why, for the coordinators.
 */
final class Candidates {
    private final Tx handle;

    Candidates(Tx handle) {
        this.handle = handle;
    }

    /** One possible peer and their agency. */
    record Candidate(Agency agency, Member member, Peer peer) {}

    /**
     * The outcome of a search: the next peer, or why there is none (counts of peers by the first
     * reason each was passed over, never names).
     */
    record Search(Optional<Candidate> found, Map<Reason, Integer> passedOver) {
        Search {
            passedOver = Map.copyOf(passedOver);
        }

        /** Why nobody can take the request, in a few words for the coordinators. */
        String why() {
            if (passedOver.isEmpty()) {
                return "there are no active peers";
            }
            if (passedOver.size() == 1) {
                return passedOver.keySet().iterator().next().all;
            }
            List<String> parts = new ArrayList<>();
            for (Reason r : Reason.values()) {
                Integer n = passedOver.get(r);
                if (n != null) {
                    parts.add(n + " " + r.some);
                }
            }
            return "no peer is eligible: " + String.join(", ", parts);
        }
    }

    /** Why a peer was passed over, in the order the checks are made. */
    enum Reason {
        ASKED("every peer was already asked", "already asked"),
        NOT_READY(
                "no peer has acknowledged the policy or kept their required training current",
                "not onboarded or with a lapsed required course"),
        AWAY("all peers are away", "away"),
        AT_CAP("all peers are at their weekly cap", "at their weekly cap"),
        BUSY("all peers are in another conversation", "in another conversation"),
        NOT_ELIGIBLE(
                "no peer is eligible (crew, chain of command or unreachable)",
                "not eligible (crew, chain of command or unreachable)");

        private final String all;
        private final String some;

        Reason(String all, String some) {
            this.all = all;
            this.some = some;
        }
    }

    Search next(Agency agency, Member member, ConnectionRequest r, Instant now) {
        List<Candidate> pool =
                pool(agency, r).stream().filter(c -> !c.member().id().equals(member.id())).toList();
        Map<UUID, Integer> load = new HashMap<>();
        pool.stream()
                .map(Candidate::agency)
                .distinct()
                .forEach(
                        a ->
                                handle.attach(Caseloads.class)
                                        .contacts(a.id(), now.minus(PeerAssigner.WEEK), now)
                                        .forEach((k, v) -> load.merge(k, v, Integer::sum)));
        Map<UUID, Set<UUID>> notReady = new HashMap<>();
        pool.stream()
                .map(Candidate::agency)
                .distinct()
                .forEach(a -> notReady.put(a.id(), RotationGate.notReady(handle, a.id(), now)));
        Relays relays = handle.attach(Relays.class);
        Map<Reason, Integer> passedOver = new EnumMap<>(Reason.class);
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate c : pool) {
            Reason why;
            if (r.triedPeerIds().contains(c.member().id())) {
                why = Reason.ASKED;
            } else if (notReady.get(c.agency().id()).contains(c.member().id())) {
                why = Reason.NOT_READY;
            } else if (!c.peer().availableAt(now)) {
                why = Reason.AWAY;
            } else if (load.getOrDefault(c.member().id(), 0) >= c.peer().weeklyCap()) {
                why = Reason.AT_CAP;
            } else if (c.member().unreachable()
                    || (c.agency().id().equals(agency.id())
                            && PeerAssigner.related(member, c.member()))) {
                why = Reason.NOT_ELIGIBLE;
            } else if (relays.busy(People.key(address(c)))) {
                why = Reason.BUSY;
            } else {
                eligible.add(c);
                continue;
            }
            passedOver.merge(why, 1, Integer::sum);
        }
        return new Search(
                eligible.stream()
                        .min(
                                Comparator.comparing(
                                                (Candidate c) ->
                                                        !c.member().id().equals(r.namedPeerId()))
                                        .thenComparing(c -> !speaks(c.peer(), r.language()))
                                        .thenComparingInt(
                                                c -> load.getOrDefault(c.member().id(), 0))
                                        .thenComparing(c -> c.member().id())),
                passedOver);
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

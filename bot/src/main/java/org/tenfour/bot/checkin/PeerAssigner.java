package org.tenfour.bot.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tenfour.bot.onboarding.RotationGate;
import org.tenfour.storage.Caseloads;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peer;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Tx;

/**
 * Chooses the peer a check-in is sent on behalf of: the member's assigned peer while eligible,
 * otherwise the least-loaded eligible peer. Eligible means active, not on a break at the due time,
 * not the member, and not in the member's chain of command or crew (same {@code unit} tag, or
 * either one tagged as the other's supervisor). Peers under their weekly cap — the people they are
 * in contact with this week ({@link Caseloads#contacts}), never check-ins merely sent in their name
 * — come first; a check-in is never left without a peer because everyone is at their cap. The
 * choice is kept as the member's assignment, so it is stable across cycles.
 */
public final class PeerAssigner {
    /** How far back a contact counts against a peer's weekly cap. */
    public static final Duration WEEK = Duration.ofDays(7);

    private final List<Peer> peers;
    private final Map<UUID, Member> peerMembers = new HashMap<>();
    private final Map<UUID, Integer> contacts;
    private final Map<UUID, Integer> checkIns;
    private final Map<UUID, Map<String, String>> peerTags = new HashMap<>();
    private final Map<UUID, UUID> changedAssignments = new LinkedHashMap<>();

    /** Loads the agency's active peers, their contacts this week and their check-ins, once. */
    PeerAssigner(Tx handle, UUID agencyId, Instant now) {
        Set<UUID> notReady = RotationGate.notReady(handle, agencyId, now);
        // a peer who has not acknowledged the policy, or whose required course lapsed, is named
        // in no check-in
        this.peers =
                handle.attach(Peers.class).active(agencyId).stream()
                        .filter(p -> !notReady.contains(p.memberId()))
                        .toList();
        if (!peers.isEmpty()) {
            for (Member m :
                    handle.attach(Members.class)
                            .findAll(
                                    agencyId,
                                    peers.stream().map(Peer::memberId).toArray(UUID[]::new))) {
                peerMembers.put(m.id(), m);
            }
        }
        peerMembers.forEach((id, m) -> peerTags.put(id, m.tags()));
        // no peers, no load worth a round trip
        this.contacts =
                peers.isEmpty()
                        ? Map.of()
                        : handle.attach(Caseloads.class).contacts(agencyId, now.minus(WEEK), now);
        // check-ins only balance the work between peers; they never fill a peer's cap
        this.checkIns =
                new HashMap<>(
                        peers.isEmpty()
                                ? Map.of()
                                : handle.attach(Peers.class)
                                        .load(agencyId, now.minus(WEEK), now.plus(WEEK)));
    }

    /**
     * How many active peers could take a new request now: not away, and under their weekly cap of
     * people in contact.
     */
    public static int freePeers(Tx handle, UUID agencyId, Instant now) {
        Map<UUID, Integer> contacts =
                handle.attach(Caseloads.class).contacts(agencyId, now.minus(WEEK), now);
        Set<UUID> notReady = RotationGate.notReady(handle, agencyId, now);
        return (int)
                handle.attach(Peers.class).active(agencyId).stream()
                        .filter(p -> !notReady.contains(p.memberId()))
                        .filter(p -> p.availableAt(now))
                        .filter(p -> contacts.getOrDefault(p.memberId(), 0) < p.weeklyCap())
                        .count();
    }

    /** One assignment in its own transaction (incidents, referrals, a single check-in). */
    static Optional<UUID> assignNow(Tx handle, Member member, Instant now, Instant dueAt) {
        PeerAssigner assigner = new PeerAssigner(handle, member.agencyId(), now);
        Optional<UUID> chosen = assigner.assign(member, dueAt);
        assigner.saveAssignments(handle, member.agencyId());
        return chosen;
    }

    /** Chooses the peer for a check-in due at {@code dueAt}, counting it in the peer's load. */
    Optional<UUID> assign(Member member, Instant dueAt) {
        Map<String, String> memberTags = member.tags();
        List<Peer> eligible =
                peers.stream()
                        .filter(p -> p.availableAt(dueAt))
                        .filter(p -> !p.memberId().equals(member.id()))
                        .filter(
                                p ->
                                        peerMembers.containsKey(p.memberId())
                                                && !related(
                                                        member,
                                                        memberTags,
                                                        peerMembers.get(p.memberId()),
                                                        peerTags.get(p.memberId())))
                        .toList();
        List<Peer> underCap = eligible.stream().filter(p -> contacts(p) < p.weeklyCap()).toList();
        List<Peer> pool = underCap.isEmpty() ? eligible : underCap;
        Optional<UUID> chosen =
                pool.stream()
                        .map(Peer::memberId)
                        .filter(id -> id.equals(member.assignedPeerId()))
                        .findFirst()
                        .or(
                                () ->
                                        pool.stream()
                                                .min(
                                                        Comparator.comparingInt(this::contacts)
                                                                .thenComparingInt(
                                                                        p ->
                                                                                checkIns
                                                                                        .getOrDefault(
                                                                                                p
                                                                                                        .memberId(),
                                                                                                0))
                                                                .thenComparing(Peer::memberId))
                                                .map(Peer::memberId));
        chosen.ifPresent(
                id -> {
                    checkIns.merge(id, 1, Integer::sum);
                    if (!id.equals(member.assignedPeerId())) {
                        changedAssignments.put(member.id(), id);
                    }
                });
        return chosen;
    }

    private int contacts(Peer p) {
        return contacts.getOrDefault(p.memberId(), 0);
    }

    /** The display name of a peer, if known. */
    String name(UUID peerId) {
        Member m = peerMembers.get(peerId);
        return m == null ? null : m.displayName();
    }

    /** Writes the new stable assignments made since the last save, in one statement. */
    void saveAssignments(Tx handle, UUID agencyId) {
        if (changedAssignments.isEmpty()) {
            return;
        }
        handle.attach(Caseloads.class)
                .assign(
                        agencyId,
                        changedAssignments.keySet().toArray(UUID[]::new),
                        changedAssignments.values().toArray(UUID[]::new));
        changedAssignments.clear();
    }

    /** Same crew, or one supervises the other (members of one agency). */
    public static boolean related(Member a, Member b) {
        return related(a, a.tags(), b, b.tags());
    }

    private static boolean related(
            Member a, Map<String, String> ta, Member b, Map<String, String> tb) {
        String unitA = ta.getOrDefault("unit", "");
        if (!unitA.isEmpty() && unitA.equalsIgnoreCase(tb.getOrDefault("unit", ""))) {
            return true;
        }
        return ta.getOrDefault("supervisor", "").equals(b.platformUserId())
                || tb.getOrDefault("supervisor", "").equals(a.platformUserId());
    }
}

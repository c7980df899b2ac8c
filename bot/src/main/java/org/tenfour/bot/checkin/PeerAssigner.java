package org.tenfour.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.http.JsonBody;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peer;
import org.tenfour.storage.Peers;

/**
 * Chooses the peer a check-in is sent on behalf of: the member's assigned peer while eligible,
 * otherwise the least-loaded eligible peer. Eligible means active, not on a break at the due time,
 * under their weekly cap, not the member, and not in the member's chain of command or crew (same
 * {@code unit} tag, or either one tagged as the other's supervisor). The choice is kept as the
 * member's assignment, so it is stable across cycles.
 */
public final class PeerAssigner {
    private final List<Peer> peers;
    private final Map<UUID, Member> peerMembers;
    private final Map<UUID, Integer> load;
    private final Map<UUID, JsonNode> peerTags = new HashMap<>();
    private final Map<UUID, UUID> changedAssignments = new LinkedHashMap<>();

    /** Loads the agency's active peers and their check-in load around {@code around}, once. */
    PeerAssigner(Handle handle, UUID agencyId, Instant around) {
        Members members = handle.attach(Members.class);
        this.peers = handle.attach(Peers.class).active(agencyId);
        this.peerMembers = new HashMap<>();
        if (!peers.isEmpty()) {
            for (Member m :
                    members.findAll(
                            agencyId, peers.stream().map(Peer::memberId).toArray(UUID[]::new))) {
                peerMembers.put(m.id(), m);
            }
        }
        peerMembers.forEach((id, m) -> peerTags.put(id, tags(m)));
        // no peers, no load worth a round trip
        this.load =
                new HashMap<>(
                        peers.isEmpty()
                                ? Map.of()
                                : handle.attach(Peers.class)
                                        .load(
                                                agencyId,
                                                around.minus(Duration.ofDays(7)),
                                                around.plus(Duration.ofDays(7))));
    }

    /** One assignment in its own transaction (incidents, referrals, a single check-in). */
    static Optional<UUID> assignNow(Handle handle, Member member, Instant dueAt) {
        PeerAssigner assigner = new PeerAssigner(handle, member.agencyId(), dueAt);
        Optional<UUID> chosen = assigner.assign(member, dueAt);
        assigner.saveAssignments(handle);
        return chosen;
    }

    /** Chooses the peer for a check-in due at {@code dueAt}, counting it in the peer's load. */
    Optional<UUID> assign(Member member, Instant dueAt) {
        JsonNode memberTags = tags(member);
        List<Peer> eligible =
                peers.stream()
                        .filter(p -> p.availableAt(dueAt))
                        .filter(p -> !p.memberId().equals(member.id()))
                        .filter(p -> load.getOrDefault(p.memberId(), 0) < p.weeklyCap())
                        .filter(
                                p ->
                                        peerMembers.containsKey(p.memberId())
                                                && !related(
                                                        member,
                                                        memberTags,
                                                        peerMembers.get(p.memberId()),
                                                        peerTags.get(p.memberId())))
                        .toList();
        Optional<UUID> chosen =
                eligible.stream()
                        .map(Peer::memberId)
                        .filter(id -> id.equals(member.assignedPeerId()))
                        .findFirst()
                        .or(
                                () ->
                                        eligible.stream()
                                                .min(
                                                        Comparator.comparingInt(
                                                                        (Peer p) ->
                                                                                load.getOrDefault(
                                                                                        p
                                                                                                .memberId(),
                                                                                        0))
                                                                .thenComparing(Peer::memberId))
                                                .map(Peer::memberId));
        chosen.ifPresent(
                id -> {
                    load.merge(id, 1, Integer::sum);
                    if (!id.equals(member.assignedPeerId())) {
                        changedAssignments.put(member.id(), id);
                    }
                });
        return chosen;
    }

    /** The display name of a peer, if known. */
    String name(UUID peerId) {
        Member m = peerMembers.get(peerId);
        return m == null ? null : m.displayName();
    }

    /** Writes the new stable assignments made since the last save, in one batch. */
    void saveAssignments(Handle handle) {
        if (changedAssignments.isEmpty()) {
            return;
        }
        var batch =
                handle.prepareBatch(
                        "update member set assigned_peer_id = :peer where id = :member");
        changedAssignments.forEach(
                (member, peer) -> batch.bind("peer", peer).bind("member", member).add());
        batch.execute();
        changedAssignments.clear();
    }

    /** Same crew, or one supervises the other (members of one agency). */
    public static boolean related(Member a, Member b) {
        return related(a, tags(a), b, tags(b));
    }

    private static boolean related(Member a, JsonNode ta, Member b, JsonNode tb) {
        String unitA = ta.path("unit").asText("");
        if (!unitA.isEmpty() && unitA.equalsIgnoreCase(tb.path("unit").asText(""))) {
            return true;
        }
        return ta.path("supervisor").asText("").equals(b.platformUserId())
                || tb.path("supervisor").asText("").equals(a.platformUserId());
    }

    private static JsonNode tags(Member m) {
        return m.tagsJson() == null || m.tagsJson().equals("{}")
                ? Jackson.MAPPER.createObjectNode()
                : JsonBody.parse(m.tagsJson());
    }
}

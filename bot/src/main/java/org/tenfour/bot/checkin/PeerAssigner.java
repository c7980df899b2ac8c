package org.tenfour.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.bot.http.Json;
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
    private final Handle handle;

    PeerAssigner(Handle handle) {
        this.handle = handle;
    }

    Optional<UUID> assign(Member member, Instant dueAt) {
        Peers peers = handle.attach(Peers.class);
        Members members = handle.attach(Members.class);
        Instant weekStart = dueAt.minus(Duration.ofDays(7));
        Map<UUID, Integer> load = peers.load(member.agencyId(), weekStart, dueAt.plus(Duration.ofDays(7)));
        List<Peer> eligible = peers.active(member.agencyId()).stream()
                .filter(p -> p.availableAt(dueAt))
                .filter(p -> !p.memberId().equals(member.id()))
                .filter(p -> load.getOrDefault(p.memberId(), 0) < p.weeklyCap())
                .filter(p -> members.find(member.agencyId(), p.memberId())
                        .map(pm -> !related(member, pm)).orElse(false))
                .toList();
        Optional<UUID> chosen = eligible.stream().map(Peer::memberId)
                .filter(id -> id.equals(member.assignedPeerId())).findFirst()
                .or(() -> eligible.stream()
                        .min(Comparator.comparingInt((Peer p) -> load.getOrDefault(p.memberId(), 0))
                                .thenComparing(Peer::memberId))
                        .map(Peer::memberId));
        chosen.filter(id -> !id.equals(member.assignedPeerId()))
                .ifPresent(id -> members.setAssignedPeer(member.agencyId(), member.id(), id));
        return chosen;
    }

    /** Same crew, or one supervises the other (members of one agency). */
    public static boolean related(Member a, Member b) {
        JsonNode ta = tags(a);
        JsonNode tb = tags(b);
        String unitA = ta.path("unit").asText("");
        if (!unitA.isEmpty() && unitA.equalsIgnoreCase(tb.path("unit").asText(""))) {
            return true;
        }
        return ta.path("supervisor").asText("").equals(b.platformUserId())
                || tb.path("supervisor").asText("").equals(a.platformUserId());
    }

    private static JsonNode tags(Member m) {
        return m.tagsJson() == null ? Json.MAPPER.createObjectNode() : Json.parse(m.tagsJson());
    }
}

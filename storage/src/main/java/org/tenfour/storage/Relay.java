package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an active relayed conversation goes: both people's keys ({@code platform:workspace:user})
 * and addresses (as JSON, shaped by the bot), and how each side is labelled. No message text.
 */
public record Relay(
        UUID requestId,
        UUID agencyId,
        String memberKey,
        String peerKey,
        String memberAddressJson,
        String peerAddressJson,
        String memberLabel,
        String peerLabel,
        Instant startedAt) {
    public Relay {
        Objects.requireNonNull(requestId, "null requestId");
        Objects.requireNonNull(agencyId, "null agencyId");
    }
}

package org.tenfour.bot.onboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.tenfour.storage.PeerOnboarding;
import org.tenfour.storage.Tx;

/**
 * Which peers are out of the rotation: onboarding not acknowledged, or a required course lapsed.
 * Offers and check-ins ask here before choosing a peer.
 */
public final class RotationGate {
    private RotationGate() {}

    /** The member ids of the agency's peers who may not be offered or named on {@code now}. */
    public static Set<UUID> notReady(Tx h, UUID agencyId, Instant now) {
        // a day's precision: a course valid "until 2028-03-01" is valid in every zone that day
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return new HashSet<>(h.attach(PeerOnboarding.class).notReady(agencyId, today));
    }
}

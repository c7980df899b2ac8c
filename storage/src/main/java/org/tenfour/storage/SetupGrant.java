package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The right of the person who installed TenFour to run the first {@code setup}, until it expires.
 *
 * @param platformUserId the installer's platform id (joined from their roster entry)
 * @param outcome null while open; else how it ended
 */
public record SetupGrant(
        long id,
        UUID agencyId,
        UUID memberId,
        String platformUserId,
        Source source,
        Instant grantedAt,
        Instant expiresAt,
        Instant closedAt,
        Outcome outcome) {

    /** How the installer installed. */
    public enum Source {
        TEAMS_TEAM_INSTALL,
        SLACK_OAUTH_INSTALL
    }

    /** How a grant ended before it expired. */
    public enum Outcome {
        USED,
        REVOKED,
        SUPERSEDED
    }

    public SetupGrant {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(memberId, "null memberId");
        Objects.requireNonNull(source, "null source");
        Objects.requireNonNull(grantedAt, "null grantedAt");
        Objects.requireNonNull(expiresAt, "null expiresAt");
    }

    /** Open and unexpired at {@code now}. */
    public boolean pendingAt(Instant now) {
        return outcome == null && expiresAt.isAfter(now);
    }
}

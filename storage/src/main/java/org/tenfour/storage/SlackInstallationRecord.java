package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A Slack workspace's installation of the app, as stored; {@code botToken} is the decrypted token
 * (the table holds it only encrypted) and never appears in {@link #toString()}.
 *
 * @param installedAt when it was stored; null on a record about to be saved
 */
public record SlackInstallationRecord(
        UUID agencyId,
        String teamId,
        String teamName,
        String botUserId,
        String botToken,
        String scopes,
        String installerUserId,
        Instant installedAt) {
    public SlackInstallationRecord {
        Objects.requireNonNull(agencyId, "null agencyId");
        if (teamId == null || teamId.isBlank()) {
            throw new IllegalArgumentException("blank teamId: '" + teamId + "'");
        }
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("blank botToken for team " + teamId);
        }
    }

    @Override
    public String toString() {
        return "SlackInstallationRecord[agencyId="
                + agencyId
                + ", teamId="
                + teamId
                + ", botUserId="
                + botUserId
                + ", scopes="
                + scopes
                + ", botToken=<redacted>]";
    }
}

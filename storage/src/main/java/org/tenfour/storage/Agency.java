package org.tenfour.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agency (tenant): one Slack workspace, Teams tenant or sandbox agency.
 *
 * @param settingsJson the agency's settings as JSON (cadence, hours, thresholds); shaped by the bot
 */
public record Agency(
        UUID id,
        String platform,
        String workspaceId,
        String name,
        String timeZone,
        String coordinatorChannelId,
        String settingsJson,
        Instant createdAt) {
    public Agency {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(platform, "null platform");
        Objects.requireNonNull(workspaceId, "null workspaceId");
    }
}

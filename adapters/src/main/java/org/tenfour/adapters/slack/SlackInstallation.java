package org.tenfour.adapters.slack;

import java.util.Objects;

/**
 * What an OAuth install answered for one workspace. The token never appears in {@link #toString()}.
 *
 * @param teamId the workspace id ({@code T…})
 * @param teamName the workspace name, for the agency's first name
 * @param botUserId the bot's user id in that workspace
 * @param botToken the bot token ({@code xoxb-…}); store it encrypted
 * @param scopes the granted bot scopes, comma-separated as Slack gives them
 * @param installerUserId who installed the app (the agency's first coordinator)
 */
public record SlackInstallation(
        String teamId,
        String teamName,
        String botUserId,
        String botToken,
        String scopes,
        String installerUserId) {
    public SlackInstallation {
        if (teamId == null || teamId.isBlank()) {
            throw new IllegalArgumentException("blank teamId: '" + teamId + "'");
        }
        Objects.requireNonNull(botToken, "null botToken");
    }

    @Override
    public String toString() {
        return "SlackInstallation[teamId="
                + teamId
                + ", botUserId="
                + botUserId
                + ", scopes="
                + scopes
                + ", installerUserId="
                + installerUserId
                + ", botToken=<redacted>]";
    }
}

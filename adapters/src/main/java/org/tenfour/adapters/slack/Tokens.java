package org.tenfour.adapters.slack;

import org.tenfour.adapters.ChatPlatformException;

/** The bot token for a workspace: the single configured one, or the installation's. */
final class Tokens {
    private final String singleToken;
    private final SlackInstallations installations;

    Tokens(SlackSettings settings, SlackInstallations installations) {
        this.singleToken = settings.botToken();
        this.installations = installations;
    }

    String forTeam(String teamId) {
        if (singleToken != null) {
            return singleToken;
        }
        return installations
                .find(teamId)
                .map(SlackInstallation::botToken)
                .orElseThrow(
                        () ->
                                new ChatPlatformException.Unreachable(
                                        "TenFour is not installed in workspace " + teamId));
    }
}

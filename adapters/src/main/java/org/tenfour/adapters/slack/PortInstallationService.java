package org.tenfour.adapters.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.util.function.Consumer;

/**
 * Bolt's {@link InstallationService} on the {@link SlackInstallations} port (bot tokens only, no
 * user tokens).
 */
final class PortInstallationService implements InstallationService {
    private final SlackInstallations installations;
    private final Consumer<SlackInstallation> onInstalled;

    PortInstallationService(
            SlackInstallations installations, Consumer<SlackInstallation> onInstalled) {
        this.installations = installations;
        this.onInstalled = onInstalled;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // one current installation per workspace; history is not kept
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        SlackInstallation installation =
                new SlackInstallation(
                        installer.getTeamId(),
                        installer instanceof DefaultInstaller d ? d.getTeamName() : null,
                        installer.getBotUserId(),
                        installer.getBotAccessToken(),
                        installer.getBotScope(),
                        installer.getInstallerUserId());
        installations.save(installation);
        onInstalled.accept(installation);
    }

    @Override
    public void deleteBot(Bot bot) {
        installations.delete(bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        installations.delete(installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        installations.delete(teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (teamId == null) {
            return null;
        }
        return installations
                .find(teamId)
                .map(
                        i -> {
                            DefaultBot bot = new DefaultBot();
                            bot.setTeamId(i.teamId());
                            bot.setTeamName(i.teamName());
                            bot.setBotUserId(i.botUserId());
                            bot.setBotAccessToken(i.botToken());
                            bot.setBotScope(i.scopes());
                            return (Bot) bot;
                        })
                .orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null; // TenFour asks for no user scopes, so it holds no user tokens
    }
}

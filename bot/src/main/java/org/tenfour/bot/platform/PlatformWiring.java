package org.tenfour.bot.platform;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.InboundUnavailableException;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.slack.SlackAdapter;
import org.tenfour.adapters.slack.SlackInstallation;
import org.tenfour.adapters.slack.SlackInstallations;
import org.tenfour.adapters.teams.AppInstaller;
import org.tenfour.adapters.teams.TeamsAdapter;
import org.tenfour.bot.Settings;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.storage.Database;
import org.tenfour.storage.Failures;
import org.tenfour.storage.ProcessedEvents;
import org.tenfour.storage.SecretCipher;
import org.tenfour.storage.Store;

/**
 * Builds the configured platform adapters (Slack, Teams, the browser sandbox), their outbound
 * {@link ChatPlatform}s and the HTTP routes they need.
 */
public final class PlatformWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlatformWiring.class);

    private final Map<Platform, ChatPlatform> platforms = new EnumMap<>(Platform.class);
    private final List<Consumer<RoutesConfig>> mounts = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private SlackAdapter slackAdapter;
    private AppInstaller teamsInstaller;

    /**
     * Creates the adapters the settings enable; {@code secrets} seals stored tokens; {@code
     * inbound} receives every platform's events; {@code time} is the sandbox's fast-forward control
     * (used only when the sandbox is on).
     */
    public PlatformWiring(
            Settings settings,
            SecretCipher secrets,
            Store store,
            Clock clock,
            InboundHandler inbound) {
        settings.slack()
                .ifPresent(
                        slack -> {
                            // OAuth installs keep tokens, sealed under the master key's token
                            // subkey
                            StoredSlackInstallations installations =
                                    slack.oauth()
                                            ? new StoredSlackInstallations(store, secrets, clock)
                                            : null;
                            SlackAdapter adapter =
                                    new SlackAdapter(
                                            slack,
                                            inbound,
                                            installations == null
                                                    ? noInstallations()
                                                    : installations,
                                            id ->
                                                    available(
                                                            () ->
                                                                    store.repo(
                                                                                    ProcessedEvents
                                                                                            .class)
                                                                            .firstSighting(
                                                                                    "slack", id)));
                            platforms.put(Platform.SLACK, adapter.platform());
                            mounts.add(
                                    routes -> {
                                        routes.post("/slack/events", adapter.events());
                                        routes.get("/slack/install", adapter.install());
                                        routes.get(
                                                "/slack/oauth_redirect", adapter.oauthRedirect());
                                    });
                            closeables.add(adapter);
                            slackAdapter = adapter;
                            log.info(
                                    "Slack enabled ({}, {})",
                                    slack.oauth() ? "OAuth, many workspaces" : "single workspace",
                                    slack.socketMode()
                                            ? "Socket Mode: no public URL needed"
                                            : "requests over HTTPS at /slack/events");
                        });
        settings.teams()
                .ifPresent(
                        teams -> {
                            TeamsAdapter adapter =
                                    new TeamsAdapter(
                                            teams,
                                            inbound,
                                            clock,
                                            new StoredConversationReferences(store, clock),
                                            id ->
                                                    available(
                                                            () ->
                                                                    store.repo(
                                                                                    ProcessedEvents
                                                                                            .class)
                                                                            .firstSighting(
                                                                                    "teams", id)),
                                            Subcommand.vocabulary());
                            platforms.put(Platform.TEAMS, adapter.platform());
                            mounts.add(routes -> routes.post("/api/messages", adapter.messages()));
                            teamsInstaller = adapter.installer().orElse(null);
                            log.info(
                                    "Teams enabled{}",
                                    teamsInstaller == null
                                            ? ""
                                            : " (proactive installs through Microsoft Graph on)");
                        });
    }

    /**
     * Opens what connects out: Slack's Socket Mode link when {@code SLACK_APP_TOKEN} is set. Call
     * once the inbound handler is ready.
     */
    public void start() {
        if (slackAdapter != null) {
            slackAdapter.start();
        }
    }

    /** Whether Slack's requests can reach this replica (always true over HTTP). */
    public boolean slackConnected() {
        return slackAdapter == null || slackAdapter.connected();
    }

    /**
     * Runs a database call of the inbound path; an unreachable database becomes a 503 (the platform
     * retries).
     */
    static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (Database.isUnavailable(e)) {
                throw new InboundUnavailableException("database unreachable; retry shortly");
            }
            throw e;
        }
    }

    /** In single-workspace mode nothing is stored; uninstalls only need a no-op delete. */
    private static SlackInstallations noInstallations() {
        return new SlackInstallations() {
            @Override
            public void save(SlackInstallation installation) {
                throw new IllegalStateException("OAuth installs need TENFOUR_SECRET_KEY");
            }

            @Override
            public Optional<SlackInstallation> find(String teamId) {
                return Optional.empty();
            }

            @Override
            public void delete(String teamId) {
                // single workspace: the token lives in the environment, nothing to forget
            }

            @Override
            public void saveState(String state, Instant expiresAt) {
                throw new IllegalStateException("OAuth installs need TENFOUR_SECRET_KEY");
            }

            @Override
            public boolean consumeState(String state, Instant now) {
                return false;
            }
        };
    }

    /** Installs TenFour through Graph for Teams members it cannot reach; empty when off. */
    public Optional<AppInstaller> teamsInstaller() {
        return Optional.ofNullable(teamsInstaller);
    }

    public Map<Platform, ChatPlatform> platforms() {
        return Map.copyOf(platforms);
    }

    public List<Consumer<RoutesConfig>> mounts() {
        return List.copyOf(mounts);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing a platform adapter failed: {}", Failures.describe(e));
            }
        }
    }
}

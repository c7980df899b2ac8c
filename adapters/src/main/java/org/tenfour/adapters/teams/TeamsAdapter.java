package org.tenfour.adapters.teams;

import io.javalin.http.Handler;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Vocabulary;

/**
 * The Teams adapter: the {@code POST /api/messages} handler and the outbound {@link ChatPlatform}.
 *
 * <pre>{@code
 * TeamsAdapter teams =
 *         new TeamsAdapter(settings, inboundHandler, Clock.systemUTC(), references, ledger, words);
 * Javalin.create(config -> config.routes.post("/api/messages", teams.messages()));
 * }</pre>
 */
public final class TeamsAdapter {
    /** At most one JWKS refetch per minute, however many unknown key ids arrive. */
    static final Duration KEY_REFRESH_INTERVAL = Duration.ofSeconds(60);

    private final MessagesHandler messages;
    private final TeamsPlatform platform;
    private final AppInstaller installer;

    /**
     * An adapter for the bot registration in {@code settings} that hands each activity id ({@link
     * ActivityLedger}) to the product once; {@code words} are the product's command words (which
     * first words in a personal chat are commands).
     */
    public TeamsAdapter(
            TeamsSettings settings,
            InboundHandler handler,
            Clock clock,
            ConversationReferences references,
            ActivityLedger ledger,
            Vocabulary words) {
        this(
                settings,
                handler,
                clock,
                references,
                defaultClient(),
                KEY_REFRESH_INTERVAL,
                ledger,
                words);
    }

    TeamsAdapter(
            TeamsSettings settings,
            InboundHandler handler,
            Clock clock,
            ConversationReferences references,
            HttpClient http,
            Duration keyRefreshInterval,
            ActivityLedger ledger,
            Vocabulary words) {
        this(settings, handler, clock, references, http, keyRefreshInterval, ledger, words, null);
    }

    /** The same, with the TLS trust MSAL uses for the token endpoint (tests: a loopback one). */
    TeamsAdapter(
            TeamsSettings settings,
            InboundHandler handler,
            Clock clock,
            ConversationReferences references,
            HttpClient http,
            Duration keyRefreshInterval,
            ActivityLedger ledger,
            Vocabulary words,
            SSLSocketFactory tokenTls) {
        Objects.requireNonNull(settings, "null settings");
        Objects.requireNonNull(handler, "null handler");
        Objects.requireNonNull(clock, "null clock");
        Objects.requireNonNull(references, "null references");
        SigningKeys keys =
                new SigningKeys(http, settings.openIdMetadataUrl(), clock, keyRefreshInterval);
        Connector connector = new Connector(http, new AppTokens(http, settings, clock, tokenTls));
        this.platform =
                new TeamsPlatform(
                        settings.appId(),
                        connector,
                        references,
                        new TeamsText(Objects.requireNonNull(words, "null words").talkWord()));
        TeamsSettings.ProactiveInstall proactive = settings.proactiveInstall();
        this.installer =
                proactive == null
                        ? null
                        : new GraphInstaller(
                                connector,
                                new Graph(
                                        http,
                                        new AppTokens(
                                                http,
                                                settings,
                                                clock,
                                                tokenTls,
                                                AppTokens.Audience.GRAPH),
                                        proactive.graphUrl()),
                                references,
                                proactive.catalogAppId(),
                                clock);
        this.messages =
                new MessagesHandler(
                        new TokenVerifier(
                                keys,
                                new SigningKeys(
                                        http,
                                        settings.entraOpenIdMetadataUrl(),
                                        clock,
                                        keyRefreshInterval),
                                settings.appId(),
                                settings.tenantIssuers(),
                                clock),
                        handler,
                        references,
                        platform,
                        Objects.requireNonNull(ledger, "null ledger"),
                        settings.tenantId(),
                        words);
    }

    /** The handler to mount at {@code POST /api/messages}. */
    public Handler messages() {
        return messages;
    }

    /** Sends, updates and forms, through the Bot Connector. */
    public ChatPlatform platform() {
        return platform;
    }

    /**
     * Installs TenFour through Microsoft Graph for people it cannot reach yet; empty unless {@code
     * TEAMS_PROACTIVE_INSTALL} is on (then nothing ever calls Graph).
     */
    public Optional<AppInstaller> installer() {
        return Optional.ofNullable(installer);
    }

    private static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}

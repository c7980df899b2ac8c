package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.internal.Jackson;

/**
 * The bot's own access token for the Bot Connector, by OAuth client credentials, cached until five
 * minutes before it expires: with the client secret, posted to the token endpoint; with the
 * certificate, through MSAL4J, which signs the client assertion with the certificate's key; or with
 * the Azure resource's managed identity, through MSAL4J, from the identity endpoint Azure gives the
 * process. Neither the secret, the key nor the token is ever logged or put in a message.
 */
final class AppTokens {
    /** Which API a token is for: the Bot Connector, or Microsoft Graph (proactive installs). */
    enum Audience {
        BOT_CONNECTOR("https://api.botframework.com"),
        GRAPH("https://graph.microsoft.com");

        /** The resource a managed identity asks for (the scope without {@code /.default}). */
        final String resource;

        Audience(String resource) {
            this.resource = resource;
        }

        /** The client-credentials scope. */
        String scope() {
            return resource + "/.default";
        }
    }

    static final String SCOPE = Audience.BOT_CONNECTOR.scope();
    private static final Duration EARLY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> REFUSALS =
            Set.of(
                    "invalid_client",
                    "unauthorized_client",
                    "invalid_grant",
                    "invalid_request",
                    "invalid_scope");

    private final HttpClient http;
    private final TeamsSettings settings;
    private final Clock clock;
    private final Audience audience;

    /** The resource a managed identity asks for (the scope without {@code /.default}). */
    static final String RESOURCE = Audience.BOT_CONNECTOR.resource;

    private final ConfidentialClientApplication msal;
    private final ManagedIdentityApplication managed;
    private String token;
    private Instant refreshAt = Instant.MIN;

    AppTokens(HttpClient http, TeamsSettings settings, Clock clock) {
        this(http, settings, clock, null);
    }

    /**
     * @param tls how MSAL reaches the token endpoint over TLS (tests trust a loopback certificate),
     *     or null for the JDK's default trust
     */
    AppTokens(HttpClient http, TeamsSettings settings, Clock clock, SSLSocketFactory tls) {
        this(http, settings, clock, tls, Audience.BOT_CONNECTOR);
    }

    /** Tokens for {@code audience}, with the same credential. */
    AppTokens(
            HttpClient http,
            TeamsSettings settings,
            Clock clock,
            SSLSocketFactory tls,
            Audience audience) {
        this.audience = Objects.requireNonNull(audience, "null audience");
        this.http = Objects.requireNonNull(http, "null http");
        this.settings = Objects.requireNonNull(settings, "null settings");
        this.clock = Objects.requireNonNull(clock, "null clock");
        this.msal = settings.certificate() == null ? null : msal(settings, tls);
        this.managed =
                settings.managedIdentity() == null ? null : managed(settings.managedIdentity());
    }

    private static ManagedIdentityApplication managed(String identity) {
        return ManagedIdentityApplication.builder(
                        TeamsSettings.SYSTEM_ASSIGNED.equals(identity)
                                ? ManagedIdentityId.systemAssigned()
                                : ManagedIdentityId.userAssignedClientId(identity))
                .build();
    }

    /** Built once, at start: a bad certificate file or password stops the bot from starting. */
    private static ConfidentialClientApplication msal(
            TeamsSettings settings, SSLSocketFactory tls) {
        TeamsSettings.Certificate.Loaded loaded = settings.certificate().load();
        try {
            ConfidentialClientApplication.Builder builder =
                    ConfidentialClientApplication.builder(
                                    settings.appId(),
                                    ClientCredentialFactory.createFromCertificate(
                                            loaded.key(), loaded.certificate()))
                            .authority(settings.authority())
                            // single tenant, known authority: nothing to discover from the internet
                            .instanceDiscovery(false)
                            .validateAuthority(false)
                            .connectTimeoutForDefaultHttpClient((int) TIMEOUT.toMillis())
                            .readTimeoutForDefaultHttpClient((int) TIMEOUT.toMillis());
            if (tls != null) {
                builder.sslSocketFactory(tls);
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(
                    "tokenUrl is no authority: " + settings.tokenUrl(), e);
        }
    }

    /** A token valid for at least five more minutes. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        if (msal != null) {
            fetchWithMsal(
                    () ->
                            msal.acquireToken(
                                    ClientCredentialParameters.builder(Set.of(audience.scope()))
                                            .build()));
        } else if (managed != null) {
            fetchWithMsal(
                    () ->
                            managed.acquireTokenForManagedIdentity(
                                    ManagedIdentityParameters.builder(audience.resource).build()));
        } else {
            fetchWithSecret();
        }
    }

    /** A token request MSAL starts (its managed-identity call declares any exception). */
    @FunctionalInterface
    private interface MsalRequest {
        CompletableFuture<IAuthenticationResult> start() throws Exception;
    }

    private void fetchWithMsal(MsalRequest request) {
        IAuthenticationResult result;
        try {
            CompletableFuture<IAuthenticationResult> started;
            try {
                started = request.start();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ChatPlatformException.Transient(
                        "token request could not start: " + e.getClass().getSimpleName(), null);
            }
            result = started.get(2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatPlatformException.Transient("interrupted while fetching a token", e);
        } catch (TimeoutException e) {
            throw new ChatPlatformException.Transient("token endpoint did not answer in time", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MsalServiceException refused && refusal(refused)) {
                // the certificate or app id is not accepted: retrying will not help
                throw new ChatPlatformException.Rejected(
                        "token endpoint refused the app's "
                                + (msal != null ? "certificate" : "managed identity")
                                + ": "
                                + refused.errorCode());
            }
            throw new ChatPlatformException.Transient(
                    "token endpoint failed: "
                            + e.getCause().getClass().getSimpleName()
                            + (e.getCause() instanceof MsalServiceException m
                                    ? " (" + m.statusCode() + ", " + m.errorCode() + ")"
                                    : ""),
                    null);
        }
        if (result.accessToken() == null || result.expiresOnDate() == null) {
            throw new ChatPlatformException.Rejected("token endpoint answered without a token");
        }
        token = result.accessToken();
        refreshAt = result.expiresOnDate().toInstant().minus(EARLY);
    }

    /** OAuth errors that a retry cannot cure (a 4xx other than 429, or the error code says so). */
    private static boolean refusal(MsalServiceException e) {
        Integer status = e.statusCode();
        if (status != null && status >= 400 && status < 500) {
            return status != 429;
        }
        return REFUSALS.contains(e.errorCode());
    }

    private void fetchWithSecret() {
        String form =
                "grant_type=client_credentials"
                        + "&client_id="
                        + encode(settings.appId())
                        + "&client_secret="
                        + encode(settings.appPassword())
                        + "&scope="
                        + encode(audience.scope());
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChatPlatformException.Transient(
                    "token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatPlatformException.Transient("interrupted while fetching a token", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new ChatPlatformException.Transient("token endpoint answered " + status, null);
        }
        if (status != 200) {
            // A wrong secret or app id: retrying will not help. The body may echo request details:
            // not logged.
            throw new ChatPlatformException.Rejected(
                    "token endpoint refused the app credentials: " + status);
        }
        try {
            JsonNode body = Jackson.MAPPER.readTree(response.body());
            String accessToken = TeamsJson.text(body, "access_token");
            long expiresIn = body.path("expires_in").asLong(0);
            if (accessToken == null || expiresIn <= 0) {
                throw new ChatPlatformException.Rejected("token endpoint answered without a token");
            }
            token = accessToken;
            refreshAt = clock.instant().plusSeconds(expiresIn).minus(EARLY);
        } catch (IOException e) {
            throw new ChatPlatformException.Transient("unreadable token response", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

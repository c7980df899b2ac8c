package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.internal.Jackson;

/**
 * The bot's own access token for the Bot Connector, by OAuth client credentials, cached until five
 * minutes before it expires. Neither the secret nor the token is ever logged or put in a message.
 */
final class AppTokens {
    static final String SCOPE = "https://api.botframework.com/.default";
    private static final Duration EARLY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final TeamsSettings settings;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    AppTokens(HttpClient http, TeamsSettings settings, Clock clock) {
        this.http = Objects.requireNonNull(http, "null http");
        this.settings = Objects.requireNonNull(settings, "null settings");
        this.clock = Objects.requireNonNull(clock, "null clock");
    }

    /** A token valid for at least five more minutes. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form =
                "grant_type=client_credentials"
                        + "&client_id="
                        + encode(settings.appId())
                        + "&client_secret="
                        + encode(settings.appPassword())
                        + "&scope="
                        + encode(SCOPE);
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

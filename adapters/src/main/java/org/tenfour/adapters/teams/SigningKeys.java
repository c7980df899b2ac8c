package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.internal.Jackson;

/**
 * The Bot Connector's signing keys: OpenID metadata, then its {@code jwks_uri}. Keys are cached and
 * refetched when a token names an unknown {@code kid} or the cache is a day old, but never more
 * than once per {@code minRefreshInterval}, so a flood of tokens with invented key ids cannot make
 * us hammer Microsoft's endpoint. Endorsements are read from the raw JWKS JSON because nimbus's
 * {@link JWK} drops that non-standard field.
 */
final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration MAX_AGE = Duration.ofHours(24);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A signing key and the channels ({@code msteams}, …) it is endorsed for. */
    record SigningKey(RSAKey key, Set<String> endorsements) {
        SigningKey {
            Objects.requireNonNull(key, "null key");
            endorsements = Set.copyOf(endorsements);
        }
    }

    private final HttpClient http;
    private final URI metadataUrl;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private Map<String, SigningKey> keys = Map.of();
    private Instant fetchedAt;
    private Instant lastAttempt;

    SigningKeys(HttpClient http, String metadataUrl, Clock clock, Duration minRefreshInterval) {
        this.http = Objects.requireNonNull(http, "null http");
        this.metadataUrl = URI.create(metadataUrl);
        this.clock = Objects.requireNonNull(clock, "null clock");
        this.minRefreshInterval =
                Objects.requireNonNull(minRefreshInterval, "null minRefreshInterval");
    }

    /**
     * The key with that id, refreshing the cache first if it is unknown or old and a refresh is
     * allowed.
     */
    synchronized Optional<SigningKey> find(String kid) {
        Instant now = clock.instant();
        boolean old = fetchedAt == null || now.isAfter(fetchedAt.plus(MAX_AGE));
        if ((old || !keys.containsKey(kid)) && refreshAllowed(now)) {
            refresh(now);
        }
        return Optional.ofNullable(keys.get(kid));
    }

    private boolean refreshAllowed(Instant now) {
        return lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefreshInterval));
    }

    private void refresh(Instant now) {
        lastAttempt = now;
        try {
            JsonNode metadata = get(metadataUrl);
            String jwksUri = TeamsJson.text(metadata, "jwks_uri");
            if (jwksUri == null) {
                throw new IOException("OpenID metadata has no jwks_uri");
            }
            keys = parse(get(URI.create(jwksUri)));
            fetchedAt = now;
            log.info("bot connector signing keys fetched: {}", keys.size());
        } catch (IOException | RuntimeException e) {
            // Keep the keys we had: Microsoft's endpoint being down must not refuse every request.
            log.warn(
                    "could not fetch bot connector signing keys: {}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return Jackson.MAPPER.readTree(response.body());
    }

    private static Map<String, SigningKey> parse(JsonNode jwks) {
        Map<String, SigningKey> parsed = new HashMap<>();
        for (JsonNode raw : jwks.path("keys")) {
            try {
                JWK jwk = JWK.parse(raw.toString());
                if (jwk instanceof RSAKey rsa && rsa.getKeyID() != null) {
                    Set<String> endorsements = new HashSet<>();
                    raw.path("endorsements").forEach(e -> endorsements.add(e.asText()));
                    parsed.put(rsa.getKeyID(), new SigningKey(rsa, endorsements));
                }
            } catch (ParseException e) {
                log.warn("skipping an unreadable key in the bot connector JWKS");
            }
        }
        return Map.copyOf(parsed);
    }
}

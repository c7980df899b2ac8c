package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * Activities posted to a running bot's {@code /api/messages} the way the Bot Connector posts them:
 * with a fresh RS256 token, signed by a key the fake OpenID/JWKS endpoint publishes, for the fake
 * connector's service URL, on the test's clock. The Teams counterpart of {@code SlackRequests}.
 */
public final class TeamsRequests {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final RSAKey key;
    private final Clock clock;
    private final String serviceUrl;

    public TeamsRequests(String baseUrl, RSAKey key, Clock clock, String serviceUrl) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.clock = clock;
        this.serviceUrl = serviceUrl;
    }

    /** Posts {@code activity} with a valid token. */
    public HttpResponse<String> signed(JsonNode activity) throws IOException, InterruptedException {
        return signedBy(key, activity.toString());
    }

    /** Posts {@code body} with a token signed by {@code signer} (a stranger's key, say). */
    public HttpResponse<String> signedBy(RSAKey signer, String body)
            throws IOException, InterruptedException {
        String token =
                TestTokens.sign(signer, TestTokens.claims(clock.instant(), serviceUrl).build());
        return client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

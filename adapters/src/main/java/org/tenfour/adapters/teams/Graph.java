package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.tenfour.adapters.ChatPlatformException;

/**
 * Microsoft Graph: one call with the app's Graph token (client credentials for {@code
 * https://graph.microsoft.com/.default}). Failures map as the Bot Connector's do ({@link
 * Connector#read}): 429 with its {@code Retry-After}, 5xx transient; a 403 is {@link Forbidden} (a
 * permission not granted) and a 409 {@link Conflict}. No retries here. Paths carry directory object
 * ids: the exception messages name the method and status only, never the path.
 */
final class Graph {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Graph answered 403: the app lacks the application permission. */
    static final class Forbidden extends ChatPlatformException {
        Forbidden(String message) {
            super(message, null);
        }
    }

    /** Graph answered 409: what was to be created exists already. */
    static final class Conflict extends ChatPlatformException {
        Conflict(String message) {
            super(message, null);
        }
    }

    private final HttpClient http;
    private final AppTokens tokens;
    private final String baseUrl;

    Graph(HttpClient http, AppTokens tokens, String baseUrl) {
        this.http = Objects.requireNonNull(http, "null http");
        this.tokens = Objects.requireNonNull(tokens, "null tokens");
        this.baseUrl = Objects.requireNonNull(baseUrl, "null baseUrl");
    }

    /** Graph's base URL ({@code …/v1.0}), for {@code @odata.bind} references. */
    String baseUrl() {
        return baseUrl;
    }

    JsonNode get(String what, String pathAndQuery) {
        return call(what, "GET", pathAndQuery, null);
    }

    JsonNode post(String what, String path, JsonNode body) {
        return call(what, "POST", path, body);
    }

    private JsonNode call(String what, String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + tokens.token())
                        .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(TeamsJson.write(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ChatPlatformException.Transient("graph " + what + " timed out", null);
        } catch (IOException e) {
            throw new ChatPlatformException.Transient(
                    "graph " + what + " failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatPlatformException.Transient("graph " + what + " interrupted", null);
        }
        int status = response.statusCode();
        if (status == 403) {
            throw new Forbidden("graph " + what + " answered 403");
        }
        if (status == 409) {
            throw new Conflict("graph " + what + " answered 409");
        }
        if (status == 404) {
            // a person not in the directory, or an install not visible yet: no message content
            throw new ChatPlatformException.Unreachable("graph " + what + " answered 404");
        }
        return Connector.read("graph " + what, response);
    }
}

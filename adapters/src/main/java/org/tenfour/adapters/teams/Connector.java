package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.internal.Jackson;

/**
 * The Bot Connector REST API: one authenticated JSON call, its failure mapped to the {@link
 * ChatPlatformException} that tells the outbox what to do. No retries here.
 */
final class Connector {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final HttpClient http;
    private final AppTokens tokens;

    Connector(HttpClient http, AppTokens tokens) {
        this.http = Objects.requireNonNull(http, "null http");
        this.tokens = Objects.requireNonNull(tokens, "null tokens");
    }

    JsonNode post(String serviceUrl, String path, JsonNode body) {
        return call("POST", serviceUrl, path, body);
    }

    JsonNode put(String serviceUrl, String path, JsonNode body) {
        return call("PUT", serviceUrl, path, body);
    }

    JsonNode get(String serviceUrl, String path) {
        return call("GET", serviceUrl, path, null);
    }

    private JsonNode call(String method, String serviceUrl, String path, JsonNode body) {
        URI uri = URI.create(trimSlash(serviceUrl) + path);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + tokens.token())
                        .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(TeamsJson.write(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ChatPlatformException.Transient(method + " " + path + " timed out", e);
        } catch (IOException e) {
            throw new ChatPlatformException.Transient(
                    method + " " + path + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatPlatformException.Transient(method + " " + path + " interrupted", e);
        }
        return read(method + " " + path, response);
    }

    static JsonNode read(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            try {
                return body.isBlank() ? TeamsJson.object() : Jackson.MAPPER.readTree(body);
            } catch (IOException e) {
                return TeamsJson.object();
            }
        }
        String code = errorCode(body);
        String message = what + " answered " + status + (code.isEmpty() ? "" : " " + code);
        if (status == 429) {
            throw new ChatPlatformException.RateLimited(message, retryAfter(response));
        }
        if (status == 412 || status == 500 || status == 502 || status == 503 || status == 504) {
            throw new ChatPlatformException.Transient(message, null);
        }
        if (status == 404
                || (status == 403
                        && (code.equals("BotNotInConversationRoster")
                                || code.equals("MessageWritesBlocked")
                                || code.equals("ConversationBlockedByUser")))) {
            throw new ChatPlatformException.Unreachable(message);
        }
        if (status >= 500) {
            throw new ChatPlatformException.Transient(message, null);
        }
        throw new ChatPlatformException.Rejected(message);
    }

    /** The connector's {@code error.code}; safe to log (never message content). */
    private static String errorCode(String body) {
        try {
            return Optional.ofNullable(
                            TeamsJson.text(Jackson.MAPPER.readTree(body).path("error"), "code"))
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .flatMap(Connector::seconds)
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long s = Long.parseLong(value.trim());
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A path segment, percent-encoded (conversation ids hold {@code :}, {@code @} and {@code ;}).
     */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

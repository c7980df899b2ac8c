package org.tenfour.adapters.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.tenfour.adapters.ChatPlatformException;

/**
 * Runs one Web API call and maps its failure to a {@link ChatPlatformException}: 429 → {@code
 * RateLimited(Retry-After)}, 5xx and I/O → {@code Transient}, a gone target → {@code Unreachable},
 * any other {@code ok:false} → {@code Rejected}. Never retries.
 */
final class SlackCalls {
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    static final Set<String> UNREACHABLE =
            Set.of(
                    "channel_not_found",
                    "user_not_found",
                    "users_not_found",
                    "account_inactive",
                    "is_archived",
                    "not_in_channel",
                    "cannot_dm_bot",
                    "user_disabled",
                    "token_revoked",
                    "invalid_auth",
                    "not_authed",
                    "no_such_subteam");
    static final Set<String> TRANSIENT =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private SlackCalls() {}

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw fromHttp(method, e);
        } catch (IOException e) {
            throw new ChatPlatformException.Transient(
                    method + " failed: " + e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new ChatPlatformException.Transient(
                        method + " failed: " + io.getClass().getSimpleName(), io);
            }
            throw e;
        }
        if (response == null) {
            throw new ChatPlatformException.Transient(method + " gave no answer", null);
        }
        if (!response.isOk()) {
            throw fromError(method, response.getError());
        }
        return response;
    }

    static ChatPlatformException fromError(String method, String error) {
        String message = method + ": " + error;
        if ("ratelimited".equals(error)) {
            return new ChatPlatformException.RateLimited(message, DEFAULT_RETRY_AFTER);
        }
        if (UNREACHABLE.contains(error)) {
            return new ChatPlatformException.Unreachable(message);
        }
        if (TRANSIENT.contains(error)) {
            return new ChatPlatformException.Transient(message, null);
        }
        return new ChatPlatformException.Rejected(message);
    }

    private static ChatPlatformException fromHttp(String method, SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return new ChatPlatformException.RateLimited(
                    method + ": HTTP 429", retryAfter(e.getResponse().header("Retry-After")));
        }
        if (status >= 500 || status == 0) {
            return new ChatPlatformException.Transient(method + ": HTTP " + status, null);
        }
        String error =
                e.getError() != null && e.getError().getError() != null
                        ? e.getError().getError()
                        : "HTTP " + status;
        return fromError(method, error);
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}

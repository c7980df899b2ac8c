package org.tenfour.adapters;

import java.time.Duration;
import java.util.Objects;

/**
 * Root of the failures a {@link ChatPlatform} reports; the subclass says what the caller should do.
 */
public abstract class ChatPlatformException extends RuntimeException {

    protected ChatPlatformException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The platform asked us to slow down; try again after {@link #retryAfter()}. */
    public static final class RateLimited extends ChatPlatformException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(message, null);
            this.retryAfter = Objects.requireNonNull(retryAfter, "null retryAfter");
        }

        /** How long the platform asked us to wait. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A server error, timeout or network failure: worth retrying with backoff. */
    public static final class Transient extends ChatPlatformException {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The target cannot be reached (user gone, bot not installed for them): do not retry. */
    public static final class Unreachable extends ChatPlatformException {
        public Unreachable(String message) {
            super(message, null);
        }
    }

    /** The platform refused the request itself (bad payload, missing scope): do not retry. */
    public static final class Rejected extends ChatPlatformException {
        public Rejected(String message) {
            super(message, null);
        }
    }
}

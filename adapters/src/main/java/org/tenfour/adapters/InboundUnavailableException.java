package org.tenfour.adapters;

/**
 * Thrown by an {@link InboundHandler} (or a port the adapters call while receiving) when the
 * product cannot take an event right now, e.g. its database is unreachable. Adapters answer 503 so
 * that the platform retries (Slack Events API) or the person tries again, instead of a 200 that
 * would mark the event handled, or a 500.
 */
public class InboundUnavailableException extends RuntimeException {
    public InboundUnavailableException(String reason) {
        super(reason);
    }
}

package org.tenfour.bot.http;

import org.tenfour.bot.TenFourException;

/** The service cannot answer now (stopping, database down); clients get 503 and may retry. */
public final class ServiceUnavailableException extends TenFourException {
    public ServiceUnavailableException(String reason) {
        super(reason);
    }
}

package org.tenfour.bot.http;

import org.tenfour.bot.TenFourException;

/** A request is malformed; the message is the reason given to the client with a 400. */
public final class BadRequestException extends TenFourException {
    public BadRequestException(String reason) {
        super(reason);
    }
}

package org.tenfour.bot.inbound;

import org.tenfour.bot.TenFourException;

/** A user's command was wrong; the message says what, and the reply adds the right form. */
public final class UsageException extends TenFourException {
    public UsageException(String problem) {
        super(problem);
    }
}

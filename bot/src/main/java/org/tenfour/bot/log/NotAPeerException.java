package org.tenfour.bot.log;

import org.tenfour.bot.TenFourException;

/** A log action was asked for by someone who is not an active peer of the agency. */
public class NotAPeerException extends TenFourException {
    public NotAPeerException() {
        super("only active peers can log contacts");
    }
}

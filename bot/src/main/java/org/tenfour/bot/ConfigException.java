package org.tenfour.bot;

/** A configuration variable has a bad value; the message names the variable and the problem. */
public final class ConfigException extends TenFourException {
    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}

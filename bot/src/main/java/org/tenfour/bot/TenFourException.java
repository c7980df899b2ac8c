package org.tenfour.bot;

/** Root of the product's own failures; subclasses say what failed. */
public class TenFourException extends RuntimeException {
    public TenFourException(String message) {
        super(message);
    }

    public TenFourException(String message, Throwable cause) {
        super(message, cause);
    }
}

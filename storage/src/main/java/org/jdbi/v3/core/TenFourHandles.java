package org.jdbi.v3.core;

import org.jdbi.v3.core.extension.ExtensionContext;

/**
 * TenFour's one class in JDBI's package: it sets a handle's extension context, as JDBI's own handle
 * suppliers do through the package-private {@code Handle#acceptExtensionContext}, so that {@code
 * org.tenfour.storage.Repositories} can attach each repository once and run it on whichever handle
 * the calling thread holds (JDBI attaches a repository anew, every method of it, on every call).
 * Compiled against the JDBI version in the pom: an upgrade that changes the method fails the build,
 * not a request.
 */
public final class TenFourHandles {
    private TenFourHandles() {}

    /** Makes {@code context} the one {@code handle}'s statements are configured by; null: none. */
    public static void useContext(Handle handle, ExtensionContext context) {
        handle.acceptExtensionContext(context);
    }
}

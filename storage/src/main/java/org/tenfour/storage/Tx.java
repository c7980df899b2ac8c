package org.tenfour.storage;

import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * One unit of work on the database, as the domain sees it: the repositories of one transaction (or
 * of one connection, see {@link Store#withConnection}). The domain attaches repositories to it and
 * passes it along to keep several steps in one transaction; it cannot run a statement of its own.
 */
public final class Tx {
    private final Handle handle;

    Tx(Handle handle) {
        this.handle = Objects.requireNonNull(handle, "null handle");
    }

    /** The repository {@code type}, working in this unit of work. */
    public <R> R attach(Class<R> type) {
        return Repositories.of(handle.getJdbi()).bound(handle, type);
    }

    /** The keyed hashes (pseudonyms and marks) configured for the database. */
    public KeyedHashes keyedHashes() {
        return handle.getConfig(KeyedHashes.class);
    }

    /**
     * Runs {@code work} in a transaction: this one if it is already in one, otherwise a new one on
     * this connection.
     */
    public <R> R inTransaction(Store.Work<R> work) {
        return handle.inTransaction(h -> work.apply(this));
    }
}

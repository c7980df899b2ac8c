package org.tenfour.storage;

import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The database as the domain uses it: repositories ({@link #repo}) and units of work ({@link Tx})
 * that hold several repository calls in one transaction. SQL stays in the repositories; nothing
 * outside storage sees JDBI.
 *
 * <pre>{@code
 * store.useTransaction(tx -> {
 *     tx.attach(CheckIns.class).answer(agencyId, id, answer, now);
 *     tx.attach(Outbox.class).enqueue(...);
 * });
 * }</pre>
 */
public final class Store {
    private final Jdbi jdbi;

    private Store(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "null jdbi");
    }

    /** The store over a configured {@link Jdbi} (see {@link Database#configure}). */
    public static Store of(Jdbi jdbi) {
        return new Store(jdbi);
    }

    /** For storage's own classes that need more than repositories. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** The repository {@code type}; each call runs on a connection of its own. */
    public <R> R repo(Class<R> type) {
        return Repositories.of(jdbi).onDemand(type);
    }

    /** Runs {@code work} in one transaction and returns its result. */
    public <R> R inTransaction(Work<R> work) {
        return jdbi.inTransaction(h -> work.apply(new Tx(h)));
    }

    /** Runs {@code job} in one transaction. */
    public void useTransaction(Job job) {
        jdbi.useTransaction(h -> job.accept(new Tx(h)));
    }

    /** Runs {@code work} on one connection, each statement committed on its own. */
    public <R> R withConnection(Work<R> work) {
        return jdbi.withHandle(h -> work.apply(new Tx(h)));
    }

    /** Runs {@code job} on one connection, each statement committed on its own. */
    public void useConnection(Job job) {
        jdbi.useHandle(h -> job.accept(new Tx(h)));
    }

    /** The keyed hashes (pseudonyms and marks) configured for the database. */
    public KeyedHashes keyedHashes() {
        return jdbi.getConfig(KeyedHashes.class);
    }

    /** Work in a unit of work, with a result. */
    @FunctionalInterface
    public interface Work<R> {
        R apply(Tx tx);
    }

    /** Work in a unit of work, without a result. */
    @FunctionalInterface
    public interface Job {
        void accept(Tx tx);
    }
}

package dev.dbref.domain.port;

import dev.dbref.domain.model.Caller;

/**
 * The transaction boundary. Runs a piece of work against repositories that share one
 * transaction on one connection: commits when the work returns, rolls back when it throws
 * (and rethrows), and always gives the connection back.
 *
 * <p>Work must be short and do nothing but data access: the connection is held while it runs.
 * Never start a unit of work inside another.
 *
 * @throws StoreUnavailableException when the store cannot be reached, or no connection is free in time
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} in a read-only transaction: all its statements see one snapshot of the
     * data, as if no one wrote while it ran.
     */
    <T> T read(Work<T> work);

    /**
     * Runs {@code work} that issues exactly one query. One statement is atomic by itself, so an
     * implementation may run it without a transaction (on PostgreSQL: one round trip instead of
     * two); a second statement is refused as a bug. Any implementation may run it as {@link #read}.
     */
    default <T> T readOne(Work<T> work) {
        return read(work);
    }

    /** Runs {@code work} in a read-write transaction. */
    <T> T write(Work<T> work);

    /**
     * This unit of work on behalf of {@code caller}. A store that enforces ownership itself
     * (PostgreSQL's row-level security) binds the caller to each write's transaction, so that a
     * defect in a use case cannot change another caller's rows; others ignore it.
     */
    default UnitOfWork actingFor(Caller caller) {
        return this;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Repositories repositories);
    }
}

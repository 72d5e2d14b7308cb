package dev.dbref.persistence.unitofwork;

import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.SqlErrors;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.port.UnitOfWork;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of work = one pooled connection of the primary's pool, one transaction.
 *
 * <ol>
 *   <li>borrow a connection from the pool (waiting at most the pool timeout);</li>
 *   <li>begin: autocommit off; on SQLite {@code BEGIN IMMEDIATE} for writes, so a write never
 *       needs a lock upgrade that could fail with {@code SQLITE_BUSY}, {@code BEGIN DEFERRED} for
 *       reads, which then see one snapshot;</li>
 *   <li>run the work with repositories bound to this connection and nothing else;</li>
 *   <li>commit when it returns, roll back when it throws;</li>
 *   <li>return the connection to the pool, whatever happened.</li>
 * </ol>
 *
 * <p>Reads on PostgreSQL pay for a transaction only where it buys something ({@link ReadShape}):
 * a use case's single query ({@code readOne}) runs in autocommit, one round trip instead of a
 * COMMIT more (bench/run: +45% requests/s for a single-row read); a read of several statements
 * runs in one {@code REPEATABLE READ, READ ONLY} transaction, so they all see one snapshot.
 * {@link ReadOnlyGuard} refuses any write in a read, and a second statement in a single query.
 *
 * <p>Which server serves a unit of work is not decided here but by {@link RoutingUnitOfWork}.
 */
public final class PooledUnitOfWork implements UnitOfWork {
    private final PooledConnections connections;
    private final Dialect dialect;
    private final RepositoryBinding repositories;
    private final WriteGate writeGate;
    private final AfterCommit afterCommit;
    /** Whom writes are bound to on PostgreSQL ({@link CallerBinding}). */
    private final Caller caller;

    public PooledUnitOfWork(PooledConnections connections, Dialect dialect, RepositoryBinding repositories,
                     WriteGate writeGate, AfterCommit afterCommit) {
        this(connections, dialect, repositories, writeGate, afterCommit, Caller.ANYONE);
    }

    private PooledUnitOfWork(PooledConnections connections, Dialect dialect, RepositoryBinding repositories,
                             WriteGate writeGate, AfterCommit afterCommit, Caller caller) {
        this.connections = connections;
        this.dialect = dialect;
        this.repositories = repositories;
        this.writeGate = writeGate;
        this.afterCommit = afterCommit;
        this.caller = caller;
    }

    @Override
    public UnitOfWork actingFor(Caller caller) {
        return new PooledUnitOfWork(connections, dialect, repositories, writeGate, afterCommit, caller);
    }

    /** The three kinds of unit of work, as the use case declared it. */
    private enum Kind {
        READ_ONE(Access.READS), READ(Access.READS), WRITE(Access.WRITES);

        final Access access;

        Kind(Access access) {
            this.access = access;
        }
    }

    @Override
    public <T> T read(Work<T> work) {
        return inTransaction(Kind.READ, work);
    }

    @Override
    public <T> T readOne(Work<T> work) {
        return inTransaction(Kind.READ_ONE, work);
    }

    @Override
    public <T> T write(Work<T> work) {
        return writeGate.pass(() -> inTransaction(Kind.WRITE, work));
    }

    private <T> T inTransaction(Kind kind, Work<T> work) {
        Availability availability = connections.availability();
        availability.requireReachable();
        try {
            return attempt(kind, work);
        } catch (StaleConnectionException stale) {
            // The pooled connection had died (server restart, pg_terminate_backend, network cut)
            // before anything was committed. Its idle siblings are most likely dead too: retire
            // them all; if the server itself is gone, say so now rather than after the pool
            // timeout; else run the work once more on a fresh connection.
            connections.evictAll();
            availability.connectionFailed();
            availability.requireReachable();
            try {
                return attempt(kind, work);
            } catch (StaleConnectionException again) {
                throw SqlErrors.translate(again.getCause());
            }
        }
    }

    private <T> T attempt(Kind kind, Work<T> work) {
        boolean committing = false;
        try (PooledConnections.Lease lease = connections.borrow(kind.access)) {
            Connection connection = lease.connection();
            boolean transaction = begin(connection, kind);
            if (kind == Kind.WRITE && dialect == Dialect.POSTGRESQL) {
                CallerBinding.bind(connection, caller);
            }
            T result;
            try {
                result = work.run(kind == Kind.WRITE ? repositories.forWrites(connection)
                        : repositories.forReads(connection, kind == Kind.READ_ONE ? ReadShape.ONE_QUERY : ReadShape.SNAPSHOT));
                committing = true;
                if (transaction) {
                    connection.commit();
                }
                if (kind == Kind.WRITE) {
                    afterCommit.committed(connection);
                }
            } catch (RuntimeException | Error | SQLException e) {
                if (transaction) {
                    rollback(connection, e);
                }
                throw e;
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (!committing && SqlErrors.isConnectionLost(e) && !SqlErrors.isNoAnswer(e)) {
                throw new StaleConnectionException(e);
            }
            if (SqlErrors.isConnectFailure(e) || SqlErrors.isNoAnswer(e)) {
                connections.availability().connectionFailed();
            }
            throw SqlErrors.translate(e);
        }
    }

    /** A connection that turned out dead before the commit: safe to run the whole work again. */
    private static final class StaleConnectionException extends RuntimeException {
        StaleConnectionException(Throwable cause) {
            super(cause);
        }
    }

    /**
     * @return whether a transaction was begun: every time on SQLite (in process, it costs no round
     *         trip; a deferred one reads one snapshot), on PostgreSQL all but a single query
     */
    private boolean begin(Connection connection, Kind kind) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            connection.unwrap(SQLiteConnection.class).setCurrentTransactionMode(
                    kind == Kind.WRITE ? TransactionMode.IMMEDIATE : TransactionMode.DEFERRED);
            connection.setAutoCommit(false);
            return true;
        }
        return switch (kind) {
            case READ_ONE -> ReadShape.ONE_QUERY.begin(connection);
            case READ -> ReadShape.SNAPSHOT.begin(connection);
            case WRITE -> {
                connection.setAutoCommit(false);
                yield true;
            }
        };
    }

    static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // The connection is likely broken; HikariCP evicts it on return. Keep the first failure.
            cause.addSuppressed(rollbackFailure);
        }
    }
}

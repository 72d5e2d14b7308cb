package dev.dbref.persistence.unitofwork;

import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.SqlErrors;
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
 * <p>One exception, measured: a read-only unit of work on PostgreSQL runs its statements without
 * BEGIN and COMMIT. Under READ COMMITTED every statement takes its own snapshot inside a
 * transaction too, so the transaction would buy no consistency, only a COMMIT round trip (bench/run:
 * +45% requests/s for a single-row read). {@link ReadOnlyGuard} still refuses any write in it.
 *
 * <p>Which server serves a unit of work is not decided here but by {@link RoutingUnitOfWork}.
 */
public final class PooledUnitOfWork implements UnitOfWork {
    private final PooledConnections connections;
    private final Dialect dialect;
    private final RepositoryBinding repositories;
    private final WriteGate writeGate;
    private final AfterCommit afterCommit;

    public PooledUnitOfWork(PooledConnections connections, Dialect dialect, RepositoryBinding repositories,
                     WriteGate writeGate, AfterCommit afterCommit) {
        this.connections = connections;
        this.dialect = dialect;
        this.repositories = repositories;
        this.writeGate = writeGate;
        this.afterCommit = afterCommit;
    }

    @Override
    public <T> T read(Work<T> work) {
        return inTransaction(Access.READS, work);
    }

    @Override
    public <T> T write(Work<T> work) {
        return writeGate.pass(() -> inTransaction(Access.WRITES, work));
    }

    private <T> T inTransaction(Access access, Work<T> work) {
        Availability availability = connections.availability();
        availability.requireReachable();
        try {
            return attempt(access, work);
        } catch (StaleConnectionException stale) {
            // The pooled connection had died (server restart, pg_terminate_backend, network cut)
            // before anything was committed. Its idle siblings are most likely dead too: retire
            // them all; if the server itself is gone, say so now rather than after the pool
            // timeout; else run the work once more on a fresh connection.
            connections.evictAll();
            availability.connectionFailed();
            availability.requireReachable();
            try {
                return attempt(access, work);
            } catch (StaleConnectionException again) {
                throw SqlErrors.translate(again.getCause());
            }
        }
    }

    private <T> T attempt(Access access, Work<T> work) {
        boolean committing = false;
        try (PooledConnections.Lease lease = connections.borrow(access)) {
            Connection connection = lease.connection();
            boolean transaction = begin(connection, access);
            T result;
            try {
                result = work.run(repositories.on(connection, access));
                committing = true;
                if (transaction) {
                    connection.commit();
                }
                if (access == Access.WRITES) {
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

    /** @return whether a transaction was begun (every time but a PostgreSQL read) */
    private boolean begin(Connection connection, Access access) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            connection.unwrap(SQLiteConnection.class).setCurrentTransactionMode(
                    access == Access.WRITES ? TransactionMode.IMMEDIATE : TransactionMode.DEFERRED);
        } else if (access == Access.READS) {
            return false;
        }
        connection.setAutoCommit(false);
        return true;
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // The connection is likely broken; HikariCP evicts it on return. Keep the first failure.
            cause.addSuppressed(rollbackFailure);
        }
    }
}

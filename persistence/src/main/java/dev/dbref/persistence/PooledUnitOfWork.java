package dev.dbref.persistence;

import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of work = one pooled connection, one transaction.
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
 */
final class PooledUnitOfWork implements UnitOfWork {
    private final DataSource pool;
    private final Dialect dialect;
    private final Configuration jooq;
    private final WriteGate writeGate;
    private final Runnable evictPooledConnections;
    private final PoolEcho echo;
    private final Availability availability;

    /**
     * @param evictPooledConnections retires every pooled connection; called when one turns out dead,
     *                               because a server restart kills all of them at once
     */
    PooledUnitOfWork(DataSource pool, Dialect dialect, Configuration jooq, WriteGate writeGate,
                     Runnable evictPooledConnections, PoolEcho echo, Availability availability) {
        this.pool = pool;
        this.dialect = dialect;
        this.jooq = jooq;
        this.writeGate = writeGate;
        this.evictPooledConnections = evictPooledConnections;
        this.echo = echo;
        this.availability = availability;
    }

    @Override
    public <T> T read(Work<T> work) {
        return inTransaction(false, work);
    }

    @Override
    public <T> T write(Work<T> work) {
        return writeGate.pass(() -> inTransaction(true, work));
    }

    private <T> T inTransaction(boolean write, Work<T> work) {
        availability.requireReachable();
        try {
            return attempt(write, work);
        } catch (StaleConnectionException stale) {
            // The pooled connection had died (server restart, pg_terminate_backend, network cut)
            // before anything was committed. Its idle siblings are most likely dead too: retire
            // them all; if the server itself is gone, say so now rather than after the pool
            // timeout; else run the work once more on a fresh connection.
            evictPooledConnections.run();
            availability.connectionFailed();
            availability.requireReachable();
            try {
                return attempt(write, work);
            } catch (StaleConnectionException again) {
                throw SqlErrors.translate(again.getCause());
            }
        }
    }

    private <T> T attempt(boolean write, Work<T> work) {
        boolean committing = false;
        // Resources close in reverse order: the connection goes back to the pool, then the checkin is logged.
        try (Checkin ignored = echo::checkin; Connection connection = pool.getConnection()) {
            echo.checkout(write);
            boolean transaction = begin(connection, write);
            T result;
            try {
                result = work.run(repositoriesOn(connection, write));
                committing = true;
                if (transaction) {
                    connection.commit();
                }
            } catch (RuntimeException | Error | SQLException e) {
                if (transaction) {
                    rollback(connection, e);
                }
                throw e;
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (!committing && SqlErrors.isConnectionLost(e)) {
                throw new StaleConnectionException(e);
            }
            if (SqlErrors.isConnectFailure(e)) {
                availability.connectionFailed();
            }
            throw SqlErrors.translate(e);
        }
    }

    /** Logs the checkin once the connection is back in the pool. */
    @FunctionalInterface
    private interface Checkin extends AutoCloseable {
        @Override
        void close();
    }

    /** A connection that turned out dead before the commit: safe to run the whole work again. */
    private static final class StaleConnectionException extends RuntimeException {
        StaleConnectionException(Throwable cause) {
            super(cause);
        }
    }

    /** @return whether a transaction was begun (every time but a PostgreSQL read) */
    private boolean begin(Connection connection, boolean write) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            connection.unwrap(SQLiteConnection.class)
                    .setCurrentTransactionMode(write ? TransactionMode.IMMEDIATE : TransactionMode.DEFERRED);
        } else if (!write) {
            return false;
        }
        connection.setAutoCommit(false);
        return true;
    }

    private Repositories repositoriesOn(Connection connection, boolean write) {
        // A fresh context on this connection alone: a repository cannot reach another connection
        // and so cannot escape the transaction.
        Configuration configuration = jooq.derive(new SingleConnectionProvider(connection));
        if (!write) {
            configuration.data(ReadOnlyGuard.READ_ONLY, Boolean.TRUE);
        }
        return new JooqRepositories(DSL.using(configuration));
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

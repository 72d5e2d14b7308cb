package dev.dbref.persistence;

import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

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
 *
 * <p>Which server serves a unit of work is decided here: writes always go to the primary pool;
 * a read goes to the standbys' pool when there is one, they are in use, and they have replayed
 * the write the request's {@link ReadYourWrites} requires; otherwise, and when a standby fails
 * under it (recovery conflict, lost connection), to the primary.
 */
final class PooledUnitOfWork implements UnitOfWork {
    private final DataSource pool;
    private final Dialect dialect;
    private final Configuration jooq;
    private final WriteGate writeGate;
    private final Runnable evictPooledConnections;
    private final PoolEcho echo;
    private final Availability availability;
    private final Optional<Replicas> replicas;
    private final ReadYourWrites readYourWrites;

    /**
     * @param evictPooledConnections retires every pooled connection; called when one turns out dead,
     *                               because a server restart kills all of them at once
     * @param replicas               the standbys that may serve reads; empty: the primary serves all
     */
    PooledUnitOfWork(DataSource pool, Dialect dialect, Configuration jooq, WriteGate writeGate,
                     Runnable evictPooledConnections, PoolEcho echo, Availability availability,
                     Optional<Replicas> replicas, ReadYourWrites readYourWrites) {
        this.pool = pool;
        this.dialect = dialect;
        this.jooq = jooq;
        this.writeGate = writeGate;
        this.evictPooledConnections = evictPooledConnections;
        this.echo = echo;
        this.availability = availability;
        this.replicas = replicas;
        this.readYourWrites = readYourWrites;
    }

    @Override
    public <T> T read(Work<T> work) {
        if (replicas.isPresent()) {
            Optional<Reply<T>> onStandby = readOnStandby(replicas.get(), work);
            if (onStandby.isPresent()) {
                return onStandby.get().value();
            }
        }
        return inTransaction(false, work);
    }

    /** What a unit of work returned (which may be null), apart from "it did not run here". */
    private record Reply<T>(T value) {
    }

    /**
     * Runs a read on a standby that has replayed what the request requires. Empty when the standbys
     * are skipped, did not catch up in time, or failed under the read in a way that the primary
     * will not repeat: nothing was written, so the read simply runs again there.
     */
    private <T> Optional<Reply<T>> readOnStandby(Replicas standbys, Work<T> work) {
        try {
            Optional<Connection> caughtUp = standbys.connection(readYourWrites.required());
            if (caughtUp.isEmpty()) {
                return Optional.empty();
            }
            try (Connection connection = caughtUp.get()) {
                echo.checkout(false);
                return Optional.of(new Reply<>(work.run(repositoriesOn(connection, false))));
            } finally {
                echo.checkin();
            }
        } catch (SQLException | RuntimeException e) {
            if (!SqlErrors.isStandbyFailure(e)) {
                throw SqlErrors.translate(e);
            }
            standbys.failed("a read failed on the standby: " + ConnectionFailures.describe(e));
            return Optional.empty();
        }
    }

    @Override
    public <T> T write(Work<T> work) {
        return writeGate.pass(() -> inTransaction(true, work));
    }

    private static final System.Logger LOG = System.getLogger(PooledUnitOfWork.class.getName());

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
                if (write) {
                    readYourWrites.recordCommit(positionAfterCommit(connection));
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

    /**
     * Where the primary's log stands right after this commit: the token a client sends back to read
     * its write from a standby. One small statement, and only where standbys serve reads.
     */
    private CommitPosition positionAfterCommit(Connection connection) throws SQLException {
        if (replicas.isEmpty()) {
            return CommitPosition.NONE;
        }
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
                rs.next();
                return CommitPosition.fromPgLsn(rs.getString(1));
            }
        } catch (SQLException e) {
            // The write is committed: answer it as such, with a token that asks for no standby.
            LOG.log(System.Logger.Level.WARNING, "committed, but the log position could not be read: "
                    + ConnectionFailures.describe(e));
            return CommitPosition.NONE;
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

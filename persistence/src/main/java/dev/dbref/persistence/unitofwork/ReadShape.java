package dev.dbref.persistence.unitofwork;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a read-only unit of work uses its PostgreSQL connection, as its use case declared it
 * ({@code UnitOfWork.readOne} or {@code read}). A transaction is paid for only where it buys
 * something: one query is atomic alone, several need one snapshot.
 */
public enum ReadShape {
    /**
     * One query, in autocommit: one round trip, no {@code BEGIN}, no {@code COMMIT}.
     * {@link ReadOnlyGuard} refuses a second statement.
     */
    ONE_QUERY {
        @Override
        boolean begin(Connection connection) {
            return false;
        }
    },
    /**
     * Several statements that must see one snapshot: a {@code REPEATABLE READ, READ ONLY}
     * transaction. Under READ COMMITTED each statement would take a snapshot of its own, and a
     * writer committing between two of them would show half its change.
     */
    SNAPSHOT {
        @Override
        boolean begin(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
            // Sent with pgjdbc's own BEGIN, in one round trip.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return true;
        }
    };

    /** Begins what this shape needs on a PostgreSQL connection; whether a transaction was begun. */
    abstract boolean begin(Connection connection) throws SQLException;

    /**
     * Runs {@code work} on {@code connection} (PostgreSQL) as this shape says: begun, committed
     * when it returns, rolled back when it throws.
     */
    public <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        boolean transaction = begin(connection);
        try {
            T result = work.run();
            if (transaction) {
                connection.commit();
            }
            return result;
        } catch (RuntimeException | Error | SQLException e) {
            if (transaction) {
                PooledUnitOfWork.rollback(connection, e);
            }
            throw e;
        }
    }

    /** Work on a connection that may fail with an {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }
}

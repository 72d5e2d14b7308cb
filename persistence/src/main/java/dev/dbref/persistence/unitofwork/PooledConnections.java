package dev.dbref.persistence.unitofwork;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Borrowing from one HikariCP pool: fails fast while its server is known to be down
 * ({@link Availability}), logs checkouts and checkins ({@code DB_ECHO_POOL}), and retires every
 * pooled connection when one turns out dead, because a server restart or a network cut kills
 * all of them at once.
 */
public final class PooledConnections {
    private final HikariDataSource pool;
    private final Availability availability;
    private final PoolEcho echo;
    private final BorrowGate gate;

    /** @param gateTimedOut counts a caller that gave up waiting for its turn ({@link BorrowGate}) */
    public PooledConnections(HikariDataSource pool, Availability availability, PoolEcho echo, Runnable gateTimedOut) {
        this.pool = pool;
        this.availability = availability;
        this.echo = echo;
        this.gate = new BorrowGate(pool.getMaximumPoolSize(), Duration.ofMillis(pool.getConnectionTimeout()), gateTimedOut);
    }

    /** A borrowed connection; closing the lease returns it, then logs the checkin. */
    interface Lease extends AutoCloseable {
        Connection connection();

        @Override
        void close() throws SQLException;
    }

    /** Waits at most the pool timeout for a turn, then for the connection. */
    Lease borrow(Access access) throws SQLException {
        gate.enter();
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException | RuntimeException e) {
            gate.leave();
            throw e;
        }
        echo.checkout(access);
        return new Lease() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() throws SQLException {
                try {
                    connection.close();
                } finally {
                    gate.leave();
                    echo.checkin();
                }
            }
        };
    }

    /** Units of work waiting for their turn to borrow, beside those HikariCP counts. */
    public int waiting() {
        return gate.waiting();
    }

    Availability availability() {
        return availability;
    }

    /** Retires every pooled connection; in-use ones go when returned. */
    void evictAll() {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }
}

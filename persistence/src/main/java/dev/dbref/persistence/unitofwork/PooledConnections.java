package dev.dbref.persistence.unitofwork;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbref.persistence.connection.PoolTelemetry;

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

    /** @param telemetry the pool's, which counts the callers waiting at the {@link BorrowGate} and those giving up */
    public PooledConnections(HikariDataSource pool, Availability availability, PoolEcho echo, PoolTelemetry telemetry) {
        this.pool = pool;
        this.availability = availability;
        this.echo = echo;
        this.gate = new BorrowGate(pool.getMaximumPoolSize(), Duration.ofMillis(pool.getConnectionTimeout()),
                telemetry::recordBorrowTimeout);
        telemetry.countAlsoWaiting(gate::waiting);
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

package dev.dbref.persistence.unitofwork;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;

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

    public PooledConnections(HikariDataSource pool, Availability availability, PoolEcho echo) {
        this.pool = pool;
        this.availability = availability;
        this.echo = echo;
    }

    /** A borrowed connection; closing the lease returns it, then logs the checkin. */
    interface Lease extends AutoCloseable {
        Connection connection();

        @Override
        void close() throws SQLException;
    }

    /** Waits at most the pool timeout. */
    Lease borrow(Access access) throws SQLException {
        Connection connection = pool.getConnection();
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

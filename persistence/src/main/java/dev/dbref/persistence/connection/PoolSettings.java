package dev.dbref.persistence.connection;

import java.time.Duration;

/**
 * How the one connection pool behaves.
 *
 * @param maxSize          maximum pooled connections; {@code null} = the dialect's default
 *                         (10 on PostgreSQL; 4 on SQLite, which has one writer at a time anyway)
 * @param timeout          how long a request waits for a connection before it gets a 503
 * @param recycle          a connection older than this is retired and replaced
 * @param statementTimeout a statement running longer is cancelled, so no runaway query holds a connection
 * @param name             what {@code pg_stat_activity} shows for the pool's connections
 */
public record PoolSettings(Integer maxSize, Duration timeout, Duration recycle, Duration statementTimeout,
                           ApplicationName name) {
    public static final PoolSettings DEFAULTS = new PoolSettings(null, Duration.ofSeconds(30), Duration.ofMinutes(30),
            Duration.ofSeconds(30), ApplicationName.ofThisProcess());

    public PoolSettings {
        if (maxSize != null && maxSize < 1) {
            throw new IllegalArgumentException("DB_POOL_SIZE must be >= 1, was " + maxSize);
        }
        requirePositive(timeout, "DB_POOL_TIMEOUT");
        requirePositive(recycle, "DB_POOL_RECYCLE");
        requirePositive(statementTimeout, "statement timeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }

    /** The pool's size on {@code dialect}: the one configured, else that dialect's default. */
    public int maxSizeOn(Dialect dialect) {
        if (maxSize != null) {
            return maxSize;
        }
        return dialect == Dialect.SQLITE ? ConnectionPool.SQLITE_DEFAULT_SIZE : ConnectionPool.POSTGRESQL_DEFAULT_SIZE;
    }

    public PoolSettings withMaxSize(int size) {
        return new PoolSettings(size, timeout, recycle, statementTimeout, name);
    }

    public PoolSettings withTimeout(Duration wait) {
        return new PoolSettings(maxSize, wait, recycle, statementTimeout, name);
    }

    public PoolSettings withStatementTimeout(Duration limit) {
        return new PoolSettings(maxSize, timeout, recycle, limit, name);
    }

    public PoolSettings withRecycle(Duration age) {
        return new PoolSettings(maxSize, timeout, age, statementTimeout, name);
    }

    public PoolSettings named(ApplicationName applicationName) {
        return new PoolSettings(maxSize, timeout, recycle, statementTimeout, applicationName);
    }
}

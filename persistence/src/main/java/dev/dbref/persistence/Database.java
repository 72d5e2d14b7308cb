package dev.dbref.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.dbref.domain.port.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.impl.DefaultConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The persistence adapter's entry point: owns the one pool of the process, applies migrations,
 * and hands out the {@link UnitOfWork}. Close it once, at shutdown.
 */
public final class Database implements AutoCloseable {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final UnitOfWork unitOfWork;

    private Database(DatabaseUrl url, HikariDataSource pool, PoolSettings settings,
                     StatementListener listener, SqlEcho echo) {
        this.url = url;
        this.pool = pool;
        Configuration jooq = new DefaultConfiguration()
                .set(url.dialect().jooq())
                .set(new Settings()
                        .withQueryTimeout((int) Math.max(1, settings.statementTimeout().toSeconds()))
                        .withExecuteLogging(false)
                        .withRenderSchema(false)
                        // Native INSERT .. RETURNING on SQLite too (we use no triggers): one
                        // statement that returns every inserted row, not a last_insert_rowid() query.
                        .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER))
                .set(new StatementObserver(listener, echo));
        WriteGate gate = url.dialect() == Dialect.SQLITE ? WriteGate.oneWriter(settings.timeout()) : WriteGate.open();
        this.unitOfWork = new PooledUnitOfWork(pool, url.dialect(), jooq, gate, () -> {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        });
    }

    /** Creates the pool; connects lazily, so this succeeds even while the database is down. */
    public static Database open(DatabaseUrl url, PoolSettings settings) {
        return open(url, settings, StatementListener.NONE, SqlEcho.DEFAULTS);
    }

    public static Database open(DatabaseUrl url, PoolSettings settings, StatementListener listener,
                                SqlEcho echo) {
        return new Database(url, ConnectionPool.create(url, settings), settings, listener, echo);
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Applies pending migrations through the pool (an in-memory SQLite database lives in it). */
    public MigrationReport migrate() {
        try {
            return Migrations.apply(pool, url.dialect());
        } catch (RuntimeException e) {
            throw new DatabaseUnreachableException("migration failed: " + ConnectionFailures.describe(e), e);
        }
    }

    /**
     * Connects with a fresh connection outside the pool and runs {@code SELECT 1}: fails within
     * seconds, with one clear line, when the database cannot be reached.
     */
    public ServerInfo check() {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        if (url.dialect() == Dialect.POSTGRESQL) {
            properties.setProperty("connectTimeout", String.valueOf(CHECK_TIMEOUT.toSeconds()));
            properties.setProperty("socketTimeout", String.valueOf(CHECK_TIMEOUT.toSeconds()));
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            }
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
            return new ServerInfo(url.dialect(), connection.getMetaData().getDatabaseProductVersion(), roundTrip);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    /** True when a pooled connection answers {@code SELECT 1} within {@code timeout}. */
    public boolean ping(Duration timeout) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    public PoolStats poolStats() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        int max = pool.getMaximumPoolSize();
        if (mx == null) {
            return new PoolStats(0, 0, 0, 0, max);
        }
        return new PoolStats(mx.getActiveConnections(), mx.getIdleConnections(),
                mx.getThreadsAwaitingConnection(), mx.getTotalConnections(), max);
    }

    /** The pool itself, for tests in this package that inspect connections directly. */
    HikariDataSource pool() {
        return pool;
    }

    /** Safe to log. */
    public String describe() {
        return url.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}
